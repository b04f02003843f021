import { describe, expect, it } from 'vitest';
import { familyName, familyNameOf, fullName, middleAndGivenName } from './names.js';
import { Rng } from './prng.js';

const sample = <T>(n: number, f: (rng: Rng) => T): T[] => {
  const rng = Rng.fromSeed(`names-${n}`);
  return Array.from({ length: n }, () => f(rng));
};

describe('synthetic names', () => {
  it('makes Nguyễn the commonest family name, around four in ten', () => {
    const names = sample(10_000, (r) => familyName(r, 'north'));
    const share = names.filter((n) => n === 'Nguyễn').length / names.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.45);
  });

  it('prefers Huỳnh and Võ in the south and Hoàng and Vũ in the north', () => {
    const count = (names: string[], n: string) => names.filter((x) => x === n).length;
    const south = sample(10_000, (r) => familyName(r, 'south'));
    const north = sample(10_000, (r) => familyName(r, 'north'));
    expect(count(south, 'Huỳnh')).toBeGreaterThan(count(south, 'Hoàng'));
    expect(count(south, 'Võ')).toBeGreaterThan(count(south, 'Vũ'));
    expect(count(north, 'Hoàng')).toBeGreaterThan(count(north, 'Huỳnh'));
    expect(count(north, 'Vũ')).toBeGreaterThan(count(north, 'Võ'));
  });

  it('gives Văn only to men and Thị only to women', () => {
    const men = sample(3_000, (r) => middleAndGivenName(r, 'male', 1970));
    const women = sample(3_000, (r) => middleAndGivenName(r, 'female', 1970));
    expect(men.some((n) => n.startsWith('Văn '))).toBe(true);
    expect(women.some((n) => n.startsWith('Thị '))).toBe(true);
    expect(men.some((n) => n.split(' ').includes('Thị'))).toBe(false);
    expect(women.some((n) => n.split(' ').includes('Văn'))).toBe(false);
  });

  it('uses Thị far less for girls born after 2000 than for women born before 1980', () => {
    const share = (year: number) =>
      sample(5_000, (r) => middleAndGivenName(r, 'female', year)).filter((n) => n.startsWith('Thị ')).length / 5_000;
    expect(share(1960)).toBeGreaterThan(share(2010) * 3);
  });

  it('never repeats the middle name as the given name', () => {
    for (const n of sample(5_000, (r) => middleAndGivenName(r, 'female', 2005))) {
      const parts = n.split(' ');
      if (parts.length === 2) expect(parts[0]).not.toBe(parts[1]);
    }
  });

  it('writes names in NFC with Vietnamese diacritics, two to four words, family name first', () => {
    const names = sample(2_000, (r) => fullName(r, 'Trần', 'male', 1990));
    expect(names.some((n) => /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/u.test(n))).toBe(true);
    for (const n of names) {
      expect(n).toBe(n.normalize('NFC'));
      expect(familyNameOf(n)).toBe('Trần');
      expect(n.split(' ').length).toBeGreaterThanOrEqual(2);
      expect(n.split(' ').length).toBeLessThanOrEqual(4);
    }
  });
});
