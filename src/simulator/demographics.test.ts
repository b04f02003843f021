import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, RELIGIONS, bloodGroup, ethnicity, religion } from './demographics.js';
import { Rng } from './prng.js';

describe('synthetic demographics', () => {
  it('lists the 54 ethnic groups once each', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(new Set(ETHNIC_GROUPS.map(([n]) => n)).size).toBe(54);
  });

  it('draws Kinh for about 85% and no religion for about 80%', () => {
    const rng = Rng.fromSeed('demographics');
    const n = 20_000;
    let kinh = 0;
    let none = 0;
    for (let i = 0; i < n; i++) {
      if (ethnicity(rng) === 'Kinh') kinh += 1;
      if (religion(rng) === 'Không') none += 1;
    }
    expect(kinh / n).toBeGreaterThan(0.82);
    expect(kinh / n).toBeLessThan(0.88);
    expect(none / n).toBeGreaterThan(0.77);
    expect(none / n).toBeLessThan(0.83);
    expect(RELIGIONS.map(([r]) => r)).toEqual(expect.arrayContaining(['Phật giáo', 'Công giáo', 'Tin lành', 'Cao Đài', 'Phật giáo Hòa Hảo']));
  });

  it('gives A, B, AB or O as blood group, and sometimes none', () => {
    const rng = Rng.fromSeed('blood');
    const seen = new Set(Array.from({ length: 2_000 }, () => bloodGroup(rng)));
    expect(seen).toEqual(new Set(['A', 'B', 'AB', 'O', null]));
  });
});
