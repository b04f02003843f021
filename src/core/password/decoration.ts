/** A zxcvbn matcher for the "word + symbol + predictable digits" decoration that R8-style rules breed. */

import type { Matcher, MatchExtended } from '@zxcvbn-ts/core';

// Rules like letter 004's (R8: digit, upper, lower and special) push people to take a word and bolt on
// "@123", "#2025" or ".12345". zxcvbn splits such a tail into a symbol and a digit match, and its
// estimate for any password of three matches or more starts at 10^8 guesses (its penalty for longer
// sequences), so "Hanoi.12345" scored as if it were strong. Matching the tail as one token with an
// honest estimate keeps "Hanoi.12345" as guessable as "Hanoi@2024". Decorations of random digits are
// not matched: zxcvbn's brute-force estimate already fits them.

export const DECORATION_PATTERN = 'vnDecoration';

/** Guesses per symbol: attackers try the dozen or so specials near the digits first. */
const SYMBOL_GUESSES = 20;

/**
 * Guesses for a predictable digit run, or null when it looks random. Years are a fixed span on
 * purpose: zxcvbn's own year estimate reads the clock at load, which this module must not depend on.
 */
function digitGuesses(digits: string): number | null {
  const n = digits.length;
  if (n <= 2) return 10 ** n;
  const year = Number(digits);
  if (n === 4 && year >= 1900 && year <= 2099) return 200;
  const steps = [...digits].slice(1).map((d, i) => Number(d) - Number(digits[i]));
  const run = steps.every((s) => s === steps[0]) && Math.abs(steps[0] ?? 9) <= 1;
  return run ? 10 * n : null; // "123", "12345", "987", "0000"
}

function decorationMatches(password: string): MatchExtended[] {
  const matches: MatchExtended[] = [];
  const isSymbol = (c: string | undefined) => c !== undefined && /[^\p{L}\p{N}]/u.test(c);
  for (const run of password.matchAll(/[0-9]+/g)) {
    const guesses = digitGuesses(run[0]);
    if (guesses === null) continue;
    const start = run.index;
    const end = start + run[0].length - 1;
    let before = 0;
    while (before < 2 && isSymbol(password[start - before - 1])) before += 1;
    let after = 0;
    while (after < 2 && isSymbol(password[end + after + 1])) after += 1;
    for (let b = 0; b <= before; b += 1) {
      for (let a = 0; a <= after; a += 1) {
        if (a + b === 0) continue;
        const i = start - b;
        const j = end + a;
        // x2: the decoration may come before or after the word.
        const estimate = 2 * SYMBOL_GUESSES ** (a + b) * guesses;
        matches.push({ pattern: DECORATION_PATTERN, i, j, token: password.slice(i, j + 1), estimate });
      }
    }
  }
  return matches;
}

export const decorationMatcher: Matcher = {
  Matching: class {
    match({ password }: { password: string }): MatchExtended[] {
      return decorationMatches(password);
    }
  },
  scoring: (match) => (typeof match.estimate === 'number' ? match.estimate : 0),
  feedback: () => null,
};
