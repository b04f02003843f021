import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenFor } from './citizens.js';
import { matchCitizen, normaliseName } from './verify.js';

const TODAY = { year: 2026, month: 3, day: 10 };
const someone = () => {
  for (let i = 0; ; i++) {
    const c = citizenFor(`0790900000${String(i).padStart(2, '0')}`, TODAY);
    if (c) return c;
  }
};

describe('normaliseName', () => {
  it('ignores case, surrounding and repeated spaces, and Unicode composition', () => {
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    expect(normaliseName(`  ${nfd.toUpperCase()}  `)).toBe(normaliseName('nguyễn   thị ánh'));
  });

  it('keeps diacritics significant: Lê is not Le', () => {
    expect(normaliseName('Lê Văn A')).not.toBe(normaliseName('Le Van A'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
      }),
    );
  });
});

describe('matchCitizen', () => {
  it('matches all three fields of the record, however the name is typed', () => {
    const c = someone();
    const typed = ` ${c.fullName.toUpperCase().normalize('NFD').replace(/ /g, '  ')} `;
    expect(matchCitizen(c, { idNumber: c.idNumber, fullName: typed, dateOfBirth: c.dateOfBirth })).toEqual({
      idNumber: true, fullName: true, dateOfBirth: true,
    });
  });

  it('reports each mismatching field separately', () => {
    const c = someone();
    expect(matchCitizen(c, { idNumber: c.idNumber, fullName: 'Tên Khác', dateOfBirth: '1900-01-01' })).toEqual({
      idNumber: true, fullName: false, dateOfBirth: false,
    });
  });

  it('matches nothing for an unknown citizen', () => {
    expect(matchCitizen(null, { idNumber: '079090000001', fullName: 'x', dateOfBirth: '1990-01-01' })).toEqual({
      idNumber: false, fullName: false, dateOfBirth: false,
    });
  });
});
