import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordRules, DEFAULT_PASSWORD_POLICY, type PasswordPolicy, type PasswordViolation } from './policy.js';
import { codePointLength, normalizePassword } from './text.js';

const person = { username: 'canbo.xa01', fullName: 'Phạm Thu Hà' };
// Strength estimation switched off, so each character rule can be seen on its own.
const rulesOnly: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY, minStrengthScore: 0 };

function violations(password: string, policy = DEFAULT_PASSWORD_POLICY, who = person): PasswordViolation[] {
  const result = checkPasswordRules(password, who, policy);
  return result.ok ? [] : result.violations;
}

describe('the default policy', () => {
  it('carries the letter 004 and TCVN 14423 figures', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      minLength: 8, requireDigit: true, requireUpper: true, requireLower: true, requireSpecial: true,
      maxAgeDays: 90, historySize: 10, minStrengthScore: 3,
    });
    expect(Object.isFrozen(DEFAULT_PASSWORD_POLICY)).toBe(true);
  });
});

describe('each character rule is reported on its own', () => {
  it.each<[string, PasswordViolation]>([
    ['Xq7#vZ', 'TOO_SHORT'],
    ['Trang-Xanh!Bien', 'NO_DIGIT'],
    ['tr4ng-xanh!bien9', 'NO_UPPER'],
    ['TR4NG-XANH!BIEN9', 'NO_LOWER'],
    ['Tr4ngXanhBien9', 'NO_SPECIAL'],
  ])('%s is refused only with %s', (password, expected) => {
    expect(violations(password, rulesOnly)).toEqual([expected]);
  });

  it('a password over 256 characters is refused as TOO_LONG and not estimated', () => {
    const long = 'Aa1!'.repeat(64) + 'x';
    expect(codePointLength(long)).toBe(257);
    expect(violations(long)).toEqual(['TOO_LONG']);
    expect(violations('Tr4ng-Xanh!Bien9'.repeat(16))).not.toContain('TOO_LONG'); // exactly 256
  });

  it('a rule switched off in the policy is not enforced', () => {
    const lax = { ...rulesOnly, requireSpecial: false, requireDigit: false };
    expect(violations('TrangXanhBien', lax)).toEqual([]);
  });

  it('a strong password passes every rule', () => {
    expect(checkPasswordRules('Tr4ng-Xanh!Bien9', person, DEFAULT_PASSWORD_POLICY)).toEqual({ ok: true });
    expect(checkPasswordRules('k7#Lq2!vZp@9Wm', person, DEFAULT_PASSWORD_POLICY)).toEqual({ ok: true });
  });
});

describe('Vietnamese letters count in their class', () => {
  it('Đ is an upper-case letter and ă, ư, ố are lower-case letters', () => {
    expect(violations('Đường-phố!79', rulesOnly)).toEqual([]);
    expect(violations('ĐƯỜNG-PHỐ!79ă', rulesOnly)).toEqual([]);
    expect(violations('đường-phố!79', rulesOnly)).toEqual(['NO_UPPER']);
    expect(violations('ĐƯỜNG-PHỐ!79', rulesOnly)).toEqual(['NO_LOWER']);
  });

  it('combining marks of a decomposed letter are not mistaken for a special character', () => {
    const decomposed = 'ẶNGxyz79'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(8);
    expect(violations(decomposed, rulesOnly)).toEqual(['NO_SPECIAL']);
  });

  it('length is counted in characters after NFC, not in UTF-16 units of a decomposed string', () => {
    const sevenLetters = 'Ặắờ1!xY'.normalize('NFD');
    expect(sevenLetters.length).toBeGreaterThan(8);
    expect(violations(sevenLetters, rulesOnly)).toEqual(['TOO_SHORT']);
  });

  it('a space counts as a special character, so passphrases qualify', () => {
    expect(violations('Trang xanh bien 9', rulesOnly)).toEqual([]);
  });
});

