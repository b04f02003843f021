/** Text helpers shared by the password rules, the strength estimate and the hash wrappers. */

/**
 * Upper bound on a password, in Unicode code points. Argon2 pre-hashes its input, yet an unbounded
 * password still lets an anonymous login request buy CPU (hashing and the zxcvbn estimate, which is
 * super-linear in length): a denial-of-service lever. 256 matches zxcvbn-ts's own default bound.
 */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Canonical form of a password before it is checked or hashed. Vietnamese keyboards (Unikey, the
 * macOS and mobile layouts) emit either precomposed ("ă") or decomposed ("a" + U+0306) letters; without
 * NFC the same typed password would hash differently on two machines. RFC 8265 §4.2 (OpaqueString)
 * prescribes NFC for passwords for the same reason.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in code points, so that "Đ" or an emoji counts as one character, as a person counts them. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Vietnamese diacritics removed, case kept: "Hànội" → "Hanoi". "đ"/"Đ" need their own mapping: they are
 * letters of their own in Unicode and do not decompose under NFD.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D');
}

/**
 * Lower-case with diacritics removed: "Nguyễn Văn Đức" → "nguyen van duc". Used to compare passwords
 * with names and usernames, because people type their name both ways ("Nguyen@2024").
 */
export function foldForComparison(text: string): string {
  return stripDiacritics(text).toLowerCase();
}
