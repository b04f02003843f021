/** Finds state-secret markings in text so dancu refuses to draft, store or transmit them (R5). */
import { type Hit, ScanText } from './guards.js';
import { ENVELOPE_LABEL, LEVEL_LABEL, LEVEL_RANK, type SecretLevel, type SecretRule, levelOf } from './levels.js';
import { RULES } from './rules.js';
import { loose, normalise, toOriginal, type NormalisedText } from './text.js';

export type { SecretLevel, SecretRule } from './levels.js';

export type SecretScan =
  | { flagged: false }
  | {
      flagged: true;
      /** null for the envelope stamp alone, which has no level */
      level: SecretLevel | null;
      rule: SecretRule;
      /** offsets into the ORIGINAL input, whatever its normalisation */
      span: { start: number; end: number; text: string };
      levelLabel: string;
    };

interface Candidate extends Hit {
  readonly rule: SecretRule;
  readonly order: number;
}

const rank = (level: SecretLevel | null): number => (level === null ? 0 : LEVEL_RANK[level]);

/**
 * Ranks candidates: more secret first (R5: the worst marking decides), then the level word that comes
 * first in the text (so "(MẬT)" alone on a line is one stamp, not a bracketed reference), then table order.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (rank(a.level) !== rank(b.level)) return rank(a.level) > rank(b.level);
  if (a.levelStart !== b.levelStart) return a.levelStart < b.levelStart;
  return a.order < b.order;
}

/** The best candidate of all rows. Guards run only on a hit that would beat the best so far. */
function bestCandidate(scan: ScanText): Candidate | undefined {
  let best: Candidate | undefined;
  for (const [order, row] of RULES.entries()) {
    for (const m of scan.text.matchAll(row.pattern)) {
      const words = m.groups?.['level'];
      const start = m.index;
      const end = start + m[0].length;
      const [levelStart, levelEnd] = m.indices?.groups?.['level'] ?? [start, end];
      const level = words === undefined ? null : levelOf(words);
      const c: Candidate = { start, end, levelStart, levelEnd, level, rule: row.id, order };
      if (best !== undefined && !better(c, best)) continue;
      if (row.guards.every((keep) => keep(scan, c))) best = c;
    }
  }
  return best;
}

/**
 * A necessary condition, checked first because most text carries no marking: every rule needs a
 * level word (each one contains "mật") or the envelope stamp (which ends in "bì").
 */
const MAY_BE_MARKED = new RegExp(`${loose('mật', 'any')}|${loose('bì', 'any')}`, 'u');

/**
 * Scans `text` for a state-secret marking: a stamp, a "Độ mật" field, a stated level, or the
 * envelope stamp. Pure: no I/O, no clock. Reports the most secret marking, first occurrence.
 */
export function detectStateSecret(text: string): SecretScan {
  const norm = normalise(text);
  return MAY_BE_MARKED.test(norm.text) ? scan(text, norm) : { flagged: false };
}

/** Every rule over the whole text, without the quick necessary condition (for the test that shows it loses nothing). */
export function detectByEveryRule(text: string): SecretScan {
  return scan(text, normalise(text));
}

function scan(text: string, norm: NormalisedText): SecretScan {
  const best = bestCandidate(new ScanText(norm.text));
  if (best === undefined) return { flagged: false };
  const { start, end } = toOriginal(norm, best.start, best.end);
  return {
    flagged: true,
    level: best.level,
    rule: best.rule,
    span: { start, end, text: text.slice(start, end) },
    levelLabel: best.level === null ? ENVELOPE_LABEL : LEVEL_LABEL[best.level],
  };
}
