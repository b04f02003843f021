/** The password policy (R8) as pure decisions: is this password acceptable, has that one expired? */

import { violationMessage } from './messages.js';
import { strengthScore, type StrengthScore } from './strength.js';
import { codePointLength, foldForComparison, MAX_PASSWORD_LENGTH, normalizePassword } from './text.js';

export interface PasswordPolicy {
  minLength: number;
  requireDigit: boolean;
  requireUpper: boolean;
  requireLower: boolean;
  requireSpecial: boolean;
  maxAgeDays: number;
  historySize: number;
  minStrengthScore: StrengthScore;
}

/**
 * Defaults that satisfy every source (DOMAIN.md §4): letter 004 (R8) asks for at least 8 characters with
 * digit, upper case, lower case and special character, and a change at least every 3 months (90 days is
 * the stricter reading: no 3-month span is shorter); TCVN 14423 [S] forbids reusing the last 10.
 * minStrengthScore 3 (zxcvbn: at least 10^8 guesses) is ours: the letter's classes alone accept
 * "Matkhau@123", which is the first thing an attacker tries.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minLength: 8,
  requireDigit: true,
  requireUpper: true,
  requireLower: true,
  requireSpecial: true,
  maxAgeDays: 90,
  historySize: 10,
  minStrengthScore: 3,
});

export type PasswordViolation =
  | 'TOO_SHORT'
  | 'NO_DIGIT'
  | 'NO_UPPER'
  | 'NO_LOWER'
  | 'NO_SPECIAL'
  | 'CONTAINS_USERNAME'
  | 'CONTAINS_NAME'
  | 'GUESSABLE'
  | 'TOO_LONG';

export type PasswordCheck =
  | { ok: true }
  | { ok: false; violations: PasswordViolation[]; messages: { vi: string[]; en: string[] } };

export interface PasswordOwner {
  username: string;
  fullName: string;
}

// Classes are Unicode properties so that Vietnamese letters count: "Đ" is upper case, "ă" lower case.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
// Special = neither letter nor decimal digit. Combining marks (\p{M}) are excluded because they are part
// of a letter; NFC has already composed Vietnamese ones. A space counts as special: letter 004 does not
// define "ký tự đặc biệt", OWASP's list of password special characters includes the space, and NIST
// SP 800-63B §5.1.1.2 asks verifiers to accept spaces so that people can use passphrases.
const SPECIAL = /[^\p{L}\p{Nd}\p{M}]/u;

/**
 * Fragments of a person's identity that a password may not contain, lower case without diacritics.
 * Name words shorter than 3 letters are left out: in "Nguyễn Văn An" refusing "an" would refuse every
 * password containing "thanh", "xanh", "bang"... for no gain, since zxcvbn still sees "an" as a user input
 * and scores it as the likeliest word of all. The whole name without spaces is kept as well.
 */
function identityFragments(person: PasswordOwner): { username: string[]; name: string[]; all: string[] } {
  const username = foldForComparison(person.username.trim());
  const words = foldForComparison(person.fullName).split(/[^\p{L}\p{Nd}]+/u).filter((w) => w.length > 0);
  const joined = words.join('');
  const name = [...words, joined].filter((w) => w.length >= 3);
  return {
    username: username.length >= 3 ? [username] : [],
    name,
    all: [username, ...words, joined].filter((w) => w.length > 0),
  };
}

/**
 * Decide whether `password` may become this person's password. Every violation is reported, in a fixed
 * order, so the form can show them all at once. Length is counted in code points after NFC.
 * The history rule (no reuse of the last `historySize`) needs the stored hashes: see history.ts.
 */
export function checkPasswordRules(password: string, person: PasswordOwner, policy: PasswordPolicy): PasswordCheck {
  const pw = normalizePassword(password);
  const length = codePointLength(pw);
  const tooLong = length > MAX_PASSWORD_LENGTH;
  const folded = foldForComparison(pw);
  const fragments = identityFragments(person);

  const found: Record<PasswordViolation, boolean> = {
    TOO_SHORT: length < policy.minLength,
    NO_DIGIT: policy.requireDigit && !DIGIT.test(pw),
    NO_UPPER: policy.requireUpper && !UPPER.test(pw),
    NO_LOWER: policy.requireLower && !LOWER.test(pw),
    NO_SPECIAL: policy.requireSpecial && !SPECIAL.test(pw),
    CONTAINS_USERNAME: fragments.username.some((f) => folded.includes(f)),
    CONTAINS_NAME: fragments.name.some((f) => folded.includes(f)),
    // An over-long password is refused anyway; estimating it would only spend CPU (DoS).
    GUESSABLE: !tooLong && strengthScore(pw, fragments.all) < policy.minStrengthScore,
    TOO_LONG: tooLong,
  };
  const violations = (Object.keys(found) as PasswordViolation[]).filter((v) => found[v]);
  if (violations.length === 0) return { ok: true };
  const worded = violations.map((v) => violationMessage(v, policy));
  return { ok: false, violations, messages: { vi: worded.map((m) => m.vi), en: worded.map((m) => m.en) } };
}

const DAY_MS = 86_400_000;

/**
 * The instant the password stops being accepted: `maxAgeDays` whole days of 24 h after the change
 * (Viet Nam keeps no daylight saving time, and instants are compared, not calendar dates).
 */
export function passwordExpiresAt(changedAt: Date, policy: Pick<PasswordPolicy, 'maxAgeDays'>): Date {
  return new Date(changedAt.getTime() + policy.maxAgeDays * DAY_MS);
}

/**
 * Letter 004 (R8): change at least every 3 months. At exactly `maxAgeDays` the password has expired:
 * the period is a maximum age, reached at its end. An invalid date fails closed (expired).
 */
export function passwordExpired(changedAt: Date, now: Date, policy: Pick<PasswordPolicy, 'maxAgeDays'>): boolean {
  const expiresAt = passwordExpiresAt(changedAt, policy).getTime();
  const at = now.getTime();
  if (Number.isNaN(expiresAt) || Number.isNaN(at)) return true;
  return at >= expiresAt;
}
