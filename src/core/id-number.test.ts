import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, decodeCentury, maskIdNumber } from './id-number.js';
import { BIRTH_REGISTRATION_PROVINCES } from './provinces.js';

const TODAY = { year: 2026 };
const knownCodes = BIRTH_REGISTRATION_PROVINCES.map((p) => p.code);
const knownCodeSet = new Set(knownCodes);

describe('decodeCentury', () => {
  it.each([
    [0, 1900, 'male'],
    [1, 1900, 'female'],
    [2, 2000, 'male'],
    [3, 2000, 'female'],
    [4, 2100, 'male'],
    [5, 2100, 'female'],
    [6, 2200, 'male'],
    [7, 2200, 'female'],
    [8, 2300, 'male'],
    [9, 2300, 'female'],
  ] as const)('reads digit %i as the %i century, %s', (g, century, gender) => {
    expect(decodeCentury(g)).toEqual({ century, gender });
  });

  it('refuses anything that is not a single decimal digit', () => {
    for (const g of [-1, 10, 1.5, Number.NaN]) expect(() => decodeCentury(g)).toThrow(RangeError);
  });
});

describe('checkIdNumber on well-formed numbers', () => {
  it('decodes province, gender and birth year of a man born in 1985 in Bình Dương', () => {
    expect(checkIdNumber('074085123456', TODAY)).toEqual({
      status: 'valid',
      idNumber: '074085123456',
      provinceCode: '074',
      birthRegistrationProvince: 'Tỉnh Bình Dương',
      gender: 'male',
      birthYear: 1985,
    });
  });

  it('decodes a woman born in 2003 in Hà Nội', () => {
    const r = checkIdNumber('001303000001', TODAY);
    expect(r).toMatchObject({ status: 'valid', gender: 'female', birthYear: 2003 });
    expect(r.status === 'valid' && r.birthRegistrationProvince).toBe('Thành phố Hà Nội');
  });

  it('trims surrounding whitespace and returns the trimmed number', () => {
    const r = checkIdNumber('  079190000123\t\n', TODAY);
    expect(r).toMatchObject({ status: 'valid', idNumber: '079190000123', birthYear: 1990 });
  });

  it('accepts a birth in the current year', () => {
    expect(checkIdNumber('079226000001', TODAY)).toMatchObject({ status: 'valid', birthYear: 2026 });
  });

  it('accepts the first year of the 1900s', () => {
    expect(checkIdNumber('001100000001', TODAY)).toMatchObject({ status: 'valid', birthYear: 1900 });
  });
});

describe('checkIdNumber on birth years', () => {
  it('rejects a birth next year', () => {
    expect(checkIdNumber('079227000001', TODAY)).toMatchObject({
      status: 'invalid',
      reason: 'FUTURE_BIRTH_YEAR',
    });
  });

  it('rejects any 2100s, 2200s or 2300s birth today', () => {
    for (const g of ['4', '5', '6', '7', '8', '9']) {
      expect(checkIdNumber(`079${g}00000001`, TODAY)).toMatchObject({
        status: 'invalid',
        reason: 'FUTURE_BIRTH_YEAR',
      });
    }
  });

  it('accepts a 2100s birth once that year has come', () => {
    expect(checkIdNumber('079500000001', { year: 2100 })).toMatchObject({
      status: 'valid',
      gender: 'female',
      birthYear: 2100,
    });
  });

  it('rejects a future year even when the prefix is unknown', () => {
    expect(checkIdNumber('999299000001', TODAY)).toMatchObject({ reason: 'FUTURE_BIRTH_YEAR' });
  });
});

describe('checkIdNumber on prefixes', () => {
  it('reports an unknown prefix as unverifiable, never as valid', () => {
    const r = checkIdNumber('003090000001', TODAY);
    expect(r).toMatchObject({
      status: 'unverifiable',
      reason: 'UNKNOWN_PREFIX',
      provinceCode: '003',
      gender: 'male',
      birthYear: 1990,
    });
    expect(r.status === 'unverifiable' && r.message).toMatch(/003/);
  });

  it('treats every one of the 63 codes as known', () => {
    for (const code of knownCodes) {
      expect(checkIdNumber(`${code}190000001`, TODAY).status).toBe('valid');
    }
  });
});

