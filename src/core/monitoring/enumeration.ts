/**
 * Enumeration: one person walking through ID numbers (R3: no extraction with tools). The ledger
 * keeps only a keyed HMAC of each number and its masked form (first 3 and last 3 digits), and this
 * rule uses nothing more: no new data is stored for it. Sequential numbers show as one prefix whose
 * last three digits form a long chain of near-consecutive values (001******001, …002, …003 …).
 *
 * Limitations, by design of what the ledger keeps:
 * - a walk over the middle digits (stepping by 1,000) or a random draw within a birth cohort leaves
 *   the suffixes scattered: only the volume rule (many distinct citizens an hour) and the cadence
 *   rules see it;
 * - distinct citizens with the same masked form count as one suffix value;
 * - chains are counted per person, prefix and local day: a walk of 19 numbers a day is not seen;
 * - by chance alone, ~1,000 random numbers of one prefix in a day make a chain of 20 about one
 *   time in ten; such a day already fires the volume rule.
 */
import { draftAlert, span } from './alert.js';
import { localDate } from './clock.js';
import { groupBy, humanAttempts, isAttempt } from './entries.js';
import { denseWindows } from './window.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const SEQUENTIAL: RuleDef = {
  id: 'enumeration.sequential',
  requirement: 'R3',
  severity: 'high',
  description: {
    vi: 'Một tài khoản tra cứu dãy số định danh liên tiếp hoặc dày đặc: dấu hiệu dò quét dữ liệu',
    en: 'An account looked up a sequence of consecutive or dense ID numbers: a sign of data harvesting',
  },
};

export const VOLUME: RuleDef = {
  id: 'enumeration.volume',
  requirement: 'R3',
  severity: 'warning',
  description: {
    vi: 'Một tài khoản tra cứu quá nhiều công dân khác nhau trong một giờ',
    en: 'An account looked up too many distinct citizens within an hour',
  },
};

const MASKED = /^([0-9]{3})\*+([0-9]{3})$/;
const SUFFIXES = 1000;

/**
 * The longest chain of distinct suffixes (0..999) in which each step is at most `maxStep`, read
 * around the circle (…998, 999, 000, 001… is one chain: 001085000999 is followed by 001085001000).
 */
export function longestChain(suffixes: Iterable<number>, maxStep: number): Set<number> {
  const s = [...new Set(suffixes)].sort((a, b) => a - b);
  if (s.length === 0) return new Set();
  const chains: number[][] = [[s[0]!]];
  for (let i = 1; i < s.length; i++) {
    if (s[i]! - s[i - 1]! <= maxStep) chains[chains.length - 1]!.push(s[i]!);
    else chains.push([s[i]!]);
  }
  if (chains.length > 1 && s[0]! + SUFFIXES - s[s.length - 1]! <= maxStep) {
    chains[0] = [...chains.pop()!, ...chains[0]!];
  }
  return new Set(chains.reduce((best, c) => (c.length > best.length ? c : best)));
}

const mask = (prefix: string, n: number): string => `${prefix}******${String(n).padStart(3, '0')}`;

export function sequentialAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minRun, maxSuffixStep } = ctx.thresholds.enumeration;
  const groups = groupBy(entries.filter((e) => isAttempt(e) && e.id_hmac !== null && e.id_masked !== null), (e) => {
    const m = MASKED.exec(e.id_masked!);
    return e.actor === null || !m ? null : `${e.actor}\u0000${localDate(e.ts, ctx.timezone)}\u0000${m[1]}`;
  });
  const out: AlertDraft[] = [];
  for (const [key, list] of groups) {
    const [actor = '', day = '', prefix = ''] = key.split('\u0000');
    const suffixOf = (e: MonitorEntry): number => Number(MASKED.exec(e.id_masked!)![2]);
    const chain = longestChain(list.map(suffixOf), maxSuffixStep);
    if (chain.size < minRun) continue;
    const inChain = list.filter((e) => chain.has(suffixOf(e)));
    const ordered = [...chain].sort((a, b) => a - b);
    // Around the circle the chain starts after its largest gap, not at its smallest value.
    let startAt = 0;
    for (let i = 1; i < ordered.length; i++) if (ordered[i]! - ordered[i - 1]! > maxSuffixStep) startAt = i;
    const from = ordered[startAt]!;
    const to = ordered[(startAt + ordered.length - 1) % ordered.length]!;
    out.push(draftAlert(SEQUENTIAL, {
      subject: { actor, ...(list[0]!.unit_code ? { unit: list[0]!.unit_code } : {}) },
      scope: [day, `prefix:${prefix}`],
      title: {
        vi: `${actor} tra cứu ${chain.size} số định danh liên tiếp ${mask(prefix, from)} → ${mask(prefix, to)} (ngày ${day})`,
        en: `${actor} looked up ${chain.size} consecutive ID numbers ${mask(prefix, from)} → ${mask(prefix, to)} (${day})`,
      },
      evidence: {
        ...span(inChain),
        prefix,
        runLength: chain.size,
        maskedFrom: mask(prefix, from),
        maskedTo: mask(prefix, to),
        distinctCitizens: new Set(inChain.map((e) => e.id_hmac)).size,
        minRun,
        maxSuffixStep,
      },
    }));
  }
  return out;
}

export function volumeAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const max = ctx.thresholds.enumeration.maxDistinctPerHour;
  const out: AlertDraft[] = [];
  for (const [actor, list] of humanAttempts(entries, ctx.users)) {
    const windows = denseWindows(list, 3_600_000, [{ key: (e) => e.id_hmac, min: max + 1 }], (e) => localDate(e.ts, ctx.timezone));
    for (const w of windows) {
      out.push(draftAlert(VOLUME, {
        subject: { actor, ...(w.entries[0]!.unit_code ? { unit: w.entries[0]!.unit_code } : {}) },
        scope: [w.day],
        title: {
          vi: `${actor} tra cứu ${w.counts[0]} công dân khác nhau trong vòng một giờ (ngày ${w.day})`,
          en: `${actor} looked up ${w.counts[0]} distinct citizens within an hour (${w.day})`,
        },
        evidence: { ...span(w.entries), distinctCitizens: w.counts[0], maxDistinctPerHour: max },
      }));
    }
  }
  return out;
}

export const enumerationRules: RuleFamily = {
  rules: [SEQUENTIAL, VOLUME],
  evaluate: (entries, ctx) => [...sequentialAlerts(entries, ctx), ...volumeAlerts(entries, ctx)],
};
