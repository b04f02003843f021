import { describe, expect, it } from 'vitest';
import { afterHoursAlerts } from './after-hours.js';
import { at, context, FakeLedger } from './fixtures.js';

/** `n` lookups by `actor` one minute apart from a local time. */
function lookups(n: number, from: string, actor = 'desk01'): FakeLedger {
  const l = new FakeLedger();
  for (let i = 0; i < n; i++) l.lookup({ ts: at(from) + i * 60_000, actor, id: `0010850${String(10000 + i * 37).padStart(5, '0')}` });
  return l;
}

describe('lookups outside working time (R3, R6)', () => {
  it('fire for lookups at 21:00 on a working day, once per person and day', () => {
    const alerts = afterHoursAlerts(lookups(5, '2026-03-05T21:00').entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'after-hours', severity: 'info', requirement: 'R3', subject: { actor: 'desk01', unit: 'U1' } });
    expect(alerts[0]!.dedupKey).toBe('after-hours|actor:desk01|2026-03-05');
    expect(alerts[0]!.evidence).toMatchObject({ count: 5, kinds: { 'outside-hours': 5 } });
  });

  it('stay silent inside working hours', () => {
    expect(afterHoursAlerts(lookups(5, '2026-03-05T07:00').entries, context())).toEqual([]);
    expect(afterHoursAlerts(lookups(5, '2026-03-05T17:55').entries.slice(0, 8), context())).toEqual([]);
  });

  it('treat the start of working hours as inside and the end as outside', () => {
    const ctx = context({ thresholds: { afterHours: { minLookups: 1 } } });
    expect(afterHoursAlerts(lookups(1, '2026-03-05T06:59').entries, ctx)).toHaveLength(1);
    expect(afterHoursAlerts(lookups(1, '2026-03-05T07:00').entries, ctx)).toEqual([]);
    expect(afterHoursAlerts(lookups(1, '2026-03-05T17:59').entries, ctx)).toEqual([]);
    expect(afterHoursAlerts(lookups(1, '2026-03-05T18:00').entries, ctx)).toHaveLength(1);
  });

  it('fire at the weekend and on a public holiday, naming the holiday', () => {
    const weekend = afterHoursAlerts(lookups(3, '2026-03-07T10:00').entries, context());
    expect(weekend[0]!.evidence).toMatchObject({ kinds: { weekend: 3 } });
    const holiday = afterHoursAlerts(lookups(3, '2026-04-30T10:00').entries, context());
    expect(holiday[0]!.evidence).toMatchObject({ kinds: { 'day-off': 3 } });
    expect(typeof holiday[0]!.evidence.dayOff).toBe('string');
  });

  it('stay silent on a decreed working Saturday during working hours', () => {
    expect(afterHoursAlerts(lookups(5, '2026-01-10T09:00').entries, context())).toEqual([]);
  });

  it('ignore one or two late lookups, and rise to warning from 20', () => {
    expect(afterHoursAlerts(lookups(2, '2026-03-05T18:30').entries, context())).toEqual([]);
    expect(afterHoursAlerts(lookups(20, '2026-03-05T19:00').entries, context())[0]!.severity).toBe('warning');
  });

  it('follow the configured working hours', () => {
    const ctx = context({ thresholds: { workingHours: { start: '07:30', end: '17:00' }, afterHours: { minLookups: 1 } } });
    expect(afterHoursAlerts(lookups(1, '2026-03-05T17:10').entries, ctx)).toHaveLength(1);
    expect(afterHoursAlerts(lookups(1, '2026-03-05T07:20').entries, ctx)).toHaveLength(1);
    expect(afterHoursAlerts(lookups(1, '2026-03-05T16:59').entries, ctx)).toEqual([]);
  });

  it('count each request once, not its reservation and its result', () => {
    const alerts = afterHoursAlerts(lookups(4, '2026-03-05T22:00').entries, context());
    expect(alerts[0]!.evidence.count).toBe(4);
  });

  it('ignore entries that are not lookups, such as a late login', () => {
    const l = new FakeLedger();
    for (let i = 0; i < 5; i++) l.add({ ts: at('2026-03-05T22:00') + i, operation: 'auth.login', actor: 'desk01' });
    expect(afterHoursAlerts(l.entries, context())).toEqual([]);
  });

  it('leave a named service account syncing at night alone', () => {
    const users = [{ username: 'sync-vnedu', lastLoginAt: null, serviceAccount: true }];
    expect(afterHoursAlerts(lookups(50, '2026-03-05T23:00', 'sync-vnedu').entries, context({ users }))).toEqual([]);
  });
});
