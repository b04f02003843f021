import { describe, expect, it } from 'vitest';
import { BIRTH_REGISTRATION_PROVINCES, PROVINCES_2025, provinceByCode } from './provinces.js';

describe('province data', () => {
  it('lists exactly the 63 pre-2025 birth-registration codes, each three digits and unique', () => {
    expect(BIRTH_REGISTRATION_PROVINCES).toHaveLength(63);
    const codes = BIRTH_REGISTRATION_PROVINCES.map((p) => p.code);
    expect(new Set(codes).size).toBe(63);
    for (const code of codes) expect(code).toMatch(/^[0-9]{3}$/);
  });

  it('lists exactly 34 provinces and cities of 2025 with unique names', () => {
    expect(PROVINCES_2025).toHaveLength(34);
    expect(new Set(PROVINCES_2025.map((p) => p.name)).size).toBe(34);
    expect(new Set(PROVINCES_2025.map((p) => p.shortName)).size).toBe(34);
  });

  it('has six centrally-run cities and 28 provinces in 2025', () => {
    const cities = PROVINCES_2025.filter((p) => p.name.startsWith('Thành phố '));
    const provinces = PROVINCES_2025.filter((p) => p.name.startsWith('Tỉnh '));
    expect(cities).toHaveLength(6);
    expect(provinces).toHaveLength(28);
  });

  it('names every 2025 unit as its kind followed by its short name', () => {
    for (const p of PROVINCES_2025) expect(p.name.endsWith(` ${p.shortName}`)).toBe(true);
  });

  it('maps every pre-2025 code to one of the 34 units of 2025', () => {
    const names = new Set(PROVINCES_2025.map((p) => p.name));
    for (const p of BIRTH_REGISTRATION_PROVINCES) expect(names.has(p.currentProvince)).toBe(true);
  });

  it('leaves no 2025 unit without at least one pre-2025 code', () => {
    const used = new Set(BIRTH_REGISTRATION_PROVINCES.map((p) => p.currentProvince));
    expect(used.size).toBe(34);
  });

  it('keeps the pre-2025 name and kind of merged provinces', () => {
    expect(provinceByCode('074')).toEqual({
      code: '074',
      name: 'Tỉnh Bình Dương',
      currentProvince: 'Thành phố Hồ Chí Minh',
    });
    expect(provinceByCode('001')?.name).toBe('Thành phố Hà Nội');
    expect(provinceByCode('070')?.currentProvince).toBe('Tỉnh Đồng Nai');
    expect(provinceByCode('046')?.currentProvince).toBe('Thành phố Huế');
    expect(provinceByCode('077')?.currentProvince).toBe('Thành phố Hồ Chí Minh');
  });

  it('stores names in NFC so comparisons with normalised input succeed', () => {
    for (const p of BIRTH_REGISTRATION_PROVINCES) {
      expect(p.name).toBe(p.name.normalize('NFC'));
      expect(p.currentProvince).toBe(p.currentProvince.normalize('NFC'));
    }
  });

  it('knows nothing about codes that were never province codes', () => {
    for (const code of ['000', '003', '099', '100', '999', '1', '0010', '']) {
      expect(provinceByCode(code)).toBeUndefined();
    }
  });

  it('cannot be modified at run time', () => {
    expect(Object.isFrozen(BIRTH_REGISTRATION_PROVINCES)).toBe(true);
    expect(Object.isFrozen(BIRTH_REGISTRATION_PROVINCES[0])).toBe(true);
    expect(Object.isFrozen(PROVINCES_2025)).toBe(true);
  });
});
