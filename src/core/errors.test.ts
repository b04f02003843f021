/** The closed error catalogue against the public contract (INTERFACE.md "Error codes"). */
import { describe, expect, it } from 'vitest';
import { DancuError, ERROR_CATALOGUE, isErrorCode, messageOf, preferredLang, statusOf, type ErrorCode } from './errors.js';

/** The table "Error codes" of INTERFACE.md, the public contract, as written there. */
const INTERFACE_TABLE: Record<number, readonly string[]> = {
  400: ['INVALID_REQUEST', 'INVALID_ID_NUMBER', 'UNKNOWN_PROCEDURE', 'PASSWORD_POLICY'],
  401: ['UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'MFA_REQUIRED'],
  403: ['FORBIDDEN', 'FIELD_NOT_ALLOWED', 'APP_NOT_APPROVED', 'APP_VERSION_NOT_APPROVED', 'ACCOUNT_DISABLED', 'PASSWORD_EXPIRED', 'DEVICE_NONCOMPLIANT', 'ACKNOWLEDGEMENT_REQUIRED'],
  404: ['NOT_FOUND', 'CITIZEN_NOT_FOUND'],
  413: ['PAYLOAD_TOO_LARGE'],
  422: ['STATE_SECRET_BLOCKED'],
  423: ['ACCOUNT_LOCKED'],
  429: ['QUOTA_EXCEEDED', 'RATE_LIMITED'],
  502: ['UPSTREAM_ERROR'],
  503: ['UPSTREAM_LOCKED', 'UPSTREAM_UNAVAILABLE', 'LEDGER_UNAVAILABLE'],
  504: ['UPSTREAM_TIMEOUT'],
  500: ['INTERNAL'],
};

const CONTRACT = Object.entries(INTERFACE_TABLE).flatMap(([status, codes]) => codes.map((code) => [code, Number(status)] as const));
const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

// Letters that occur in Vietnamese and not in English: the vowels with marks, and đ.
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

describe('the error catalogue', () => {
  it('holds exactly the codes of the public contract', () => {
    expect([...CODES].sort()).toEqual(CONTRACT.map(([code]) => code).sort());
  });

  it.each(CONTRACT)('maps %s to HTTP %i', (code, status) => {
    expect(isErrorCode(code)).toBe(true);
    if (isErrorCode(code)) expect(statusOf(code)).toBe(status);
  });

  it.each(CODES)('has a Vietnamese and a different English message for %s', (code) => {
    const vi = messageOf(code, 'vi');
    const en = messageOf(code, 'en');
    expect(vi.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(vi).not.toBe(en);
    expect(vi).toMatch(VIETNAMESE_LETTER);
    expect(vi).toBe(vi.normalize('NFC'));
  });

  it('never gives two codes the same message, so each refusal can be told apart', () => {
    for (const lang of ['vi', 'en'] as const) {
      const messages = CODES.map((c) => messageOf(c, lang));
      expect(new Set(messages).size).toBe(CODES.length);
    }
  });

  it('uses only error statuses', () => {
    for (const code of CODES) {
      expect(statusOf(code)).toBeGreaterThanOrEqual(400);
      expect(statusOf(code)).toBeLessThan(600);
    }
  });
});

describe('isErrorCode', () => {
  it('recognises every catalogue code', () => {
    for (const code of CODES) expect(isErrorCode(code)).toBe(true);
  });

  it.each(['', 'internal', 'Internal', 'QUOTA', 'UNAUTHORIZED', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'rejects %j, including names inherited from Object.prototype',
    (s) => {
      expect(isErrorCode(s)).toBe(false);
    },
  );
});

describe('preferredLang', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['vi,en;q=0.8', 'vi'],
    ['en;q=0.9,vi;q=0.8', 'en'],
    ['vi;q=0.8, en;q=0.9', 'en'],
    ['en;q=0.5, vi', 'vi'],
    ['fr', 'vi'],
    ['fr-FR,fr;q=0.9,de;q=0.8', 'vi'],
    ['*', 'vi'],
    ['fr,en;q=0.1', 'en'],
    ['EN', 'en'],
    ['  en  ;  q=0.9 , vi ; q=0.3', 'en'],
  ] as const)('reads %j as %s', (header, lang) => {
    expect(preferredLang(header)).toBe(lang);
  });

  it.each([
    ['vi,en;q=abc', 'vi'],
    ['en;q=abc', 'vi'],
    ['en;q=abc,vi;q=0.1', 'vi'],
    ['en;q=NaN', 'vi'],
    ['en;q=Infinity,vi;q=0.5', 'vi'],
  ] as const)('skips an entry with a malformed quality value: %j → %s', (header, lang) => {
    expect(preferredLang(header)).toBe(lang);
  });
});

describe('DancuError', () => {
  it('carries its code, keeps detail for the log and names itself', () => {
    const e = new DancuError('QUOTA_EXCEEDED', 'unit:7 at 400');
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('QUOTA_EXCEEDED');
    expect(e.detail).toBe('unit:7 at 400');
    expect(e.name).toBe('DancuError');
    expect(e.message).toContain('QUOTA_EXCEEDED');
    expect(new DancuError('INTERNAL').message).toBe('INTERNAL');
  });
});

describe('preferredLang refusals', () => {
  it('treats q=0 as "not acceptable"', () => {
    expect(preferredLang('en;q=0')).toBe('vi');
  });
});
