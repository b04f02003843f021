import { describe, expect, it } from 'vitest';
import { longestChain, sequentialAlerts, volumeAlerts } from './enumeration.js';
import { at, context, FakeLedger, sequence } from './fixtures.js';

const start = at('2026-03-05T09:00');

/** One person looking up the given 12-digit numbers a minute apart. */
function numbers(ids: string[], actor = 'desk01'): FakeLedger {
  const l = new FakeLedger();
  ids.forEach((id, i) => l.lookup({ ts: start + i * 60_000, actor, id }));
  return l;
}

describe('the longest chain of masked suffixes', () => {
  it('follows consecutive values and steps up to the allowed one', () => {
    expect(longestChain([1, 2, 3, 10, 11], 1)).toEqual(new Set([1, 2, 3]));
    expect(longestChain([1, 3, 5, 7, 20], 2).size).toBe(4);
    expect(longestChain([1, 4, 7, 10], 2).size).toBe(1);
    expect(longestChain([], 1).size).toBe(0);
  });

  it('reads around the circle, from 999 to 000', () => {
    expect(longestChain([997, 998, 999, 0, 1, 500], 1)).toEqual(new Set([997, 998, 999, 0, 1]));
  });
});

describe('sequential ID numbers (R3)', () => {
  it('fire for 20 consecutive numbers by one person, naming only masked forms', () => {
    const l = new FakeLedger();
    sequence(l, { actor: 'desk01', start, gapMs: 45_000, count: 20, firstId: '001085000101' });
    const alerts = sequentialAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'enumeration.sequential', severity: 'high', requirement: 'R3', dedupKey: 'enumeration.sequential|actor:desk01|2026-03-05|prefix:001' });
    expect(alerts[0]!.evidence).toMatchObject({ runLength: 20, maskedFrom: '001******101', maskedTo: '001******120', distinctCitizens: 20 });
    expect(JSON.stringify(alerts)).not.toMatch(/[0-9]{12}|hmac-/);
  });

  it('do not fire for 19 consecutive numbers', () => {
    const l = new FakeLedger();
    sequence(l, { actor: 'desk01', start, gapMs: 45_000, count: 19 });
    expect(sequentialAlerts(l.entries, context())).toEqual([]);
  });

  it('fire when every other number is taken, and not when every third is (default step 2)', () => {
    const every = (k: number) => Array.from({ length: 25 }, (_, i) => `0380950${String(10_000 + i * k).padStart(5, '0')}`);
    expect(sequentialAlerts(numbers(every(2)).entries, context())).toHaveLength(1);
    expect(sequentialAlerts(numbers(every(3)).entries, context())).toEqual([]);
    expect(sequentialAlerts(numbers(every(3)).entries, context({ thresholds: { enumeration: { maxSuffixStep: 3 } } }))).toHaveLength(1);
  });

  it('do not fire for a busy day of unrelated numbers with the same prefix', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `0011${String(80 + (i % 20)).padStart(2, '0')}${String((i * 7919 * 104729) % 1_000_000).padStart(6, '0')}`);
    expect(sequentialAlerts(numbers(ids).entries, context())).toEqual([]);
  });

  it('do not join runs of different prefixes or different people', () => {
    const a = Array.from({ length: 10 }, (_, i) => `001085000${String(100 + i)}`);
    const b = Array.from({ length: 10 }, (_, i) => `079085000${String(110 + i)}`);
    expect(sequentialAlerts(numbers([...a, ...b]).entries, context())).toEqual([]);
    const l = new FakeLedger();
    a.forEach((id, i) => l.lookup({ ts: start + i * 60_000, actor: 'desk01', id }));
    a.forEach((_, i) => l.lookup({ ts: start + i * 60_000, actor: 'desk02', id: `001085000${String(110 + i)}` }));
    expect(sequentialAlerts(l.entries, context())).toEqual([]);
  });
});

describe('many distinct citizens in an hour (R3)', () => {
  const spread = (n: number, gapMs: number, distinctIds = n) => {
    const l = new FakeLedger();
    for (let i = 0; i < n; i++) l.lookup({ ts: start + i * gapMs, actor: 'desk01', id: `0790${String(90_000_000 + ((i % distinctIds) * 7_777_777) % 99_999_999).padStart(8, '0')}` });
    return l;
  };

  it('fire for more than 60 distinct citizens within an hour', () => {
    const alerts = volumeAlerts(spread(61, 55_000).entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.evidence).toMatchObject({ distinctCitizens: 61 });
  });

  it('do not fire for 60, nor for 61 spread over more than an hour', () => {
    expect(volumeAlerts(spread(60, 55_000).entries, context())).toEqual([]);
    expect(volumeAlerts(spread(61, 61_000).entries, context())).toEqual([]);
  });

  it('count a citizen looked up twice once', () => {
    expect(volumeAlerts(spread(100, 30_000, 40).entries, context())).toEqual([]);
  });
});
