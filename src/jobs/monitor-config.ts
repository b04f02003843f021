/**
 * The monitoring variables of the environment (R6), parsed once by `loadConfig` into
 * `Config.monitoring`. Every one is optional: without SMTP or a webhook, alerts still reach the
 * portal inbox and `dancu alerts list`.
 */
import { minutesOfClock } from '../core/monitoring/thresholds.js';

export interface MonitoringConfig {
  /** DANCU_MONITOR_INTERVAL_MS: how often the job reads new ledger entries (default 60000; 0 turns it off). */
  readonly intervalMs: number;
  /**
   * DANCU_WORKING_HOURS: local working hours `HH:MM-HH:MM` for the after-hours rule (default
   * `07:00-18:00`; the letters set none, so the province chooses).
   */
  readonly workingHours: { readonly start: string; readonly end: string };
  /** DANCU_SMTP_URL: `smtp://[user:pass@]host[:port]` or `smtps://…`; alert e-mail is off when unset. */
  readonly smtpUrl: string | null;
  /** DANCU_ALERT_EMAIL_TO: comma-separated recipients (required with DANCU_SMTP_URL). */
  readonly alertEmailTo: readonly string[];
  /** DANCU_ALERT_EMAIL_FROM: sender address (default `dancu <dancu@localhost>`). */
  readonly alertEmailFrom: string;
  /** DANCU_WEBHOOK_URL: http(s) URL that receives each alert as a signed JSON POST. */
  readonly webhookUrl: string | null;
  /** DANCU_WEBHOOK_SECRET: HMAC-SHA256 key of `X-Dancu-Signature` (required with the URL, 16+ characters). */
  readonly webhookSecret: string | null;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

export function parseMonitoringEnv(get: (name: string) => string | undefined, problems: string[]): MonitoringConfig {
  const rawInterval = (get('DANCU_MONITOR_INTERVAL_MS') ?? '60000').trim();
  let intervalMs = Number(rawInterval);
  if (!/^\d+$/.test(rawInterval) || !(intervalMs === 0 || (intervalMs >= 1000 && intervalMs <= 86_400_000))) {
    problems.push(`DANCU_MONITOR_INTERVAL_MS=${JSON.stringify(rawInterval)}: expected 0 (off) or a whole number of milliseconds from 1000 to 86400000`);
    intervalMs = 60_000;
  }

  const rawHours = (get('DANCU_WORKING_HOURS') ?? '07:00-18:00').trim();
  let workingHours = { start: '07:00', end: '18:00' };
  const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(rawHours);
  try {
    if (!m) throw new RangeError('format');
    if (minutesOfClock(m[1]!) >= minutesOfClock(m[2]!)) throw new RangeError('order');
    workingHours = { start: m[1]!, end: m[2]! };
  } catch {
    problems.push(`DANCU_WORKING_HOURS=${JSON.stringify(rawHours)}: expected HH:MM-HH:MM with the start before the end, e.g. 07:00-18:00`);
  }

  const smtpUrl = get('DANCU_SMTP_URL')?.trim() ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) problems.push('DANCU_SMTP_URL: expected smtp://host[:port] or smtps://host[:port]');
  const alertEmailTo = (get('DANCU_ALERT_EMAIL_TO') ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const badTo = alertEmailTo.filter((a) => !EMAIL.test(a));
  if (badTo.length > 0) problems.push(`DANCU_ALERT_EMAIL_TO: not an e-mail address: ${badTo.map((a) => JSON.stringify(a)).join(', ')}`);
  if (smtpUrl !== null && alertEmailTo.length === 0) problems.push('DANCU_ALERT_EMAIL_TO: required when DANCU_SMTP_URL is set');
  if (smtpUrl === null && alertEmailTo.length > 0) problems.push('DANCU_SMTP_URL: required when DANCU_ALERT_EMAIL_TO is set');
  const alertEmailFrom = get('DANCU_ALERT_EMAIL_FROM')?.trim() ?? 'dancu <dancu@localhost>';

  const webhookUrl = get('DANCU_WEBHOOK_URL')?.trim() ?? null;
  const webhookSecret = get('DANCU_WEBHOOK_SECRET') ?? null;
  if (webhookUrl !== null && !/^https?:\/\/[^\s]+$/.test(webhookUrl)) problems.push('DANCU_WEBHOOK_URL: expected an http(s) URL');
  // An unsigned webhook could be forged by anyone who learns its URL: a secret is required.
  if (webhookUrl !== null && webhookSecret === null) problems.push('DANCU_WEBHOOK_SECRET: required when DANCU_WEBHOOK_URL is set');
  if (webhookSecret !== null && webhookSecret.length < 16) problems.push('DANCU_WEBHOOK_SECRET: at least 16 characters');

  return Object.freeze({ intervalMs, workingHours: Object.freeze(workingHours), smtpUrl, alertEmailTo: Object.freeze(alertEmailTo), alertEmailFrom, webhookUrl, webhookSecret });
}
