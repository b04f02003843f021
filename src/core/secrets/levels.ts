/** The three state-secret levels (Luật Bảo vệ bí mật nhà nước 2018, Điều 8 [R]; kept by Luật 117/2025/QH15) and their words. */
import { HSPACE, fold, loose } from './text.js';

export type SecretLevel = 'TUYET_MAT' | 'TOI_MAT' | 'MAT';
export type SecretRule = 'STAMP_LINE' | 'CLASSIFICATION_FIELD' | 'STATED_CLASSIFICATION' | 'ENVELOPE_STAMP';

// The 2018 law (in force until 28/02/2026) and Luật 117/2025/QH15 (from 01/3/2026) keep the same three
// levels and the same stamps [V/S], so a scan needs no date: a document marked under either law is caught.

/** Most secret first; a scan reports the highest rank it finds (R5: the worst marking decides). */
export const LEVEL_RANK: Readonly<Record<SecretLevel, number>> = { TUYET_MAT: 3, TOI_MAT: 2, MAT: 1 };

export const LEVEL_LABEL: Readonly<Record<SecretLevel, string>> = {
  TUYET_MAT: 'Tuyệt mật',
  TOI_MAT: 'Tối mật',
  MAT: 'Mật',
};

/** The envelope stamp has no level of its own (it travels with the inner envelope of any level). */
export const ENVELOPE_LABEL = 'Chỉ người có tên mới được bóc bì';

/** Level words in any case, diacritics optional; longest first so "Tối mật" is not read as "Mật". */
export const LEVEL_ANY = [loose('tuyệt mật', 'any'), loose('tối mật', 'any'), loose('mật', 'any')].join('|');

/** Level words as stamped: upper case only, with OCR confusions ("T0I MAT") since the stamp stands alone. */
export const LEVEL_STAMP = [
  loose('tuyệt mật', 'upper', { ocr: true }),
  loose('tối mật', 'upper', { ocr: true }),
  loose('mật', 'upper'),
].join('|');

/** Reads the level from the words a rule captured, whatever their case, marks or OCR confusions. */
export function levelOf(words: string): SecretLevel {
  const key = fold(words)
    .replace(new RegExp(`${HSPACE}+`, 'gu'), '')
    .replace(/0/g, 'o')
    .replace(/[l1]/g, 'i');
  if (key === 'tuyetmat') return 'TUYET_MAT';
  if (key === 'toimat') return 'TOI_MAT';
  return 'MAT';
}
