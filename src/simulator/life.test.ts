import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawLifeCourse, householdRelation, maritalStatusAt, type LifeCourse } from './life.js';
import { Rng } from './prng.js';

const course = (c: Partial<LifeCourse>): LifeCourse => ({
  lifespan: 90, marriageAge: 25, divorceAge: null, widowedAge: null, ...c,
});

describe('life course', () => {
  it('is single before the marriage age and married from it', () => {
    expect(maritalStatusAt(course({}), 24)).toBe('Chưa kết hôn');
    expect(maritalStatusAt(course({}), 25)).toBe('Đã kết hôn');
    expect(maritalStatusAt(course({ marriageAge: null }), 80)).toBe('Chưa kết hôn');
  });

  it('moves to divorced or widowed at the drawn age', () => {
    expect(maritalStatusAt(course({ divorceAge: 30 }), 31)).toBe('Ly hôn');
    expect(maritalStatusAt(course({ widowedAge: 70 }), 70)).toBe('Góa');
    expect(maritalStatusAt(course({ widowedAge: 70 }), 69)).toBe('Đã kết hôn');
  });

  it('never marries anyone below the legal age (men 20, women 18)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('male' as const, 'female' as const), (seed, sex) => {
        const c = drawLifeCourse(Rng.fromSeed(seed), sex);
        if (c.marriageAge !== null) expect(c.marriageAge).toBeGreaterThanOrEqual(sex === 'male' ? 20 : 18);
        if (c.divorceAge !== null) expect(c.divorceAge).toBeGreaterThan(c.marriageAge ?? Infinity);
        if (c.widowedAge !== null) expect(c.widowedAge).toBeGreaterThan(c.marriageAge ?? Infinity);
        expect(c.lifespan).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('makes children sons, daughters or grandchildren of the household head', () => {
    const rng = Rng.fromSeed('children');
    for (let i = 0; i < 500; i++) {
      expect(['Con', 'Cháu', 'Em']).toContain(householdRelation(rng, 10, 'female', 'Chưa kết hôn'));
    }
  });

  it('makes a married woman a wife, daughter-in-law, daughter, mother or head, never a husband', () => {
    const rng = Rng.fromSeed('wives');
    const seen = new Set(Array.from({ length: 2_000 }, () => householdRelation(rng, 65, 'female', 'Đã kết hôn')));
    for (const r of seen) expect(['Vợ', 'Con dâu', 'Con', 'Chủ hộ', 'Mẹ']).toContain(r);
    expect(seen.has('Vợ')).toBe(true);
  });
});
