/**
 * Verifying the ledger's chain (R6) in contiguous seq ranges that can be checked independently, in
 * parallel, then stitched in seq order. An entry is valid iff HMAC(key, its prev_hash ‖ itself)
 * equals its hash; the chain is intact iff seqs are consecutive and each prev_hash is the previous
 * entry's hash. So a range can be checked without its predecessor, and stitching only compares
 * each range's first entry with the end of the range before. `stitch` reports exactly the break a
 * single ChainVerifier fed every entry in order would report; `conclude` adds the checks on the
 * whole ledger (prune record, checkpoints beyond the end, the head row).
 */
import { ChainVerifier, COL, previousHashMismatch, sequenceGap, type ChainBreak, type ChainedValues } from './chain.js';
import { verifyCheckpoint } from './checkpoint.js';

export interface SeqRange {
  from: number;
  to: number;
}

export interface CheckpointValues {
  seq: number;
  hash: string;
  signature: string;
}

/** What the checking of one range found: small, so it can cross a thread boundary. */
export interface RangeSummary extends SeqRange {
  /** The first entry found in the range (null: none) and the hash it claims to follow. */
  first: { seq: number; prevHash: string } | null;
  /** Entries accepted from `first` on (before `broken`, or all of them). */
  count: number;
  /** The last accepted entry (meaningful when count > 0). */
  lastSeq: number;
  lastHash: string;
  /** The first break inside the range, as if the range's first entry were known to follow its predecessor. */
  broken: ChainBreak | null;
  /** `pruneKeyOf` of every accepted `ledger.pruned` entry. */
  prunes: string[];
  /** Signed checkpoints found equal to the chain and correctly signed. */
  checkpoints: number;
}

/** The operation of the entry that records a retention prune (detail: boundarySeq, checkpointHash). */
export const PRUNE_OPERATION = 'ledger.pruned';

export function pruneKeyOf(detail: string | null): string {
  try {
    const d = JSON.parse(detail ?? '{}') as { boundarySeq?: unknown; checkpointHash?: unknown };
    return `${String(d.boundarySeq)}:${String(d.checkpointHash)}`;
  } catch {
    return '';
  }
}

/**
 * Splits [from, to] into consecutive ranges of `size` entries, at most `maxRanges` of them (a seq
 * span forged to be huge then makes large, sparse ranges rather than millions of queries).
 */
export function planRanges(from: number, to: number, size: number, maxRanges = 1000): SeqRange[] {
  if (to < from) return [];
  const span = to - from + 1;
  const step = Math.max(1, Math.ceil(size), Math.ceil(span / maxRanges));
  const ranges: SeqRange[] = [];
  for (let a = from; a <= to; a += step) ranges.push({ from: a, to: Math.min(to, a + step - 1) });
  return ranges;
}

/**
 * Feed the entries of one range in ascending seq, then read `summary()`. The checkpoints are those
 * with seq in the range, ascending; each is checked right after the entry it pins, as the whole
 * ledger's check does.
 */
export class RangeVerifier {
  private chain: ChainVerifier | null = null;
  private first: RangeSummary['first'] = null;
  private readonly prunes: string[] = [];
  private next = 0;
  private checkpointsChecked = 0;
  private checkpointBreak: ChainBreak | null = null;

  constructor(
    private readonly keys: { chainKey: Buffer; checkpointPublicKeyPem: string },
    readonly range: SeqRange,
    private readonly checkpoints: readonly CheckpointValues[],
  ) {}

  get broken(): ChainBreak | null {
    return this.chain?.broken ?? this.checkpointBreak;
  }

  push(row: ChainedValues): boolean {
    if (this.broken) return false;
    if (!this.chain) {
      // Whether this entry follows the range before is for `stitch` to say.
      this.first = { seq: row[COL.seq], prevHash: row[COL.prevHash] };
      this.chain = new ChainVerifier(this.keys.chainKey, { seq: this.range.from - 1, hash: row[COL.prevHash] });
    }
    if (!this.chain.pushValues(row)) return false;
    const seq = row[COL.seq];
    if (row[COL.operation] === PRUNE_OPERATION) this.prunes.push(pruneKeyOf(row[COL.detail]));
    while (this.next < this.checkpoints.length && this.checkpoints[this.next]!.seq <= seq) {
      const cp = this.checkpoints[this.next++]!;
      if (cp.seq !== seq || cp.hash !== row[COL.hash]) {
        this.checkpointBreak = { seq: cp.seq, reason: 'CHECKPOINT_MISMATCH', message: `the chain at entry ${cp.seq} differs from the signed checkpoint` };
        return false;
      }
      if (!verifyCheckpoint(this.keys.checkpointPublicKeyPem, cp.seq, cp.hash, cp.signature)) {
        this.checkpointBreak = { seq: cp.seq, reason: 'BAD_SIGNATURE', message: `the checkpoint at entry ${cp.seq} has no valid signature` };
        return false;
      }
      this.checkpointsChecked++;
    }
    return true;
  }

