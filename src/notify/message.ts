/**
 * What a notification says (R6: the people who handle violations learn of them promptly). Pure:
 * the e-mail text, the webhook payload and its signature. Notifications carry the alert's rule,
 * severity, title and subject only; the evidence stays in dancu, behind a login (data minimisation:
 * mail and webhooks leave the province's control).
 */
import { createHmac } from 'node:crypto';
import type { AlertRow } from '../storage/schema.js';

export type AlertEvent = 'raised' | 'escalated';

const SEVERITY_VI: Record<string, string> = { info: 'THÔNG TIN', warning: 'CẢNH BÁO', high: 'CAO', critical: 'NGHIÊM TRỌNG' };
const EVENT_VI: Record<AlertEvent, string> = { raised: 'Phát hiện mới', escalated: 'Tăng mức độ' };

export type NotifiedAlert = Pick<AlertRow, 'id' | 'rule' | 'severity' | 'status' | 'owner' | 'requirement' | 'subject_actor' | 'subject_unit' | 'subject_app' | 'title_vi' | 'title_en' | 'first_seen_at' | 'last_seen_at'>;

/** `05/03/2026 21:25` in the province's zone. */
export function localTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

function subjectVi(a: NotifiedAlert): string {
  const parts = [
    a.subject_actor ? `tài khoản ${a.subject_actor}` : null,
    a.subject_app ? `hệ thống ${a.subject_app}` : null,
    a.subject_unit ? `đơn vị ${a.subject_unit}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : 'toàn tỉnh';
}

export function emailMessage(a: NotifiedAlert, event: AlertEvent, timeZone: string): { subject: string; text: string } {
  const sev = SEVERITY_VI[a.severity] ?? a.severity.toUpperCase();
  const subject = `[dancu] [${sev}] ${a.rule}: ${a.title_vi}`.normalize('NFC');
  const text = [
    `${EVENT_VI[event]} — cảnh báo số ${a.id}`,
    '',
    `Quy tắc: ${a.rule} (yêu cầu ${a.requirement})`,
    `Mức độ: ${sev} (${a.severity})`,
    `Nội dung: ${a.title_vi}`,
    `Đối tượng: ${subjectVi(a)}`,
    `Phát hiện lúc: ${localTime(a.first_seen_at, timeZone)} (${timeZone})`,
    `Bộ phận xử lý: ${a.owner}`,
    '',
    'Xem chứng cứ và xử lý trên cổng thông tin (mục Cảnh báo) hoặc bằng lệnh: dancu alerts list',
    '',
    '---',
    `Alert ${a.id} ${event}: ${a.rule} (${a.requirement}), severity ${a.severity}, owner ${a.owner}`,
    a.title_en,
    '',
  ].join('\n').normalize('NFC');
  return { subject, text };
}

export function webhookPayload(a: NotifiedAlert, event: AlertEvent, sentAt: Date, deliveryId: number): Record<string, unknown> {
  return {
    event: `alert.${event}`,
    deliveryId,
    sentAt: sentAt.toISOString(),
    alert: {
      id: a.id, rule: a.rule, severity: a.severity, status: a.status, owner: a.owner, requirement: a.requirement,
      subject: { actor: a.subject_actor, unit: a.subject_unit, app: a.subject_app },
      title: { vi: a.title_vi, en: a.title_en },
      firstSeenAt: new Date(a.first_seen_at).toISOString(),
      lastSeenAt: new Date(a.last_seen_at).toISOString(),
    },
  };
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