describe('a password may not contain the username or the name', () => {
  const an = { username: 'nva.ubnd', fullName: 'Nguyễn Văn An' };

  it('refuses a family or middle name whatever the case and diacritics', () => {
    for (const pw of ['Nguyen@2024xZq', 'nGuYeN#Qx7p2Lm', 'Nguyễn#Qx7p2Lm', 'Qx7p2Lm!VĂN']) {
      expect(violations(pw, rulesOnly, an), pw).toEqual(['CONTAINS_NAME']);
    }
  });

  it('does not refuse the two-letter given name "An" inside other words', () => {
    expect(violations('Tr4ng-Xanh!Bien9', rulesOnly, an)).toEqual([]);
  });

  it('refuses the whole name written without spaces even when every word is short', () => {
    const hoVu = { username: 'hv01', fullName: 'Hồ Vũ' };
    expect(violations('Hovu#Qx7p2Lm!', rulesOnly, hoVu)).toEqual(['CONTAINS_NAME']);
    expect(violations('Ho#Qx7p2Lm!Vu', rulesOnly, hoVu)).toEqual([]);
  });

  it('refuses the username, also typed with diacritics', () => {
    const duc = { username: 'DucNV', fullName: 'Lê Thu' };
    expect(violations('ĐứcNV!x7Qp2Lm', rulesOnly, duc)).toEqual(['CONTAINS_USERNAME']);
    expect(violations('x7Qp2Lm!ducnv', rulesOnly, duc)).toEqual(['CONTAINS_USERNAME']);
  });

  it('ignores a username shorter than three characters', () => {
    expect(violations('Tr4ng-An!Bien9', rulesOnly, { username: 'an', fullName: 'Lê Thu' })).toEqual([]);
  });
});

describe('messages', () => {
  it('come in Vietnamese and English, one per violation, in the same order', () => {
    const result = checkPasswordRules('abc', person, DEFAULT_PASSWORD_POLICY);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.violations).toEqual(['TOO_SHORT', 'NO_DIGIT', 'NO_UPPER', 'NO_SPECIAL', 'GUESSABLE']);
    expect(result.messages.vi).toHaveLength(5);
    expect(result.messages.en).toHaveLength(5);
    expect(result.messages.vi[0]).toBe('Mật khẩu phải có ít nhất 8 ký tự');
    expect(result.messages.en[0]).toBe('Password must be at least 8 characters');
    expect(new Set(result.messages.vi).size).toBe(5);
  });

  it('state the configured minimum length', () => {
    const result = checkPasswordRules('Tr4ng-Xanh!', person, { ...DEFAULT_PASSWORD_POLICY, minLength: 14 });
    expect(result.ok ? [] : result.messages.en).toContain('Password must be at least 14 characters');
  });
});

describe('properties', () => {
  it('any password shorter than minLength is refused with TOO_SHORT', () => {
    const short = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => codePointLength(normalizePassword(s)) < 8);
    fc.assert(
      fc.property(short, (pw) => {
        expect(violations(pw)).toContain('TOO_SHORT');
      }),
      { numRuns: 60 },
    );
  });

  it('adding the username anywhere into an accepted password gets it refused', () => {
    const alphabet = [...'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+=?@^~'];
    const strong = fc
      .string({ unit: fc.constantFrom(...alphabet), minLength: 10, maxLength: 16 })
      .map((s) => `${s}Qz7!`)
      .filter((s) => checkPasswordRules(s, person, DEFAULT_PASSWORD_POLICY).ok);
    const username = fc.stringMatching(/^[a-z][a-z0-9._]{2,11}$/);
    fc.assert(
      fc.property(strong, username, fc.nat(), (pw, user, at) => {
        const cut = at % (pw.length + 1);
        const withUser = pw.slice(0, cut) + user + pw.slice(cut);
        expect(violations(withUser, DEFAULT_PASSWORD_POLICY, { ...person, username: user })).toContain('CONTAINS_USERNAME');
      }),
      { numRuns: 25 },
    );
  });
});
