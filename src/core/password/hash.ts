/** Argon2id hashing of passwords: thin wrappers over @node-rs/argon2 with the OWASP parameters. */

// This is the one impure module in core/password (native code, thread pool, random salt). It lives
// here rather than in the shell so that the parameters, the length bound and the dummy hash sit beside
// the policy they serve, and every caller (login, change, CLI reset) hashes the same way.

import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { codePointLength, MAX_PASSWORD_LENGTH, normalizePassword } from './text.js';

// Algorithm.Argon2id, spelled as its value: the package declares Algorithm as an ambient const enum,
// which verbatimModuleSyntax forbids reading. The test on the PHC prefix "$argon2id$" guards it.
const ARGON2ID: Algorithm = 2;

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB (19456 KiB), t = 2, p = 1. */
export const ARGON2_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/**
 * A hash of a random password nobody knows (it was generated once and discarded), with the same
 * parameters as ARGON2_OPTIONS. When a login names an unknown user, the shell verifies the supplied
 * password against this hash and then refuses: the request costs the same argon2 work as a login for a
 * known user, so response time does not reveal which usernames exist (R4: accounts are secret).
 * Regenerate it whenever ARGON2_OPTIONS change, or the timing evens out no more.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$3RrZIim7uDxpwY1sQEkqhQ$qb3k/Ws1cTH7vaA0K7JZlc3do/40UXMTohhe3Ul2i1Q';

/**
 * Hash a password for storage (PHC string, random 16-byte salt). NFC first, as in the policy check,
 * so the same typed password verifies from any Vietnamese keyboard. A password past the length bound
 * is a caller fault (checkPasswordRules refuses it), so it throws.
 */
export async function hashPassword(password: string): Promise<string> {
  const pw = normalizePassword(password);
  if (codePointLength(pw) > MAX_PASSWORD_LENGTH) {
    throw new RangeError(`password longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  return hash(pw, ARGON2_OPTIONS);
}

/**
 * True when `password` matches `storedHash`. Never throws: a malformed or truncated hash (a corrupt
 * row, a hash from another scheme) is simply "no match", so a bad row cannot turn a login into a 500.
 * An over-long password is refused without hashing: no stored password can be that long, and hashing
 * it would let anonymous requests buy CPU.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const pw = normalizePassword(password);
  if (codePointLength(pw) > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(storedHash, pw);
  } catch {
    return false;
  }
}
