/**
 * Alert webhook: a JSON POST signed with HMAC-SHA256 of the exact body under a shared secret, in
 * `X-Dancu-Signature: sha256=<hex>`, so the receiver can tell dancu's calls from forged ones. The
 * body carries `sentAt` and `deliveryId` for the receiver to refuse replays and duplicates.
 */
import type { Channel } from './channel.js';
import { signature, webhookPayload } from './message.js';

export interface WebhookSettings {
  url: string;
  secret: string;
  timeoutMs?: number;
  now?: () => Date;
}

export const SIGNATURE_HEADER = 'x-dancu-signature';

export function webhookChannel(s: WebhookSettings): Channel {
  const now = s.now ?? (() => new Date());
  return {
    name: 'webhook',
    async send(alert, event, deliveryId) {
      const body = JSON.stringify(webhookPayload(alert, event, now(), deliveryId));
      const res = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-dancu-signature': signature(s.secret, body), 'x-dancu-event': `alert.${event}`, 'user-agent': 'dancu-alerts' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(s.timeoutMs ?? 10_000),
      });
      // Drain the body so the connection is released.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
    },
    async close() {},
  };
}