  summary(): RangeSummary {
    return {
      from: this.range.from, to: this.range.to, first: this.first, count: this.chain?.count ?? 0,
      lastSeq: this.chain?.lastSeq ?? this.range.from - 1, lastHash: this.chain?.lastHash ?? '',
      broken: this.broken, prunes: this.prunes, checkpoints: this.checkpointsChecked,
    };
  }
}

export interface Stitched {
  /** Entries accepted before the first break (all of them when there is none). */
  count: number;
  lastSeq: number;
  lastHash: string;
  broken: ChainBreak | null;
  prunes: Set<string>;
  checkpoints: number;
}

/**
 * Joins range summaries (in seq order, from `start`) into the result of checking every entry in
 * one pass. Summaries after the first broken range may be left out: they cannot change the result.
 */
export function stitch(start: { seq: number; hash: string }, summaries: readonly RangeSummary[]): Stitched {
  let expected = start.seq + 1;
  let prev = start.hash;
  let count = 0;
  let checkpoints = 0;
  const prunes = new Set<string>();
  const done = (broken: ChainBreak | null): Stitched => ({ count, lastSeq: expected - 1, lastHash: prev, broken, prunes, checkpoints });
  for (const s of summaries) {
    if (!s.first) continue;
    // Entries missing at the end of earlier ranges (or whole empty ranges) show here as a gap.
    if (s.first.seq !== expected) return done(sequenceGap(expected, s.first.seq));
    if (s.first.prevHash !== prev) return done(previousHashMismatch(s.first.seq));
    count += s.count;
    checkpoints += s.checkpoints;
    for (const p of s.prunes) prunes.add(p);
    if (s.broken) return done(s.broken);
    expected = s.lastSeq + 1;
    prev = s.lastHash;
  }
  return done(null);
}

export interface LedgerEnds {
  /** Where the checked chain starts: genesis, or the signed checkpoint a retention prune kept. */
  start: { seq: number; hash: string };
  /** The head row, and the highest ledger and checkpoint seqs, read in one statement. */
  head: { seq: number; hash: string };
  maxSeq: number | null;
  maxCheckpointSeq: number | null;
}

/** The checks on the whole ledger once its chain (up to the head) checked out unbroken. */
export function conclude(ends: LedgerEnds, chain: Stitched): ChainBreak | null {
  const { start, head } = ends;
  // After retention pruning the chain starts right after a signed checkpoint: a `ledger.pruned`
  // entry inside the verified chain (so unforgeable) must record a prune up to exactly there.
  if (start.seq > 0 && !chain.prunes.has(`${start.seq}:${start.hash}`)) {
    return { seq: 1, reason: 'SEQUENCE_GAP', message: `entries 1..${start.seq} are missing and no ledger.pruned entry records a prune up to entry ${start.seq}` };
  }
  // Appends move the head in the same transaction, so an entry beyond it was put there another way.
  if (ends.maxSeq !== null && ends.maxSeq > head.seq) {
    return { seq: head.seq, reason: 'HEAD_MISMATCH', message: `an entry beyond the recorded head exists: the ledger holds entry ${ends.maxSeq} but its head records entry ${head.seq}` };
  }
  if (ends.maxCheckpointSeq !== null && ends.maxCheckpointSeq > chain.lastSeq) {
    return { seq: chain.lastSeq + 1, reason: 'TRUNCATED', message: `entries ${chain.lastSeq + 1}..${ends.maxCheckpointSeq} covered by a signed checkpoint are missing` };
  }
  if (head.seq !== chain.lastSeq || head.hash !== chain.lastHash) {
    const reason = head.seq > chain.lastSeq ? 'TRUNCATED' : 'HEAD_MISMATCH';
    return { seq: Math.min(head.seq, chain.lastSeq + 1), reason, message: `the ledger ends at entry ${chain.lastSeq} but its head records entry ${head.seq}` };
  }
  return null;
}
