import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seededRandom } from './prng.js';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = seededRandom('079190000123');
    const b = seededRandom('079190000123');
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('gives different sequences for seeds differing in one character', () => {
    const a = seededRandom('079190000123');
    const b = seededRandom('079190000124');
    const same = Array.from({ length: 20 }, () => a() === b()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const r = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = r();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('spreads values roughly evenly', () => {
    const r = seededRandom('spread');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) buckets[Math.floor(r() * 10)]! += 1;
    for (const n of buckets) expect(n).toBeGreaterThan(1700);
  });
});

describe('Rng', () => {
  it('draws integers within both bounds', () => {
    const rng = Rng.fromSeed('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('honours weights, never picking a zero-weight item', () => {
    const rng = Rng.fromSeed('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.weighted([
        ['heavy', 9],
        ['light', 1],
        ['never', 0],
      ] as const);
      expect(x).not.toBe('never');
      if (x === 'heavy') heavy += 1;
    }
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });

  it('refuses to pick from nothing', () => {
    const rng = Rng.fromSeed('empty');
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('makes digit strings of the requested length', () => {
    expect(Rng.fromSeed('d').digits(9)).toMatch(/^[0-9]{9}$/);
  });
});
