/** Building alert drafts: stable deduplication keys and evidence that never carries an ID number. */
import type { AlertDraft, AlertSubject, MonitorEntry, RuleDef, Severity } from './types.js';

/** How many seq numbers an alert lists so that an officer can open the entries (R6). */
export const SEQ_SAMPLE = 20;

/**
 * The key that identifies a condition across runs: the rule, its most specific subject (person,
 * else app, else unit, else the province) and the day or episode, never the time of the run, so a
 * second evaluation updates the alert instead of adding one.
 */
export function dedupKey(def: RuleDef, subject: AlertSubject, ...scope: string[]): string {
  return [def.id, primarySubject(subject), ...scope].join('|');
}

/** `actor:…`, else `app:…`, else `unit:…`, else `province`. */
export function primarySubject(s: AlertSubject): string {
  if (s.actor !== undefined) return `actor:${s.actor}`;
  if (s.app !== undefined) return `app:${s.app}`;
  return s.unit !== undefined ? `unit:${s.unit}` : 'province';
}

/** Counts and the seq and time range of some entries (oldest first), plus the first seq numbers. */
export function span(entries: readonly MonitorEntry[]): Record<string, unknown> {
  if (entries.length === 0) return { count: 0 };
  let first = entries[0]!;
  let last = first;
  for (const e of entries) {
    if (e.ts < first.ts || (e.ts === first.ts && e.seq < first.seq)) first = e;
    if (e.ts > last.ts || (e.ts === last.ts && e.seq > last.seq)) last = e;
  }
  return {
    count: entries.length,
    firstSeq: first.seq,
    lastSeq: last.seq,
    from: new Date(first.ts).toISOString(),
    to: new Date(last.ts).toISOString(),
    seqs: entries.slice(0, SEQ_SAMPLE).map((e) => e.seq),
  };
}

/** Counts of entries per value of a field (e.g. outcomes, units), largest first. */
export function tally(entries: readonly MonitorEntry[], key: (e: MonitorEntry) => string | null): Record<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const k = key(e);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Distinct non-null values of a field, sorted. */
export function distinct(entries: readonly MonitorEntry[], key: (e: MonitorEntry) => string | null): string[] {
  const s = new Set<string>();
  for (const e of entries) {
    const k = key(e);
    if (k !== null) s.add(k);
  }
  return [...s].sort();
}

export interface DraftInput {
  subject: AlertSubject;
  /** The day or episode that scopes the condition (see `dedupKey`). */
  scope: string[];
  title: { vi: string; en: string };
  evidence: Record<string, unknown>;
  severity?: Severity;
}

/** An alert draft of `def`, with its default severity unless the rule escalates or relaxes it. */
export function draftAlert(def: RuleDef, a: DraftInput): AlertDraft {
  return {
    rule: def.id,
    severity: a.severity ?? def.severity,
    dedupKey: dedupKey(def, a.subject, ...a.scope),
    subject: a.subject,
    title: a.title,
    evidence: a.evidence,
    requirement: def.requirement,
  };
}

/** A window length in words: `10 phút` / `10 min`, `45 giây` / `45 s`, `1 giờ` / `1 h`. */
export function duration(seconds: number): { vi: string; en: string } {
  if (seconds % 3600 === 0) return { vi: `${seconds / 3600} giờ`, en: `${seconds / 3600} h` };
  if (seconds % 60 === 0) return { vi: `${seconds / 60} phút`, en: `${seconds / 60} min` };
  return { vi: `${seconds} giây`, en: `${seconds} s` };
}
