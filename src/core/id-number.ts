/** Checks and masks a personal identification number (số định danh cá nhân, 12 digits). */
import { provinceByCode } from './provinces.js';

export type Gender = 'male' | 'female';

export type IdNumberCheck =
  | {
      status: 'valid';
      idNumber: string;
      provinceCode: string;
      birthRegistrationProvince: string;
      gender: Gender;
      birthYear: number;
    }
  | {
      status: 'unverifiable';
      idNumber: string;
      provinceCode: string;
      gender: Gender;
      birthYear: number;
      reason: 'UNKNOWN_PREFIX';
      message: string;
    }
  | { status: 'invalid'; reason: 'NOT_12_DIGITS' | 'FUTURE_BIRTH_YEAR' | 'EMPTY'; message: string };

// Only ASCII digits: \d under the u flag would also be ASCII-only, but spelling it out makes
// clear that full-width or other-script digits are rejected, not normalised (DOMAIN.md §5).
const TWELVE_ASCII_DIGITS = /^[0-9]{12}$/;

/**
 * The century and gender the G digit encodes (DOMAIN.md §5 [V]): even digits are male, odd
 * female; 0/1 → 1900, 2/3 → 2000, 4/5 → 2100, 6/7 → 2200, 8/9 → 2300.
 */
export function decodeCentury(g: number): { century: number; gender: Gender } {
  if (!Number.isInteger(g) || g < 0 || g > 9) {
    throw new RangeError(`century digit must be an integer 0..9, got ${g}`);
  }
  return { century: 1900 + Math.floor(g / 2) * 100, gender: g % 2 === 0 ? 'male' : 'female' };
}

/**
 * Validates an ID number and decodes what it states. The number has no check digit, so a valid
 * result only says the number is well formed: PPP is a known birth-registration code and the
 * birth year is not in the future. An unknown PPP may be a country code for a birth registered
 * abroad, so it is reported as unverifiable rather than accepted or rejected.
 */
export function checkIdNumber(input: string, today: { year: number }): IdNumberCheck {
  const idNumber = input.trim();
  if (idNumber === '') {
    return { status: 'invalid', reason: 'EMPTY', message: 'Chưa nhập số định danh cá nhân' };
  }
  if (!TWELVE_ASCII_DIGITS.test(idNumber)) {
    return {
      status: 'invalid',
      reason: 'NOT_12_DIGITS',
      message: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
    };
  }
  const provinceCode = idNumber.slice(0, 3);
  const { century, gender } = decodeCentury(Number(idNumber[3]));
  const birthYear = century + Number(idNumber.slice(4, 6));
  if (birthYear > today.year) {
    return {
      status: 'invalid',
      reason: 'FUTURE_BIRTH_YEAR',
      message: `Số định danh cá nhân mang năm sinh ${birthYear}, sau năm hiện tại ${today.year}`,
    };
  }
  const province = provinceByCode(provinceCode);
  if (!province) {
    return {
      status: 'unverifiable',
      idNumber,
      provinceCode,
      gender,
      birthYear,
      reason: 'UNKNOWN_PREFIX',
      message:
        `Mã ${provinceCode} không thuộc 63 mã tỉnh nơi đăng ký khai sinh; ` +
        'có thể là mã quốc gia (đăng ký khai sinh ở nước ngoài), không xác minh được',
    };
  }
  return {
    status: 'valid',
    idNumber,
    provinceCode,
    birthRegistrationProvince: province.name,
    gender,
    birthYear,
  };
}

/**
 * Masks an ID number for display and logs: keeps the first 3 and last 3 characters, stars the
 * rest (`001******789`). Strings of 6 characters or fewer are starred entirely, since keeping
 * both ends would reveal all of them. Works on code points so length is kept for any input.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id);
  if (chars.length <= 6) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 6) + chars.slice(-3).join('');
}
