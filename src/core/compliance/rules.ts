/**
 * The rules a person must know (R11): the instruments in force and the security rules their
 * province and unit adopted. The set in force for a unit on a day has a version, a hash of what it
 * contains, so any change (a new rule, a new version of one, an instrument coming into force or
 * lapsing, an edited summary) yields a new version that everyone concerned must acknowledge again.
 */
import { createHash } from 'node:crypto';
import { instrumentStatus, type Instrument } from './instruments.js';

/** A security rule adopted locally: province-wide (unitId null) or for one unit. */
export interface LocalRule {
  readonly id: number;
  readonly unitId: number | null;
  /** Stable code of the rule; a later upload with the same code and scope is its next version. */
  readonly code: string;
  readonly title: string;
  readonly version: string;
  /** YYYY-MM-DD: the first day the version applies. */
  readonly effectiveFrom: string;
  /** SHA-256 of the text: the version of the set changes when the text does. */
  readonly contentHash: string;
}

export interface RuleSet {
  readonly version: string;
  readonly instruments: readonly Instrument[];
  readonly rules: readonly LocalRule[];
}

/**
 * For each (scope, code), the version in force on `today`: the one with the latest effective date
 * not after today (the later upload wins a tie). Rules of other units are ignored.
 */
export function rulesInForce(all: readonly LocalRule[], unitId: number, today: string): LocalRule[] {
  const best = new Map<string, LocalRule>();
  for (const r of all) {
    if (r.unitId !== null && r.unitId !== unitId) continue;
    if (r.effectiveFrom > today) continue;
    const key = `${r.unitId ?? '*'}|${r.code}`;
    const cur = best.get(key);
    if (!cur || r.effectiveFrom > cur.effectiveFrom || (r.effectiveFrom === cur.effectiveFrom && r.id > cur.id)) best.set(key, r);
  }
  return [...best.values()].sort((a, b) => (a.unitId ?? -1) - (b.unitId ?? -1) || a.code.localeCompare(b.code));
}

/** Every lookup asks for the version; the instruments are constant data, so each is hashed once. */
const instrumentDigests = new WeakMap<Instrument, string>();
function instrumentDigest(i: Instrument): string {
  let d = instrumentDigests.get(i);
  if (d === undefined) {
    d = createHash('sha256').update(`${i.title}\n${i.summary}`).digest('hex');
    instrumentDigests.set(i, d);
  }
  return d;
}

/** The version of a set: a hash of every instrument and rule in it with what identifies its content. */
export function ruleSetVersion(instruments: readonly Instrument[], rules: readonly LocalRule[]): string {
  const canonical = JSON.stringify({
    instruments: instruments.map((i) => [i.id, i.effectiveFrom.date, i.effectiveTo?.date ?? null, instrumentDigest(i)]).sort(),
    rules: rules.map((r) => [r.unitId, r.code, r.version, r.effectiveFrom, r.contentHash]).sort(),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** The set a person of `unitId` must acknowledge on `today`. */
export function currentRuleSet(instruments: readonly Instrument[], rules: readonly LocalRule[], unitId: number, today: string): RuleSet {
  const inForce = instruments.filter((i) => instrumentStatus(i, today) === 'in_force');
  const local = rulesInForce(rules, unitId, today);
  return { version: ruleSetVersion(inForce, local), instruments: inForce, rules: local };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}
