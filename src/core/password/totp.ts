/** Time-based one-time codes (RFC 6238) and recovery codes for the second factor of administrators. */

// MFA is required for administrators and security roles (TCVN 14423 [S], DOMAIN.md §4). @oslojs/otp's
// TOTP functions read the clock themselves (Date.now()), so only its HOTP core is used here and the
// time step is computed from the `now` the shell passes in: the decision stays pure and testable.

import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';

/** RFC 6238 defaults that every authenticator app supports: 30 s steps, 6 digits, HMAC-SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** RFC 4226 §4 R6 recommends a 160-bit shared secret. */
export const TOTP_SECRET_BYTES = 20;

export type RandomBytes = (n: number) => Uint8Array;

function draw(random: RandomBytes, n: number): Uint8Array {
  const bytes = random(n);
  if (bytes.length !== n) throw new RangeError(`random source returned ${bytes.length} bytes, expected ${n}`);
  return bytes;
}

/** A new shared secret; `random` is the shell's CSPRNG (crypto.randomBytes / getRandomValues). */
export function generateTotpSecret(random: RandomBytes): Uint8Array {
  return draw(random, TOTP_SECRET_BYTES);
}

/** The otpauth:// URI an authenticator app scans as a QR code. */
export function totpUri(secret: Uint8Array, account: string, issuer = 'dancu'): string {
  return createTOTPKeyURI(issuer, account, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** RFC 6238 §4.2: T = floor((unix time - T0) / X), T0 = 0. Null for an invalid or pre-1970 instant. */
export function totpStep(now: Date): bigint | null {
  const ms = now.getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  return BigInt(Math.floor(ms / (TOTP_PERIOD_SECONDS * 1000)));
}

/** The code an authenticator shows at `now` (6 digits by default; 8 for the RFC 6238 test vectors). */
export function totpCodeAt(secret: Uint8Array, now: Date, digits = TOTP_DIGITS): string | null {
  const step = totpStep(now);
  return step === null ? null : generateHOTP(secret, step, digits);
}

/**
 * The time step whose code matches, searching `window` steps either side of `now` (clock drift and
 * typing time, RFC 6238 §5.2), or null. The shell must store the matched step and refuse any later
 * code at or before it: without that a code seen over a shoulder stays usable for the whole window
 * (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt of the same OTP").
 * Spaces are ignored because apps display codes as "287 082".
 */
export function matchTotpStep(secret: Uint8Array, code: string, now: Date, window = 1): bigint | null {
  if (!Number.isInteger(window) || window < 0) throw new RangeError('window must be a non-negative integer');
  const typed = code.replace(/ /g, '');
  if (!/^[0-9]+$/.test(typed) || typed.length !== TOTP_DIGITS) return null;
  const centre = totpStep(now);
  if (centre === null) return null;
  let matched: bigint | null = null;
  // Every candidate step is computed even after a match, so timing does not say which step matched.
  for (let offset = -window; offset <= window; offset += 1) {
    const step = centre + BigInt(offset);
    if (step >= 0n && verifyHOTP(secret, step, TOTP_DIGITS, typed) && matched === null) matched = step;
  }
  return matched;
}

/** True when `code` is valid at `now` within ±`window` steps. Replay protection: see matchTotpStep. */
export function verifyTotp(secret: Uint8Array, code: string, now: Date, window = 1): boolean {
  return matchTotpStep(secret, code, now, window) !== null;
}

/**
 * Crockford base32 alphabet, lower case: no i, l, o or u, so a code read aloud or copied from paper
 * is not mistaken (1/l/i, 0/o). 32 divides 256, so `byte & 31` picks each symbol without bias.
 */
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_SYMBOLS = 12; // 60 bits each: far beyond online guessing under the lockout rule

function recoveryCode(random: RandomBytes): string {
  const symbols = Array.from(draw(random, RECOVERY_SYMBOLS), (b) => CROCKFORD[b & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/**
 * One-time recovery codes, formatted "abcd-efgh-jkmn", all distinct. Show them once; store only their
 * hashes (the shell), and strike each one out when used. A random source that keeps repeating itself
 * is a fault, not a reason to hand out duplicates.
 */
export function generateRecoveryCodes(random: RandomBytes, count = 10): string[] {
  const codes = new Set<string>();
  for (let attempts = 0; codes.size < count; attempts += 1) {
    if (attempts >= count * 10) throw new Error('random source keeps repeating; refusing duplicate recovery codes');
    codes.add(recoveryCode(random));
  }
  return [...codes];
}

/**
 * The canonical form of a recovery code as typed: case and separators ignored, and Crockford's
 * look-alikes read as digits (i, l → 1; o → 0). Null when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  if (s.length !== RECOVERY_SYMBOLS || [...s].some((c) => !CROCKFORD.includes(c))) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}
