/** Guessability score (zxcvbn 0..4) of a candidate password, with a Vietnamese dictionary. */

import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { decorationMatcher, DECORATION_PATTERN } from './decoration.js';
import { stripDiacritics } from './text.js';
import { VIETNAMESE_WORDS } from './vietnamese-words.js';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

// Configured once at module load: pure data, no I/O, so every call scores the same way. zxcvbn-ts 3.x
// keeps its options in a process-wide singleton, so no other module may call setOptions: if one does,
// our Vietnamese dictionary silently disappears. Keep all zxcvbn use behind this module.
zxcvbnOptions.setOptions({
  dictionary: { ...commonDictionary, ...englishDictionary, vietnamese: [...VIETNAMESE_WORDS] },
  graphs: adjacencyGraphs,
  translations,
  // The l33t matcher's cost explodes with the number of substitutable characters (a random 64-char
  // password took 0.4 s at the default of 100); 16 finds the same l33t words in our test corpus.
  l33tMaxSubstitutions: 16,
});
// addMatcher refuses a second registration (a re-evaluated module in a test worker): check first.
if (!(DECORATION_PATTERN in zxcvbnOptions.matchers)) {
  zxcvbnOptions.addMatcher(DECORATION_PATTERN, decorationMatcher);
}

/**
 * Only this many leading characters are estimated: zxcvbn's cost grows faster than the length (about
 * 0.07 s at 64 characters, 0.8 s at 256 on the 2-core host), a lever for denial of service. A prefix
 * never takes more guesses than the whole, so the cut can under-rate a long password (refuse it),
 * never over-rate one.
 */
export const STRENGTH_ESTIMATE_LENGTH = 64;

/**
 * Upper-case letters that follow a letter or digit, lower-cased: "DaNang" → "Danang", "H4iPh0ng" →
 * "H4iph0ng". Vietnamese words are written without spaces by capitalising each syllable (HaiPhong,
 * MatKhau, HoChiMinh), a predictable habit that zxcvbn would otherwise credit as random capitalisation
 * worth thousands of guesses. Random strings lose nothing: brute force is estimated case-blind.
 */
function flattenSyllableCapitals(text: string): string {
  return text.replace(/(?<=[\p{L}\p{Nd}])\p{Lu}/gu, (c) => c.toLowerCase());
}

/**
 * Score an NFC-normalised password on its first STRENGTH_ESTIMATE_LENGTH characters. The lowest score
 * of two variants counts: as typed, and with diacritics stripped and syllable capitals flattened, so that "Hànội@2024" and "HàNội@2024" are as guessable as "Hanoi@2024".
 * `userInputs` are words particular to this person (username, name parts): zxcvbn treats them as the
 * most likely dictionary words of all, l33t and reversed variants included.
 */
export function strengthScore(password: string, userInputs: readonly string[]): StrengthScore {
  // Always pass an array: zxcvbn-ts keeps the previous call's user inputs when given none, which
  // would let one person's name leak into the next person's score.
  const inputs = [...new Set(userInputs.filter((w) => w.length > 0))];
  const head = [...password].slice(0, STRENGTH_ESTIMATE_LENGTH).join('');
  const variants = new Set([head, flattenSyllableCapitals(stripDiacritics(head))]);
  let score: StrengthScore = 4;
  for (const variant of variants) score = Math.min(score, zxcvbn(variant, inputs).score) as StrengthScore;
  return score;
}
