/**
 * Quota alerts (R1: never exceed the province's registered daily threshold; no unit's tool can
 * burn the province's quota). Read from today's counters, so they warn before the refusals start.
 */
import { dayKey } from '../time.js';
import { draftAlert } from './alert.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const QUOTA_80: RuleDef = {
  id: 'quota.80',
  requirement: 'R1',
  severity: 'warning',
  description: {
    vi: 'Hạn mức tra cứu trong ngày của đơn vị hoặc của tỉnh đã dùng từ 80%',
    en: 'A unit or the province has used 80% of its daily lookup quota',
  },
};

export const QUOTA_95: RuleDef = {
  id: 'quota.95',
  requirement: 'R1',
  severity: 'high',
  description: {
    vi: 'Hạn mức tra cứu trong ngày của đơn vị hoặc của tỉnh đã dùng từ 95%',
    en: 'A unit or the province has used 95% of its daily lookup quota',
  },
};

const percent = (r: number): number => Math.floor(r * 1000) / 10;

/**
 * For each scope (the province and every unit), the highest level reached: 95% or 80%, never both
 * in one run (a scope seen first at 96% needs one alert). A province at 95% is critical, since when
 * the province's account is spent the upstream locks it for every unit (the incident of the letters).
 * A cap of 0 means the scope may not query at all; it has nothing to warn about.
 */
export function quotaAlerts(_entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const q = ctx.quota;
  if (!q) return [];
  const day = q.day ?? dayKey(ctx.now, ctx.timezone);
  const { warnRatio, highRatio } = ctx.thresholds.quota;
  const scopes = [
    { unit: undefined as string | undefined, used: q.province.used, cap: q.province.cap },
    ...q.units.map((u) => ({ unit: u.code as string | undefined, used: u.used, cap: u.cap })),
  ];
  const out: AlertDraft[] = [];
  for (const s of scopes) {
    if (!(s.cap > 0)) continue;
    const r = s.used / s.cap;
    const def = r >= highRatio ? QUOTA_95 : r >= warnRatio ? QUOTA_80 : null;
    if (!def) continue;
    const high = def === QUOTA_95;
    const where = s.unit === undefined
      ? { vi: 'toàn tỉnh', en: 'the province' }
      : { vi: `đơn vị ${s.unit}`, en: `unit ${s.unit}` };
    out.push(draftAlert(def, {
      subject: s.unit === undefined ? {} : { unit: s.unit },
      scope: [day],
      severity: s.unit === undefined ? (high ? 'critical' : 'high') : def.severity,
      title: {
        vi: `Hạn mức tra cứu của ${where.vi} đã dùng ${percent(r)}% (ngày ${day})`,
        en: `${where.en[0]!.toUpperCase()}${where.en.slice(1)} has used ${percent(r)}% of its lookup quota (${day})`,
      },
      evidence: {
        day,
        scope: s.unit === undefined ? 'province' : `unit:${s.unit}`,
        used: s.used,
        cap: s.cap,
        remaining: Math.max(0, s.cap - s.used),
        percent: percent(r),
        threshold: high ? highRatio : warnRatio,
      },
    }));
  }
  return out;
}

export const quotaRules: RuleFamily = { rules: [QUOTA_80, QUOTA_95], evaluate: quotaAlerts };
