/** Text helpers for the state-secret detector: NFC with an exact offset map, and diacritic-tolerant patterns. */

/**
 * The input brought to NFC, with invisible format characters removed, and for every UTF-16 unit
 * of `text` the range of the ORIGINAL input it came from. Spans found in `text` are reported
 * against the original, so a caller can highlight or redact exactly what the user sent (R5, R6).
 */
export interface NormalisedText {
  readonly text: string;
  /** null when the input was already NFC without format characters: offsets are then unchanged */
  readonly from: readonly number[] | null;
  readonly to: readonly number[] | null;
}

// A cluster is one base character and the combining marks after it. Composition in NFC only ever
// joins a base with its following marks (for Latin script), so normalising cluster by cluster gives
// the same Vietnamese letters as normalising the whole string, and keeps every offset traceable.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
// Zero-width spaces, joiners, soft hyphens and BOMs (\p{Cf}) hide inside words in web and Word
// exports ("M\u200BẬT"); they carry no meaning for a reader, so they must not defeat the rules.
const FORMAT = /\p{Cf}/u;
const FORMAT_CLUSTER = /^\p{Cf}/u;

export function normalise(input: string): NormalisedText {
  // Most input is already NFC (keyboards, browsers): keep it as it is, offsets and all.
  if (!FORMAT.test(input) && input.normalize('NFC') === input) return { text: input, from: null, to: null };
  const pieces: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const m of input.matchAll(CLUSTER)) {
    if (FORMAT_CLUSTER.test(m[0])) continue;
    const piece = m[0].normalize('NFC');
    const end = m.index + m[0].length;
    for (let i = 0; i < piece.length; i++) {
      from.push(m.index);
      to.push(end);
    }
    pieces.push(piece);
  }
  return { text: pieces.join(''), from, to };
}

/** Maps a non-empty [start, end) range of the normalised text back to the original input. */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (n.from === null || n.to === null) return { start, end };
  return { start: n.from[start] ?? 0, end: n.to[end - 1] ?? 0 };
}

/** The letter without its diacritics and lower-cased: "Ậ" → "a", "Đ" → "d". */
export function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐÐ]/u, 'd')
    .toLowerCase();
}

export function fold(s: string): string {
  return [...s].map(foldChar).join('');
}

/**
 * Every spelling of `ch` that an OCR engine or a keyboard without Vietnamese input could produce
 * from it by DROPPING marks, never by adding or changing one: "ậ" → a, â, ạ, ậ; but not "ặ" (mặt,
 * face) nor "ấ" (mất, lost). Marks get lost in scanning ("TOI MAT", DOMAIN §7); they are not invented.
 */
export function markSubsets(ch: string): string[] {
  if (ch === 'đ') return ['đ', 'd'];
  if (ch === 'Đ') return ['Đ', 'D', 'Ð']; // U+00D0 stands in for Đ in text converted from legacy encodings
  const [base = '', ...marks] = [...ch.normalize('NFD')];
  const out = new Set<string>();
  for (let mask = 0; mask < 1 << marks.length; mask++) {
    const kept = marks.filter((_, i) => (mask & (1 << i)) !== 0).join('');
    out.add((base + kept).normalize('NFC'));
  }
  return [...out];
}

/** Confusions of scanned upper-case stamps: a digit zero for O, a one or small L for I. */
const OCR_CONFUSIONS: Readonly<Record<string, readonly string[]>> = { O: ['0'], I: ['l', '1'] };

export type CaseMode = 'upper' | 'any';

export interface LooseOptions {
  /** regex source between words; default: horizontal whitespace on one line */
  readonly gap?: string;
  /** also accept OCR_CONFUSIONS (only sensible for upper-case stamps that stand alone) */
  readonly ocr?: boolean;
}

export const HSPACE = '[\\p{Zs}\\t]';

/**
 * Regex source for `phrase` (lower-case canonical spelling) tolerant of lost diacritics and, in
 * 'any' mode, of any letter case, so one table row covers "Độ mật", "ĐỘ MẬT" and "Do mat".
 */
export function loose(phrase: string, mode: CaseMode, opts: LooseOptions = {}): string {
  const gap = opts.gap ?? `${HSPACE}+`;
  return phrase
    .split(' ')
    .map((word) =>
      [...word]
        .map((ch) => {
          const upper = ch.toUpperCase();
          const forms = new Set(markSubsets(upper));
          if (mode === 'any') for (const f of markSubsets(ch)) forms.add(f);
          if (opts.ocr) for (const c of OCR_CONFUSIONS[foldChar(ch).toUpperCase()] ?? []) forms.add(c);
          return `[${[...forms].join('')}]`;
        })
        .join(''),
    )
    .join(gap);
}

/** True when `token` is `canonical` with possibly some diacritics dropped and in any case. */
export function looselyEquals(token: string, canonical: string): boolean {
  const t = [...token.normalize('NFC')];
  const c = [...canonical];
  if (t.length !== c.length) return false;
  return t.every((ch, i) => {
    const want = c[i] ?? '';
    return markSubsets(want).includes(ch) || markSubsets(want.toUpperCase()).includes(ch);
  });
}
