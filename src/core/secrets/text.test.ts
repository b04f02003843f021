/** Behaviour of the normalisation and diacritic-tolerance helpers behind the state-secret detector. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, loose, looselyEquals, markSubsets, normalise, toOriginal } from './text.js';

describe('normalise', () => {
  it('brings NFD text to NFC', () => {
    expect(normalise('Độ mật'.normalize('NFD')).text).toBe('Độ mật');
  });

  it('drops zero-width and soft-hyphen characters', () => {
    expect(normalise('M\u200BẬ\u00ADT\uFEFF').text).toBe('MẬT');
  });

  it('maps every normalised range back to the original range that produced it', () => {
    const vietnamese = fc.constantFrom(...'aăâeêioôơuưyđAĂÂĐ \n\t:'.split(''), 'ậ', 'ố', 'ệ', 'ữ', '\u0301', '\u0323', '\u200B');
    fc.assert(
      fc.property(fc.array(vietnamese, { maxLength: 40 }), fc.boolean(), (chars, nfd) => {
        const input = nfd ? chars.join('').normalize('NFD') : chars.join('');
        const n = normalise(input);
        for (let i = 0; i < n.text.length; i++) {
          const { start, end } = toOriginal(n, i, i + 1);
          expect(input.slice(start, end).normalize('NFC').replace(/\p{Cf}/gu, '')).toContain(n.text[i]);
        }
      }),
    );
  });
});

describe('diacritic tolerance', () => {
  it('accepts a letter with some of its marks dropped, never with a mark changed', () => {
    expect(markSubsets('ậ').sort()).toEqual(['a', 'â', 'ạ', 'ậ'].sort());
    expect(markSubsets('ậ')).not.toContain('ặ');
    expect(markSubsets('ậ')).not.toContain('ấ');
    expect(markSubsets('Đ')).toContain('D');
  });

  it('matches "mật" as written by a keyboard without marks, and not "mặt" (face) or "mất" (lost)', () => {
    const re = new RegExp(`^(?:${loose('mật', 'any')})$`, 'u');
    expect(['mật', 'MẬT', 'mat', 'MAT', 'Mât'].every((w) => re.test(w))).toBe(true);
    expect(['mặt', 'mất', 'mát', 'MẶT'].some((w) => re.test(w))).toBe(false);
  });

  it('in upper mode, matches capitals only', () => {
    const re = new RegExp(`^(?:${loose('tối mật', 'upper', { ocr: true })})$`, 'u');
    expect(['TỐI MẬT', 'TOI MAT', 'T0I MAT', 'TOl MAT'].every((w) => re.test(w))).toBe(true);
    expect(['Tối mật', 'tối mật'].some((w) => re.test(w))).toBe(false);
  });

  it('folds and compares loosely', () => {
    expect(fold('ĐỘ MẬT')).toBe('do mat');
    expect(looselyEquals('KHẨU', 'khẩu')).toBe(true);
    expect(looselyEquals('khau', 'khẩu')).toBe(true);
    expect(looselyEquals('ông', 'ong')).toBe(false);
  });
});
