import { describe, expect, it } from 'vitest';
import { at, context } from './fixtures.js';
import { quotaAlerts } from './quota.js';
import type { QuotaSnapshot } from './types.js';

const snapshot = (province: number, units: Array<[string, number]>): QuotaSnapshot => ({
  province: { used: province, cap: 9500 },
  units: units.map(([code, used]) => ({ code, used, cap: 1000 })),
});

describe('quota alerts (R1)', () => {
  it('warn when a unit reaches 80% of its daily quota', () => {
    const [a, ...rest] = quotaAlerts([], context({ quota: snapshot(1000, [['U1', 800]]) }));
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ rule: 'quota.80', severity: 'warning', requirement: 'R1', subject: { unit: 'U1' } });
    expect(a!.evidence).toMatchObject({ used: 800, cap: 1000, remaining: 200, percent: 80 });
  });

  it('stay silent just below 80%, and with no snapshot at all', () => {
    expect(quotaAlerts([], context({ quota: snapshot(7599, [['U1', 799]]) }))).toEqual([]);
    expect(quotaAlerts([], context())).toEqual([]);
  });

  it('raise only the 95% alert for a unit seen first past 95%', () => {
    const alerts = quotaAlerts([], context({ quota: snapshot(1000, [['U1', 1000], ['U2', 10]]) }));
    expect(alerts.map((a) => [a.rule, a.severity, a.subject.unit])).toEqual([['quota.95', 'high', 'U1']]);
  });

  it('treat the province near its cap as critical, since the upstream then locks every unit', () => {
    const alerts = quotaAlerts([], context({ quota: snapshot(9100, []) }));
    expect(alerts.map((a) => [a.rule, a.severity, a.subject])).toEqual([['quota.95', 'critical', {}]]);
    const warn = quotaAlerts([], context({ quota: snapshot(7600, []) }));
    expect(warn.map((a) => [a.rule, a.severity])).toEqual([['quota.80', 'high']]);
  });

  it('ignore a scope with no quota at all', () => {
    expect(quotaAlerts([], context({ quota: { province: { used: 0, cap: 0 }, units: [{ code: 'U1', used: 0, cap: 0 }] } }))).toEqual([]);
  });

  it('key each alert by scope and the quota day in the province zone, so a later run updates it', () => {
    // 01:30 UTC on 5 March is 08:30 on 5 March in Việt Nam; 18:00 UTC is already 6 March there.
    const morning = quotaAlerts([], context({ now: new Date('2026-03-05T01:30:00Z'), quota: snapshot(0, [['U1', 850]]) }));
    const later = quotaAlerts([], context({ now: new Date('2026-03-05T09:00:00Z'), quota: snapshot(0, [['U1', 870]]) }));
    const nextDay = quotaAlerts([], context({ now: new Date('2026-03-05T18:00:00Z'), quota: snapshot(0, [['U1', 850]]) }));
    expect(morning[0]!.dedupKey).toBe('quota.80|unit:U1|2026-03-05');
    expect(later[0]!.dedupKey).toBe(morning[0]!.dedupKey);
    expect(nextDay[0]!.dedupKey).toBe('quota.80|unit:U1|2026-03-06');
  });

  it('follow configured levels and an explicit quota day', () => {
    const ctx = context({ now: new Date(at('2026-03-05T10:00')), thresholds: { quota: { warnRatio: 0.5, highRatio: 0.9 } } });
    const alerts = quotaAlerts([], { ...ctx, quota: { ...snapshot(0, [['U1', 500], ['U2', 900]]), day: '2026-03-04' } });
    expect(alerts.map((a) => a.dedupKey)).toEqual(['quota.80|unit:U1|2026-03-04', 'quota.95|unit:U2|2026-03-04']);
  });
});
