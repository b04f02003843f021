/**
 * Province-wide emergencies: the upstream locked the province's account (R1: it happens when the
 * registered threshold is exceeded; R6: handle it at once), and the ledger failed verification
 * (R6: the evidence of who looked up whom has been altered). Both are critical.
 */
import { distinct, draftAlert, span, tally } from './alert.js';
import { localDate } from './clock.js';
import { groupBy, isAttempt } from './entries.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const UPSTREAM_LOCKED: RuleDef = {
  id: 'upstream.locked',
  requirement: 'R1',
  severity: 'critical',
  description: {
    vi: 'Cơ sở dữ liệu quốc gia về dân cư đã khóa tài khoản kết nối của tỉnh; mọi truy vấn bị dừng',
    en: 'The population database locked the province account; every query is stopped',
  },
};

export const LEDGER_BROKEN: RuleDef = {
  id: 'ledger.verification-failed',
  requirement: 'R6',
  severity: 'critical',
  description: {
    vi: 'Kiểm tra chuỗi nhật ký khai thác phát hiện bản ghi bị sửa, xóa hoặc chèn',
    en: 'Ledger verification found an altered, deleted or inserted entry',
  },
};

/** How far back the units that spent the quota are counted, to say who caused a lock. */
const LOCK_LOOKBACK_MS = 60 * 60_000;

/**
 * One alert per local day with `upstream.locked` entries (every request answered 423 records one,
 * so a lock makes many). The evidence names the units and apps with the most requests in the hour
 * before the first lock, since the letters' incident was one unit's tool burning the quota.
 */
export function upstreamLockAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const locks = entries.filter((e) => e.operation === 'upstream.locked');
  const byDay = groupBy(locks, (e) => localDate(e.ts, ctx.timezone));
  const out: AlertDraft[] = [];
  for (const [day, dayLocks] of byDay) {
    const first = dayLocks[0]!;
    const before = entries.filter((e) => isAttempt(e) && e.ts <= first.ts && first.ts - e.ts < LOCK_LOOKBACK_MS);
    const cleared = entries.some((e) => e.operation === 'upstream.clear_lock' && e.outcome === 'OK' && e.ts >= first.ts);
    out.push(draftAlert(UPSTREAM_LOCKED, {
      subject: {},
      scope: [day],
      title: {
        vi: `Tài khoản kết nối của tỉnh bị khóa (ngày ${day})`,
        en: `The province upstream account was locked (${day})`,
      },
      evidence: {
        ...span(dayLocks),
        statuses: distinct(dayLocks, (e) => (typeof e.detail?.status === 'number' ? String(e.detail.status) : null)),
        clearedSince: cleared,
        requestsInHourBefore: before.length,
        topUnitsInHourBefore: tally(before, (e) => e.unit_code),
        topAppsInHourBefore: tally(before, (e) => e.app_id),
      },
    }));
  }
  return out;
}

/**
 * A broken chain yields one alert per break found (entry and reason), so verifying again without
 * repair does not add another, while a second, different break does.
 */
export function ledgerVerificationAlerts(_entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const v = ctx.ledgerVerification;
  if (!v || v.ok) return [];
  const b = v.firstBroken;
  return [draftAlert(LEDGER_BROKEN, {
    subject: {},
    scope: [`seq:${b.seq}`, b.reason],
    title: {
      vi: `Chuỗi nhật ký bị phá vỡ tại bản ghi ${b.seq} (${b.reason})`,
      en: `The ledger chain is broken at entry ${b.seq} (${b.reason})`,
    },
    evidence: { seq: b.seq, reason: b.reason, message: b.message, entriesVerified: v.entries },
  })];
}

export const systemRules: RuleFamily = {
  rules: [UPSTREAM_LOCKED, LEDGER_BROKEN],
  evaluate: (entries, ctx) => [...upstreamLockAlerts(entries, ctx), ...ledgerVerificationAlerts(entries, ctx)],
};
