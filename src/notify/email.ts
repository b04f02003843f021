/** Alert e-mail over SMTP (nodemailer), to the addresses of DANCU_ALERT_EMAIL_TO. */
import nodemailer from 'nodemailer';
import type { Channel } from './channel.js';
import { emailMessage } from './message.js';

export interface EmailSettings {
  /** `smtp://user:pass@host:port` or `smtps://…` (DANCU_SMTP_URL). */
  url: string;
  to: readonly string[];
  from: string;
  timeZone: string;
  /** One attempt's limit; a slow server must not hold the monitoring job. */
  timeoutMs?: number;
}

export function emailChannel(s: EmailSettings): Channel {
  const timeout = s.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({ url: s.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    name: 'email',
    async send(alert, event) {
      const m = emailMessage(alert, event, s.timeZone);
      const info = await transport.sendMail({ from: s.from, to: [...s.to], subject: m.subject, text: m.text });
      const rejected = Array.isArray(info.rejected) ? info.rejected.length : 0;
      if (rejected > 0 && rejected === s.to.length) throw new Error('every recipient was rejected');
    },
    async close() {
      transport.close();
    },
  };
}
