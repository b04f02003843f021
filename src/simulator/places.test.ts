import { describe, expect, it } from 'vitest';
import { PROVINCES_2025 } from '../core/provinces.js';
import { address, communeAndProvince, communeName, currentProvinceOfCode, regionOf, regionOfCode } from './places.js';
import { Rng } from './prng.js';

const names2025 = PROVINCES_2025.map((p) => p.name);

describe('synthetic places', () => {
  it('ends every address with one of the 34 units of 2025 and names no district', () => {
    const rng = Rng.fromSeed('addresses');
    for (let i = 0; i < 3_000; i++) {
      const a = address(rng, rng.pick(PROVINCES_2025));
      expect(names2025.some((n) => a.endsWith(`, ${n}`))).toBe(true);
      // No districts since 01/7/2025: no Quận, Huyện, Thị xã or provincial-city level.
      expect(a).not.toMatch(/Quận|Huyện|Thị xã/u);
    }
  });

  it('puts a street in a ward and a hamlet in a commune', () => {
    const rng = Rng.fromSeed('kinds');
    for (let i = 0; i < 2_000; i++) {
      const a = address(rng, rng.pick(PROVINCES_2025));
      if (a.startsWith('Số ')) expect(a).toMatch(/, Phường /u);
      else expect(a).toMatch(/^(Thôn|Xóm|Ấp) [^,]+, Xã /u);
    }
  });

  it('uses ấp in the south and not in the north', () => {
    const rng = Rng.fromSeed('regions');
    const hcm = PROVINCES_2025.find((p) => p.shortName === 'Hồ Chí Minh')!;
    const laoCai = PROVINCES_2025.find((p) => p.shortName === 'Lào Cai')!;
    const south = Array.from({ length: 500 }, () => address(rng, hcm));
    const north = Array.from({ length: 500 }, () => address(rng, laoCai));
    expect(south.some((a) => a.startsWith('Ấp '))).toBe(true);
    expect(north.some((a) => a.startsWith('Ấp '))).toBe(false);
  });

  it('never names a ward or commune after a province', () => {
    const rng = Rng.fromSeed('communes');
    const provinces = new Set(PROVINCES_2025.map((p) => p.shortName));
    for (let i = 0; i < 5_000; i++) expect(provinces.has(communeName(rng))).toBe(false);
  });

  it('records home towns as a commune or ward and a 2025 province', () => {
    const rng = Rng.fromSeed('hometown');
    for (let i = 0; i < 500; i++) {
      expect(communeAndProvince(rng, rng.pick(PROVINCES_2025))).toMatch(/^(Xã|Phường) [^,]+, (Tỉnh|Thành phố) /u);
    }
  });

  it('places merged pre-2025 codes in their new unit and region', () => {
    expect(currentProvinceOfCode('074')?.name).toBe('Thành phố Hồ Chí Minh');
    expect(currentProvinceOfCode('999')).toBeUndefined();
    expect(regionOfCode('074')).toBe('south');
    expect(regionOfCode('002')).toBe('north');
    expect(regionOfCode('046')).toBe('central');
    expect(new Set(PROVINCES_2025.map(regionOf))).toEqual(new Set(['north', 'central', 'south']));
  });
});