describe('checkIdNumber on malformed input', () => {
  it('reports empty and blank input as empty', () => {
    for (const s of ['', '   ', '\t\n']) {
      expect(checkIdNumber(s, TODAY)).toMatchObject({ status: 'invalid', reason: 'EMPTY' });
    }
  });

  it.each([
    ['11 digits', '07409012345'],
    ['13 digits', '0740901234567'],
    ['a space inside', '074090 123456'],
    ['a dot inside', '074.090123456'],
    ['a leading plus', '+74090123456'],
    ['a minus sign', '-74090123456'],
    ['full-width digits', '０７４０９０１２３４５６'],
    ['Arabic-Indic digits', '٠٧٤٠٩٠١٢٣٤٥٦'],
    ['a letter', '07409012345a'],
    ['an exponent', '7.4090123e11'],
  ])('rejects %s', (_label, input) => {
    const r = checkIdNumber(input, TODAY);
    expect(r).toMatchObject({ status: 'invalid', reason: 'NOT_12_DIGITS' });
    expect(r.status === 'invalid' && r.message).toBe('Số định danh cá nhân phải gồm đúng 12 chữ số');
  });
});

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));

const nonDigit = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 1 })
  .filter((c) => !/[0-9]/.test(c));

describe('checkIdNumber properties', () => {
  it('finds any number with a known prefix and a past birth year valid, decoding it back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownCodes),
        fc.integer({ min: 1900, max: TODAY.year }),
        fc.boolean(),
        digits(6),
        (code, year, female, serial) => {
          const g = ((year - 1900 - (year % 100)) / 100) * 2 + (female ? 1 : 0);
          const id = `${code}${g}${String(year % 100).padStart(2, '0')}${serial}`;
          const r = checkIdNumber(id, TODAY);
          expect(r.status).toBe('valid');
          if (r.status !== 'valid') return;
          expect(r.idNumber).toBe(id);
          expect(r.provinceCode).toBe(code);
          expect(r.birthYear).toBe(year);
          expect(r.gender).toBe(female ? 'female' : 'male');
        },
      ),
    );
  });

  it('never calls an unknown prefix valid', () => {
    fc.assert(
      fc.property(digits(3), digits(9), (code, rest) => {
        fc.pre(!knownCodeSet.has(code));
        expect(checkIdNumber(code + rest, { year: 2399 }).status).toBe('unverifiable');
      }),
    );
  });

  it('finds any string that is not 12 ASCII digits invalid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        fc.pre(!/^[0-9]{12}$/.test(s.trim()));
        expect(checkIdNumber(s, TODAY).status).toBe('invalid');
      }),
      { numRuns: 2000 },
    );
  });

  it('finds any run of ASCII digits shorter or longer than 12 invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain(digits), (id) => {
        fc.pre(id.length !== 12);
        expect(checkIdNumber(id, TODAY)).toMatchObject({ status: 'invalid', reason: 'NOT_12_DIGITS' });
      }),
    );
  });

  it('finds a 12-digit string with an inner digit replaced by any other character invalid', () => {
    fc.assert(
      fc.property(digits(12), fc.integer({ min: 1, max: 10 }), nonDigit, (id, i, c) => {
        const broken = id.slice(0, i) + c + id.slice(i + 1);
        expect(checkIdNumber(broken, TODAY).status).toBe('invalid');
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the first three and last three digits', () => {
    expect(maskIdNumber('001234567789')).toBe('001******789');
  });

  it('stars short strings entirely so nothing is revealed', () => {
    expect(maskIdNumber('123456')).toBe('******');
    expect(maskIdNumber('')).toBe('');
  });

  it('keeps the length and both ends of any 12-digit number and hides the middle', () => {
    fc.assert(
      fc.property(digits(12), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(12);
        expect(m.slice(0, 3)).toBe(id.slice(0, 3));
        expect(m.slice(-3)).toBe(id.slice(-3));
        expect(m.slice(3, 9)).toBe('******');
      }),
    );
  });

  it('keeps the length in characters of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        expect(Array.from(maskIdNumber(s))).toHaveLength(Array.from(s).length);
      }),
    );
  });
});
