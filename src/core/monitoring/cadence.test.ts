import { describe, expect, it } from 'vitest';
import { burstAlerts, cadenceAlerts, coefficientOfVariation, regularRuns } from './cadence.js';
import { at, context, FakeLedger, sequence } from './fixtures.js';

/** Lookups at the given offsets (ms) from 09:00 on a working day. */
function at9(offsets: number[], actor = 'desk01'): FakeLedger {
  const l = new FakeLedger();
  offsets.forEach((o, i) => l.lookup({ ts: at('2026-03-05T09:00') + o, actor, id: `07920${String(1_000_000 + i * 7919).slice(-7)}` }));
  return l;
}

/** Human-like gaps: 20 s to a few minutes, deterministic. */
const humanOffsets = (n: number): number[] => {
  let t = 0;
  return Array.from({ length: n }, (_, i) => (t += 20_000 + ((i * 7919) % 13) * 15_000 + ((i * 104729) % 7) * 4_000));
};

describe('machine-like cadence behind a person account (R3)', () => {
  it('fires for 30 lookups exactly 1.2 s apart', () => {
    const l = new FakeLedger();
    sequence(l, { actor: 'desk01', start: at('2026-03-05T09:00'), gapMs: 1200, count: 30 });
    const alerts = cadenceAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'machine-cadence', severity: 'high', requirement: 'R3', subject: { actor: 'desk01' } });
    expect(alerts[0]!.evidence).toMatchObject({ count: 30, meanGapSeconds: 1.2, coefficientOfVariation: 0 });
  });

  it('does not fire for 29 such lookups, one short of the minimum', () => {
    const l = new FakeLedger();
    sequence(l, { actor: 'desk01', start: at('2026-03-05T09:00'), gapMs: 1200, count: 29 });
    expect(cadenceAlerts(l.entries, context())).toEqual([]);
  });

  it('fires for a slow tool on a timer with a little network jitter', () => {
    const offsets = Array.from({ length: 40 }, (_, i) => i * 300_000 + ((i * 37) % 11) * 1000);
    expect(cadenceAlerts(at9(offsets).entries, context())).toHaveLength(1);
  });

  it('does not fire for a person working at irregular intervals', () => {
    expect(cadenceAlerts(at9(humanOffsets(150)).entries, context())).toEqual([]);
  });

  it('leaves named service accounts alone', () => {
    const l = new FakeLedger();
    sequence(l, { actor: 'sync-vnedu', start: at('2026-03-05T09:00'), gapMs: 1200, count: 100 });
    const users = [{ username: 'sync-vnedu', lastLoginAt: null, serviceAccount: true }];
    expect(cadenceAlerts(l.entries, context({ users }))).toEqual([]);
    expect(burstAlerts(l.entries, context({ users }))).toEqual([]);
  });

  it('reports the whole regular run, not just its first window', () => {
    expect(regularRuns(Array.from({ length: 100 }, (_, i) => i * 1000), 30, 0.1)).toEqual([{ start: 0, end: 99, cv: 0 }]);
  });

  it('measures spread as the coefficient of variation of the gaps', () => {
    expect(coefficientOfVariation([10, 10, 10], 0, 3)).toBe(0);
    expect(coefficientOfVariation([5, 15], 0, 2)).toBeCloseTo(0.5);
    expect(coefficientOfVariation([0, 0], 0, 2)).toBe(0);
  });
});

describe('bursts on a person account (R3)', () => {
  it('fires for more than 20 lookups within a minute', () => {
    const alerts = burstAlerts(at9(Array.from({ length: 21 }, (_, i) => i * 2900)).entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'burst', severity: 'warning', dedupKey: 'burst|actor:desk01|2026-03-05' });
  });

  it('does not fire for 20 lookups within a minute, or 21 spread over more than a minute', () => {
    expect(burstAlerts(at9(Array.from({ length: 20 }, (_, i) => i * 2900)).entries, context())).toEqual([]);
    expect(burstAlerts(at9(Array.from({ length: 21 }, (_, i) => i * 3000)).entries, context())).toEqual([]);
  });

  it('counts requests stopped by the rate limit too', () => {
    const l = at9(Array.from({ length: 15 }, (_, i) => i * 1000));
    for (let i = 0; i < 10; i++) l.lookup({ ts: at('2026-03-05T09:00') + 15_000 + i * 500, actor: 'desk01', outcome: 'RATE_LIMITED' });
    expect(burstAlerts(l.entries, context())).toHaveLength(1);
  });

  it('follows a configured limit', () => {
    const l = at9(Array.from({ length: 6 }, (_, i) => i * 1000));
    expect(burstAlerts(l.entries, context({ thresholds: { burst: { maxLookups: 5, windowSeconds: 10 } } }))).toHaveLength(1);
  });
});
