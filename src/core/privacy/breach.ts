/**
 * Personal-data breach notification: within 72 hours of discovery (Luật Bảo vệ dữ liệu cá nhân
 * 91/2025/QH15 and NĐ 356/2025/NĐ-CP, from 01/01/2026; DOMAIN.md §3, §4). Pure: `now` is passed in.
 */

export const BREACH_NOTICE_HOURS = 72;
const HOUR_MS = 3_600_000;

export type BreachNoticeStatus =
  /** Not yet notified, deadline ahead. */
  | 'due'
  /** Not yet notified, deadline passed. */
  | 'overdue'
  | 'notified'
  | 'notified_late';

export interface BreachNotice {
  deadlineMs: number;
  status: BreachNoticeStatus;
  /** Until the deadline (negative once passed); for a notified incident, the margin it was notified with. */
  msLeft: number;
}

export function breachDeadline(discoveredAtMs: number, hours = BREACH_NOTICE_HOURS): number {
  return discoveredAtMs + hours * HOUR_MS;
}

export function breachNotice(i: { discoveredAtMs: number; notifiedAtMs: number | null }, nowMs: number, hours = BREACH_NOTICE_HOURS): BreachNotice {
  const deadlineMs = breachDeadline(i.discoveredAtMs, hours);
  if (i.notifiedAtMs !== null) {
    const msLeft = deadlineMs - i.notifiedAtMs;
    return { deadlineMs, status: msLeft >= 0 ? 'notified' : 'notified_late', msLeft };
  }
  const msLeft = deadlineMs - nowMs;
  return { deadlineMs, status: msLeft >= 0 ? 'due' : 'overdue', msLeft };
}

/** "còn 5 giờ 20 phút" / "quá hạn 2 giờ 5 phút": a duration for people. */
export function describeDuration(ms: number, lang: 'vi' | 'en' = 'vi'): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return lang === 'vi' ? `${h} giờ ${m} phút` : `${h} h ${m} min`;
}

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type DiscoveryCheck = { ok: true } | { ok: false; message: string };

/** A discovery time in the future is a typing mistake, not a breach we know about yet. */
export function checkDiscoveredAt(discoveredAtMs: number, nowMs: number, skewMs = 5 * 60_000): DiscoveryCheck {
  if (!Number.isFinite(discoveredAtMs)) return { ok: false, message: 'discoveredAt is not a time' };
  if (discoveredAtMs > nowMs + skewMs) return { ok: false, message: 'discoveredAt lies in the future' };
  return { ok: true };
}
