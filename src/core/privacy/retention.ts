/**
 * Ledger retention (TT 46/2022/TT-BCA Art. 8(1): both sides keep the logs of connection, sharing and
 * exploitation; the period is unverified, so it is configurable — DOMAIN.md §3, §4). Pure decisions:
 * the retention cutoff for a day, and how far a prune may go. A prune never goes past a signed
 * checkpoint, so what remains still verifies from that checkpoint (ledger-store.ts).
 */
import { isValidCivilDate } from '../calendar/index.js';

/** TCVN 11930 needs 3 months; service providers keep 12 (DOMAIN.md §4): never below 12. */
export const MIN_RETENTION_MONTHS = 12;
export const DEFAULT_RETENTION_MONTHS = 24;
/** A sanity bound on configuration typos (100 years). */
export const MAX_RETENTION_MONTHS = 1200;

export type RetentionCheck = { ok: true; months: number } | { ok: false; message: string };

export function checkRetentionMonths(months: number): RetentionCheck {
  if (!Number.isSafeInteger(months)) return { ok: false, message: 'expected a whole number of months' };
  if (months < MIN_RETENTION_MONTHS) return { ok: false, message: `at least ${MIN_RETENTION_MONTHS} months (logs of exploitation of the population database)` };
  if (months > MAX_RETENTION_MONTHS) return { ok: false, message: `at most ${MAX_RETENTION_MONTHS} months` };
  return { ok: true, months };
}

/**
 * The first civil day still kept when today is `today`: the same day of the month, `months`
 * months earlier, clamped to the month's last day (31/03 minus one month is 28/02 or 29/02).
 * Entries from before the start of that day (in the configured zone) may be pruned.
 */
export function retentionCutoffDay(today: string, months: number): string {
  if (!isValidCivilDate(today)) throw new RangeError(`not a civil date: ${today}`);
  const check = checkRetentionMonths(months);
  if (!check.ok) throw new RangeError(`retention: ${check.message}`);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface PruneInput {
  /** The lowest seq whose entry is at or after the cutoff (must be kept), or null if every entry is older. */
  firstKeptSeq: number | null;
  /** The chain head: the last entry written. */
  headSeq: number;
  /** Entries up to this seq are already gone (0 when never pruned). */
  prunedThrough: number;
  /** Signed checkpoints (seq and the chain hash there), any order; signatures checked by the caller. */
  checkpoints: ReadonlyArray<{ seq: number; hash: string }>;
}

export type PruneDecision =
  | { prune: true; boundarySeq: number; checkpointHash: string; entries: number }
  | { prune: false; reason: 'NOTHING_OLD' | 'NO_CHECKPOINT'; message: string };

/**
 * How far a prune may go: up to the last signed checkpoint whose entries are all older than the
 * cutoff. Entries after it are kept even if old, so the remaining chain starts exactly at a
 * checkpoint whose hash and signature anchor it.
 */
export function decidePrune(i: PruneInput): PruneDecision {
  const limit = i.firstKeptSeq === null ? i.headSeq : i.firstKeptSeq - 1;
  if (limit <= i.prunedThrough) return { prune: false, reason: 'NOTHING_OLD', message: 'no entry is older than the retention period' };
  let best: { seq: number; hash: string } | null = null;
  for (const cp of i.checkpoints) {
    if (cp.seq > i.prunedThrough && cp.seq <= limit && (!best || cp.seq > best.seq)) best = cp;
  }
  if (!best) return { prune: false, reason: 'NO_CHECKPOINT', message: `no signed checkpoint among entries ${i.prunedThrough + 1}..${limit}` };
  return { prune: true, boundarySeq: best.seq, checkpointHash: best.hash, entries: best.seq - i.prunedThrough };
}
