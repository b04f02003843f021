import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCodes, generateTotpSecret, matchTotpStep, normalizeRecoveryCode, totpCodeAt, totpStep, totpUri,
  verifyTotp,
} from './totp.js';

// RFC 6238 Appendix B, SHA-1 seed.
const SECRET = new TextEncoder().encode('12345678901234567890');
const at = (seconds: number) => new Date(seconds * 1000);
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
  [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
];

describe('TOTP codes follow RFC 6238', () => {
  it.each(RFC_VECTORS)('at %i s the 8-digit code is %s', (seconds, code) => {
    expect(totpCodeAt(SECRET, at(seconds), 8)).toBe(code);
  });

  it.each(RFC_VECTORS)('at %i s the 6-digit code (last six of %s) verifies', (seconds, code) => {
    expect(verifyTotp(SECRET, code.slice(2), at(seconds), 0)).toBe(true);
  });

  it('counts 30-second steps from the Unix epoch', () => {
    expect(totpStep(at(59))).toBe(1n);
    expect(totpStep(at(60))).toBe(2n);
    expect(totpStep(new Date(Number.NaN))).toBeNull();
    expect(totpStep(at(-1))).toBeNull();
  });
});

describe('the verification window', () => {
  const now = at(1111111111); // step 37037037
  const previous = totpCodeAt(SECRET, at(1111111111 - 30))!;
  const next = totpCodeAt(SECRET, at(1111111111 + 30))!;
  const twoAgo = totpCodeAt(SECRET, at(1111111111 - 60))!;

  it('accepts the neighbouring steps with the default window of one', () => {
    expect(verifyTotp(SECRET, previous, now)).toBe(true);
    expect(verifyTotp(SECRET, next, now)).toBe(true);
  });

  it('refuses a code two steps away, and neighbours when the window is zero', () => {
    expect(verifyTotp(SECRET, twoAgo, now)).toBe(false);
    expect(verifyTotp(SECRET, previous, now, 0)).toBe(false);
    expect(verifyTotp(SECRET, twoAgo, now, 2)).toBe(true);
  });

  it('reports which step matched, so the shell can refuse a replay', () => {
    expect(matchTotpStep(SECRET, previous, now)).toBe(37037036n);
    expect(matchTotpStep(SECRET, '050471', now)).toBe(37037037n);
    expect(matchTotpStep(SECRET, twoAgo, now)).toBeNull();
  });

  it('refuses malformed codes and accepts the grouped display form', () => {
    for (const code of ['', '05047', '0504711', 'o50471', '05047a', '-50471', '5.0471']) {
      expect(verifyTotp(SECRET, code, now), code).toBe(false);
    }
    expect(verifyTotp(SECRET, '050 471', now)).toBe(true);
  });

  it('refuses everything at an invalid instant and rejects a negative window', () => {
    expect(verifyTotp(SECRET, '050471', new Date(Number.NaN))).toBe(false);
    expect(() => verifyTotp(SECRET, '050471', now, -1)).toThrow(RangeError);
  });
});

describe('enrolment', () => {
  it('draws a 160-bit secret from the given random source', () => {
    const secret = generateTotpSecret((n) => new Uint8Array(n).fill(7));
    expect(secret).toEqual(new Uint8Array(20).fill(7));
    expect(() => generateTotpSecret(() => new Uint8Array(4))).toThrow(RangeError);
  });

  it('builds an otpauth URI with issuer, base32 secret, 30 s period and 6 digits', () => {
    const uri = totpUri(SECRET, 'canbo.xa01');
    expect(uri.startsWith('otpauth://totp/dancu:canbo.xa01?')).toBe(true);
    const params = new URL(uri).searchParams;
    expect(params.get('issuer')).toBe('dancu');
    expect(params.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(params.get('period')).toBe('30');
    expect(params.get('digits')).toBe('6');
    expect(totpUri(SECRET, 'a', 'Công an tỉnh')).toContain('issuer=C%C3%B4ng+an+t%E1%BB%89nh');
  });
});

describe('recovery codes', () => {
  const FORMAT = /^[0-9abcdefghjkmnpqrstvwxyz]{4}-[0-9abcdefghjkmnpqrstvwxyz]{4}-[0-9abcdefghjkmnpqrstvwxyz]{4}$/;

  it('are ten well-formed, distinct codes without ambiguous letters', () => {
    const codes = generateRecoveryCodes((n) => randomBytes(n));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
  });

  it('come in the number asked for', () => {
    expect(generateRecoveryCodes((n) => randomBytes(n), 16)).toHaveLength(16);
  });

  it('skip a repeated draw instead of handing out a duplicate', () => {
    const draws = [0, 0, 1, 2];
    let call = 0;
    const codes = generateRecoveryCodes((n) => new Uint8Array(n).fill(draws[call++] ?? 9), 3);
    expect(codes).toEqual(['0000-0000-0000', '1111-1111-1111', '2222-2222-2222']);
  });

  it('refuse a random source that keeps repeating', () => {
    expect(() => generateRecoveryCodes((n) => new Uint8Array(n), 2)).toThrow(/repeating/);
  });

  it('read back case-blind, without separators and with look-alike letters', () => {
    expect(normalizeRecoveryCode(' AB1C-D0EF-GH2J ')).toBe('ab1c-d0ef-gh2j');
    expect(normalizeRecoveryCode('abIcdOefgh2j')).toBe('ab1c-d0ef-gh2j');
    expect(normalizeRecoveryCode('abLc d0ef gh2j')).toBe('ab1c-d0ef-gh2j');
    expect(normalizeRecoveryCode('abcd-efgh-jku0')).toBeNull(); // u is not in the alphabet
    expect(normalizeRecoveryCode('abcd-efgh')).toBeNull();
  });
});
