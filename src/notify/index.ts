/**
 * Notifications of alerts (R6): e-mail over SMTP, a signed webhook, and the portal inbox (the
 * alerts table itself, read by `GET /api/v1/alerts`). The channels come from the configuration.
 */
import type { Channel } from './channel.js';
import { emailChannel } from './email.js';
import { webhookChannel } from './webhook.js';

export interface NotifySettings {
  readonly smtpUrl: string | null;
  readonly alertEmailTo: readonly string[];
  readonly alertEmailFrom: string;
  readonly webhookUrl: string | null;
  readonly webhookSecret: string | null;
  readonly timezone: string;
}

/** The configured channels; none when neither SMTP nor a webhook is set (the inbox always works). */
export function channelsFrom(s: NotifySettings): Channel[] {
  const out: Channel[] = [];
  if (s.smtpUrl && s.alertEmailTo.length > 0) out.push(emailChannel({ url: s.smtpUrl, to: s.alertEmailTo, from: s.alertEmailFrom, timeZone: s.timezone }));
  if (s.webhookUrl && s.webhookSecret) out.push(webhookChannel({ url: s.webhookUrl, secret: s.webhookSecret }));
  return out;
}

export type { Channel } from './channel.js';
export { deliverPending, type DeliveryReport } from './outbox.js';
export { signature, type AlertEvent } from './message.js';
