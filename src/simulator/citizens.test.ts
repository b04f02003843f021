import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIRTH_REGISTRATION_PROVINCES, PROVINCES_2025 } from '../core/provinces.js';
import { citizenFor } from './citizens.js';
import { familyNameOf } from './names.js';

const TODAY = { year: 2026, month: 3, day: 10 };
const codes = BIRTH_REGISTRATION_PROVINCES.map((p) => p.code);
const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
/** A well-formed number of someone born 1900..2025 with a known prefix. */
const idNumber = fc
  .tuple(fc.constantFrom(...codes), fc.integer({ min: 1900, max: 2025 }), fc.boolean(), digits(6))
  .map(([code, year, female, serial]) => {
    const g = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0);
    return { id: `${code}${g}${String(year % 100).padStart(2, '0')}${serial}`, year, female, code };
  });

const FIELDS = [
  'idNumber', 'fullName', 'otherNames', 'dateOfBirth', 'gender', 'placeOfBirth', 'birthRegistrationPlace',
  'hometown', 'ethnicity', 'religion', 'nationality', 'bloodGroup', 'oldIdNumber', 'permanentAddress',
  'temporaryAddress', 'currentAddress', 'maritalStatus', 'householdHeadRelation', 'fatherName', 'motherName',
  'spouseName', 'dateOfDeath',
].sort();

