import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordRules, DEFAULT_PASSWORD_POLICY, type PasswordViolation } from './policy.js';
import { strengthScore } from './strength.js';
import { PLACE_WORDS, VIETNAMESE_WORDS } from './vietnamese-words.js';

// A person whose name and username occur in none of the examples, so only guessability speaks.
const person = { username: 'cb0417', fullName: 'Kiều Oanh' };

function violations(password: string): PasswordViolation[] {
  const result = checkPasswordRules(password, person, DEFAULT_PASSWORD_POLICY);
  return result.ok ? [] : result.violations;
}

describe('passwords that satisfy letter 004 yet are easy to guess are refused as GUESSABLE', () => {
  it.each([
    'Matkhau@123', 'Abc@12345', 'Admin@123', 'P@ssw0rd', 'Hanoi@2024', 'DaNang#2025', 'Vietnam@123',
    'Qwerty@123', 'Abcd@1234', 'Xinchao@123', 'Saigon#1975', 'Cantho.2025', 'Congan@2024', 'Dancu#2025',
  ])('%s', (password) => {
    expect(violations(password)).toEqual(['GUESSABLE']);
  });

  it('whether typed with diacritics or with a capital per syllable', () => {
    for (const pw of ['Hànội@2024', 'HàNội@2024', 'ĐàNẵng#2025', 'MậtKhẩu@123', 'HaiPhong@2025', 'HoChiMinh@1975']) {
      expect(violations(pw), pw).toEqual(['GUESSABLE']);
    }
  });

  it('with l33t spellings', () => {
    for (const pw of ['M@tkh@u123!', 'V13tn4m@123', '@Dm1n#2024', 'X1nCh@0!123']) {
      expect(violations(pw), pw).toEqual(['GUESSABLE']);
    }
  });

  it('with a sequence of digits before or after the word', () => {
    for (const pw of ['Hanoi.12345', '12345.Hanoi', 'Matkhau@123456', 'Quangninh#0000']) {
      expect(violations(pw), pw).toEqual(['GUESSABLE']);
    }
  });

  it('for any province or city name with a symbol and a year', () => {
    const place = fc.constantFrom(...PLACE_WORDS).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
    const symbol = fc.constantFrom('@', '#', '!', '.', '$', '*', '&', '_');
    const year = fc.integer({ min: 1945, max: 2035 });
    fc.assert(
      fc.property(place, symbol, year, fc.boolean(), (p, s, y, yearFirst) => {
        const pw = yearFirst ? `${y}${s}${p}` : `${p}${s}${y}`;
        expect(violations(pw)).toContain('GUESSABLE');
      }),
      { numRuns: 80 },
    );
  });

  it('when only the first 64 characters are weak, since only those are estimated', () => {
    expect(violations('Aa1!'.repeat(16) + 'k7#Lq2!vZp@9Wm')).toEqual(['GUESSABLE']);
  });
});

describe('strong passwords are accepted', () => {
  it.each(['Tr4ng-Xanh!Bien9', 'k7#Lq2!vZp@9Wm', 'Mưa-Rơi_Trên#Phố7', 'Tôi đi học lúc 7 giờ!'])('%s', (password) => {
    expect(checkPasswordRules(password, person, DEFAULT_PASSWORD_POLICY)).toEqual({ ok: true });
  });
});

describe('the strength score', () => {
  it('counts the person’s own words as the likeliest guesses', () => {
    expect(strengthScore('Qhxvtz#Wmk!', ['qhxvtz', 'wmk'])).toBeLessThan(strengthScore('Qhxvtz#Wmk!', []));
  });

  it('does not carry one person’s words into the next call', () => {
    const before = strengthScore('Qhxvtz#Wmk!', []);
    strengthScore('anything', ['qhxvtz', 'wmk']);
    expect(strengthScore('Qhxvtz#Wmk!', [])).toBe(before);
  });

  it('is the same for the same input every time', () => {
    expect(strengthScore('Hanoi@2024', ['ab'])).toBe(strengthScore('Hanoi@2024', ['ab']));
  });
});

describe('the Vietnamese word list', () => {
  // The 63 pre-2025 provinces and cities (DOMAIN.md §5), folded; the 34 units since 2025 are among them.
  const PROVINCES_2024 = [
    'hanoi', 'hagiang', 'caobang', 'backan', 'tuyenquang', 'laocai', 'dienbien', 'laichau', 'sonla', 'yenbai',
    'hoabinh', 'thainguyen', 'langson', 'quangninh', 'bacgiang', 'phutho', 'vinhphuc', 'bacninh', 'haiduong',
    'haiphong', 'hungyen', 'thaibinh', 'hanam', 'namdinh', 'ninhbinh', 'thanhhoa', 'nghean', 'hatinh',
    'quangbinh', 'quangtri', 'thuathienhue', 'danang', 'quangnam', 'quangngai', 'binhdinh', 'phuyen',
    'khanhhoa', 'ninhthuan', 'binhthuan', 'kontum', 'gialai', 'daklak', 'daknong', 'lamdong', 'binhphuoc',
    'tayninh', 'binhduong', 'dongnai', 'bariavungtau', 'hochiminh', 'longan', 'tiengiang', 'bentre',
    'travinh', 'vinhlong', 'dongthap', 'angiang', 'kiengiang', 'cantho', 'haugiang', 'soctrang', 'baclieu',
    'camau',
  ];

  it('holds every pre-2025 province, the new unit Huế, and Sài Gòn', () => {
    expect(new Set(PROVINCES_2024).size).toBe(63);
    for (const p of [...PROVINCES_2024, 'hue', 'saigon']) expect(VIETNAMESE_WORDS, p).toContain(p);
  });

  it('is lower-case ASCII without spaces or repeats, as zxcvbn compares it', () => {
    for (const w of VIETNAMESE_WORDS) expect(w).toMatch(/^[a-z0-9]+$/);
    expect(new Set(VIETNAMESE_WORDS).size).toBe(VIETNAMESE_WORDS.length);
  });
});
