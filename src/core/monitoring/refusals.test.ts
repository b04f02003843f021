import { describe, expect, it } from 'vitest';
import { at, context, FakeLedger } from './fixtures.js';
import { invalidIdAlerts, refusalSpikeAlerts } from './refusals.js';

const start = at('2026-03-05T09:00');

function invalid(n: number, gapMs: number, actor = 'desk01'): FakeLedger {
  const l = new FakeLedger();
  for (let i = 0; i < n; i++) l.lookup({ ts: start + i * gapMs, actor, id: `99${i}`, outcome: 'INVALID_ID_NUMBER' });
  return l;
}

describe('repeated invalid ID numbers (R3)', () => {
  it('fire for ten invalid numbers by one person within an hour', () => {
    const alerts = invalidIdAlerts(invalid(10, 5 * 60_000).entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'invalid-id.repeated', requirement: 'R3', subject: { actor: 'desk01' } });
    expect(alerts[0]!.title.en).toContain('within 1 h');
  });

  it('do not fire for the occasional typo: nine in an hour, or ten over two hours', () => {
    expect(invalidIdAlerts(invalid(9, 5 * 60_000).entries, context())).toEqual([]);
    expect(invalidIdAlerts(invalid(10, 13 * 60_000).entries, context())).toEqual([]);
  });

  it('count each person separately', () => {
    const l = invalid(5, 60_000, 'desk01');
    for (const e of invalid(5, 60_000, 'desk02').entries) l.add({ ...e, seq: 100 + e.seq });
    expect(invalidIdAlerts(l.entries, context())).toEqual([]);
  });
});

describe('spikes of refusals in a unit (R6)', () => {
  const refused = (n: number, gapMs: number, outcome = 'QUOTA_EXCEEDED', unit = 'U1') => {
    const l = new FakeLedger();
    for (let i = 0; i < n; i++) l.lookup({ ts: start + i * gapMs, actor: `desk0${i % 3}`, unit, outcome });
    return l;
  };

  it('fire for 30 refusals within ten minutes, broken down by outcome and person', () => {
    const l = refused(20, 10_000);
    for (let i = 0; i < 10; i++) l.lookup({ ts: start + 200_000 + i * 1000, actor: 'desk09', outcome: 'CITIZEN_NOT_FOUND' });
    const alerts = refusalSpikeAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'refusals.spike', subject: { unit: 'U1' }, dedupKey: 'refusals.spike|unit:U1|2026-03-05' });
    expect(alerts[0]!.evidence).toMatchObject({ count: 30, byOutcome: { QUOTA_EXCEEDED: 20, CITIZEN_NOT_FOUND: 10 } });
  });

  it('do not fire for 29 refusals, for refusals spread out, or for successful lookups', () => {
    expect(refusalSpikeAlerts(refused(29, 10_000).entries, context())).toEqual([]);
    expect(refusalSpikeAlerts(refused(30, 30_000).entries, context())).toEqual([]);
    expect(refusalSpikeAlerts(refused(100, 1000, 'OK').entries, context())).toEqual([]);
  });

  it('count each unit separately', () => {
    const l = refused(20, 1000, 'UPSTREAM_ERROR', 'U1');
    for (const e of refused(20, 1000, 'UPSTREAM_ERROR', 'U2').entries) l.add({ ...e, seq: 100 + e.seq });
    expect(refusalSpikeAlerts(l.entries, context())).toEqual([]);
  });
});