describe('citizenFor', () => {
  it('gives the same person for the same number', () => {
    fc.assert(
      fc.property(idNumber, ({ id }) => {
        expect(citizenFor(id, TODAY)).toEqual(citizenFor(id, TODAY));
      }),
      { numRuns: 200 },
    );
  });

  it('gives different people for neighbouring numbers', () => {
    const a = citizenFor('079090000001', TODAY);
    const b = citizenFor('079090000002', TODAY);
    expect(a && b && a.fullName + a.dateOfBirth).not.toBe(b && b.fullName + b.dateOfBirth);
  });

  it('returns exactly the population-data fields of the contract', () => {
    fc.assert(
      fc.property(idNumber, ({ id }) => {
        const c = citizenFor(id, TODAY);
        if (c) expect(Object.keys(c).sort()).toEqual(FIELDS);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the number on gender, birth year and birth-registration province', () => {
    fc.assert(
      fc.property(idNumber, ({ id, year, female, code }) => {
        const c = citizenFor(id, TODAY);
        if (!c) return;
        expect(c.idNumber).toBe(id);
        expect(c.gender).toBe(female ? 'Nữ' : 'Nam');
        expect(c.dateOfBirth.slice(0, 4)).toBe(String(year));
        const d = new Date(`${c.dateOfBirth}T00:00:00Z`);
        expect(d.toISOString().slice(0, 10)).toBe(c.dateOfBirth);
        expect(c.birthRegistrationPlace).toBe(BIRTH_REGISTRATION_PROVINCES.find((p) => p.code === code)?.name);
      }),
      { numRuns: 500 },
    );
  });

  it('finds about 2% of well-formed numbers belong to nobody', () => {
    let missing = 0;
    fc.assert(
      fc.property(idNumber, ({ id }) => {
        if (citizenFor(id, { year: 2026, month: 12, day: 31 }) === null) missing += 1;
      }),
      { numRuns: 5_000, seed: 20260310 },
    );
    expect(missing / 5_000).toBeGreaterThan(0.01);
    expect(missing / 5_000).toBeLessThan(0.03);
  });

  it('finds nobody for malformed numbers, future births or padded input', () => {
    for (const id of ['', '07909000000', '07909000000x', '079227000001', '079400000001', ' 079090000001', '０７９０９００００００１']) {
      expect(citizenFor(id, TODAY)).toBeNull();
    }
  });

  it('finds nobody whose birth date is still ahead this year, and finds them once born', () => {
    let checked = 0;
    for (let i = 0; checked < 20 && i < 500; i++) {
      const id = `079226${String(i).padStart(6, '0')}`;
      const endOfYear = citizenFor(id, { year: 2026, month: 12, day: 31 });
      if (!endOfYear) continue;
      const [, m, d] = endOfYear.dateOfBirth.split('-').map(Number) as [number, number, number];
      expect(citizenFor(id, { year: 2026, month: m, day: d })).toEqual(endOfYear);
      if (d > 1) expect(citizenFor(id, { year: 2026, month: m, day: d - 1 })).toBeNull();
      checked += 1;
    }
    expect(checked).toBe(20);
  });

  it('still finds a person for an unknown prefix, registered abroad', () => {
    const found = Array.from({ length: 20 }, (_, i) => citizenFor(`999090${String(i).padStart(6, '0')}`, TODAY)).filter(
      (c) => c !== null,
    );
    expect(found.length).toBeGreaterThan(15);
    for (const c of found) expect(c.birthRegistrationPlace).toMatch(/^Cơ quan đại diện Việt Nam tại /u);
  });
});

describe('citizenFor records', () => {
  const people = Array.from({ length: 3_000 }, (_, i) => {
    const year = 1930 + (i % 96);
    const g = year >= 2000 ? 2 + (i % 2) : i % 2;
    const code = codes[i % codes.length]!;
    return citizenFor(`${code}${g}${String(year % 100).padStart(2, '0')}${String(i * 7919).padStart(6, '0').slice(-6)}`, TODAY);
  }).filter((c) => c !== null);
  const ageOf = (c: { dateOfBirth: string }) => 2026 - Number(c.dateOfBirth.slice(0, 4));

  it('gives children their father\'s family name', () => {
    for (const c of people) if (c.fatherName) expect(familyNameOf(c.fatherName)).toBe(familyNameOf(c.fullName));
  });

  it('gives no spouse to minors or to anyone not currently married', () => {
    for (const c of people) {
      if (ageOf(c) < 18) expect(c.maritalStatus).toBe('Chưa kết hôn');
      expect(c.spouseName !== null).toBe(c.maritalStatus === 'Đã kết hôn');
    }
  });

  it('gives a 9-digit old ID number only to people born before 2000, and not to all of them', () => {
    const old = people.filter((c) => ageOf(c) > 26);
    for (const c of people) if (c.oldIdNumber !== null) expect(c.oldIdNumber).toMatch(/^[0-9]{9}$/);
    for (const c of people.filter((c) => c.dateOfBirth >= '2000')) expect(c.oldIdNumber).toBeNull();
    expect(old.some((c) => c.oldIdNumber === null)).toBe(true);
    expect(old.some((c) => c.oldIdNumber !== null)).toBe(true);
  });

  it('places every address in one of the 34 units of 2025', () => {
    const names = PROVINCES_2025.map((p) => p.name);
    for (const c of people) {
      for (const a of [c.permanentAddress, c.currentAddress, c.temporaryAddress, c.hometown]) {
        if (a !== null) expect(names.some((n) => a.endsWith(`, ${n}`))).toBe(true);
      }
    }
  });

  it('lives at the temporary residence when one is registered, and often has none', () => {
    for (const c of people) if (c.temporaryAddress) expect(c.currentAddress).toBe(c.temporaryAddress);
    expect(people.filter((c) => c.temporaryAddress === null).length / people.length).toBeGreaterThan(0.7);
  });

  it('records deaths rarely, always after birth and before this year', () => {
    const dead = people.filter((c) => c.dateOfDeath !== null);
    for (const c of dead) {
      expect(c.dateOfDeath! >= c.dateOfBirth).toBe(true);
      expect(c.dateOfDeath! < '2026').toBe(true);
    }
    const working = people.filter((c) => ageOf(c) >= 18 && ageOf(c) <= 60);
    expect(working.filter((c) => c.dateOfDeath !== null).length / working.length).toBeLessThan(0.02);
  });

  it('is Vietnamese, mostly Kinh and mostly without religion, with names in NFC', () => {
    expect(people.every((c) => c.nationality === 'Việt Nam')).toBe(true);
    expect(people.filter((c) => c.ethnicity === 'Kinh').length / people.length).toBeGreaterThan(0.8);
    expect(people.filter((c) => c.religion === 'Không').length / people.length).toBeGreaterThan(0.75);
    for (const c of people) expect(c.fullName).toBe(c.fullName.normalize('NFC'));
  });
});
