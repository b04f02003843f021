/**
 * The ledger's hash chain (R6: tamper-evident evidence of who looked up whom, when and why).
 * Each entry's hash is HMAC-SHA256(chain key, previous hash ‖ canonical form of the entry), so a
 * changed, deleted, inserted or reordered entry breaks the chain, and nobody without the key can
 * re-chain a forged history. Signed checkpoints (checkpoint.ts) pin the chain head over time.
 */
import { createHmac } from 'node:crypto';

/** Every column the chain covers, in a fixed order. */
export interface LedgerFields {
  seq: number;
  ts: number;
  request_id: string;
  instance_id: string;
  category: string;
  operation: string;
  outcome: string;
  app_id: string | null;
  app_version: string | null;
  actor: string | null;
  unit_code: string | null;
  client_ip: string | null;
  id_hmac: string | null;
  id_masked: string | null;
  procedure_code: string | null;
  dossier_code: string | null;
  purpose: string | null;
  fields_requested: string | null;
  fields_returned: string | null;
  upstream_ms: number | null;
  detail: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Every column the chain covers, in canonical order. The one definition of the canonical form's
 * layout: the object form (`canonical`) and the array form read straight from the database
 * (`CHAINED_COLUMNS`, `ChainVerifier.pushValues`) both follow it, so they cannot drift apart.
 * Changing the order re-hashes every entry: stored ledgers would no longer verify.
 */
export const COVERED_COLUMNS = [
  'seq', 'ts', 'request_id', 'instance_id', 'category', 'operation', 'outcome', 'app_id',
  'app_version', 'actor', 'unit_code', 'client_ip', 'id_hmac', 'id_masked', 'procedure_code',
  'dossier_code', 'purpose', 'fields_requested', 'fields_returned', 'upstream_ms', 'detail',
] as const satisfies readonly (keyof LedgerFields)[];

/** A stored entry as an array: the covered columns in canonical order, then prev_hash and hash. */
export const CHAINED_COLUMNS = [...COVERED_COLUMNS, 'prev_hash', 'hash'] as const;

type ValuesOf<C extends readonly (keyof ChainedRow)[]> = { -readonly [I in keyof C]: ChainedRow[C[I]] };
export type ChainedValues = ValuesOf<typeof CHAINED_COLUMNS>;

/** Positions in `ChainedValues`. */
export const COL = {
  seq: 0,
  ts: 1,
  instanceId: COVERED_COLUMNS.indexOf('instance_id') as 3,
  operation: COVERED_COLUMNS.indexOf('operation') as 5,
  outcome: COVERED_COLUMNS.indexOf('outcome') as 6,
  detail: COVERED_COLUMNS.indexOf('detail') as 20,
  prevHash: COVERED_COLUMNS.length as 21,
  hash: (COVERED_COLUMNS.length + 1) as 22,
} as const;

/** One line per entry: JSON of the covered values in canonical order (unambiguous for any text). */
export function canonicalValues(covered: readonly unknown[]): string {
  return JSON.stringify(covered);
}

export function canonical(e: LedgerFields): string {
  const covered: unknown[] = new Array(COVERED_COLUMNS.length);
  for (let i = 0; i < COVERED_COLUMNS.length; i++) covered[i] = e[COVERED_COLUMNS[i]!];
  return canonicalValues(covered);
}

/** HMAC-SHA256(chain key, previous hash ‖ "\n" ‖ canonical form), in hex. */
function hmacHex(chainKey: Buffer, prevHash: string, canonicalText: string): string {
  return createHmac('sha256', chainKey).update(`${prevHash}\n${canonicalText}`).digest('hex');
}

export function chainHash(chainKey: Buffer, prevHash: string, e: LedgerFields): string {
  return hmacHex(chainKey, prevHash, canonical(e));
}

/**
 * Marks an entry read as an array whose hash a reader has already recomputed and found equal, over a
 * canonical text the database rendered itself (storage/ledger-verify-read.ts says why that is sound).
 * Such an entry carries only seq, operation, detail, prev_hash and hash.
 */
export const HASH_CHECKED: unique symbol = Symbol('hash checked');
export type CheckedValues = ChainedValues & { [HASH_CHECKED]?: true };

/** The hash a stored entry should carry, from the entry in array form (over its own prev_hash). */
export function chainHashOfValues(chainKey: Buffer, row: CheckedValues): string {
  if (row[HASH_CHECKED]) return row[COL.hash];
  return hmacHex(chainKey, row[COL.prevHash], canonicalValues(row.slice(0, COVERED_COLUMNS.length)));
}

/**
 * Chains an entry given as its covered values in canonical order: appends `prevHash` and the entry's
 * hash to that array (which it takes over) and returns it as a stored row. The writer's form: no
 * object is built per entry.
 */
export function sealValues(chainKey: Buffer, prevHash: string, covered: unknown[]): ChainedValues {
  if (covered.length !== COVERED_COLUMNS.length) throw new Error(`an entry has ${COVERED_COLUMNS.length} covered values, not ${covered.length}`);
  const hash = hmacHex(chainKey, prevHash, canonicalValues(covered));
  covered.push(prevHash, hash);
  return covered as unknown as ChainedValues;
}

export function chainedValues(row: ChainedRow): ChainedValues {
  const values: unknown[] = new Array(CHAINED_COLUMNS.length);
  for (let i = 0; i < CHAINED_COLUMNS.length; i++) values[i] = row[CHAINED_COLUMNS[i]!];
  return values as unknown as ChainedValues;
}

export interface ChainedRow extends LedgerFields {
  prev_hash: string;
  hash: string;
}

export type ChainBreak = {
  seq: number;
  reason: 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' | 'HEAD_MISMATCH' | 'CHECKPOINT_MISMATCH' | 'TRUNCATED' | 'BAD_SIGNATURE';
  message: string;
};

/** The break when entry `seq` comes where entry `expected` should. */
export function sequenceGap(expected: number, seq: number): ChainBreak {
  return {
    seq: seq < expected ? seq : expected,
    reason: 'SEQUENCE_GAP',
    message: seq < expected ? `entry ${seq} appears out of order after ${expected - 1}` : `entries ${expected}..${seq - 1} are missing`,
  };
}

export function previousHashMismatch(seq: number): ChainBreak {
  return { seq, reason: 'PREVIOUS_HASH_MISMATCH', message: `entry ${seq} does not follow entry ${seq - 1}` };
}

/**
 * Incremental verifier: feed rows in ascending seq; it remembers the first break.
 * Starts at `start` (genesis, or a signed checkpoint after retention pruning).
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  count = 0;
  broken: ChainBreak | null = null;
  /** Hash after each checkpointed seq we were asked to remember. */
  readonly seen = new Map<number, string>();

  constructor(
    private readonly chainKey: Buffer,
    start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
    private readonly remember: ReadonlySet<number> = new Set(),
  ) {
    this.expectedSeq = start.seq + 1;
    this.prevHash = start.hash;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.prevHash;
  }

  push(row: ChainedRow): boolean {
    return this.pushValues(chainedValues(row));
  }

  /** The same as `push`, for an entry read as an array (`CHAINED_COLUMNS`). */
  pushValues(row: ChainedValues): boolean {
    if (this.broken) return false;
    const seq = row[COL.seq];
    if (seq !== this.expectedSeq) {
      this.broken = sequenceGap(this.expectedSeq, seq);
      return false;
    }
    if (row[COL.prevHash] !== this.prevHash) {
      this.broken = previousHashMismatch(seq);
      return false;
    }
    const h = chainHashOfValues(this.chainKey, row);
    if (h !== row[COL.hash]) {
      this.broken = { seq, reason: 'HASH_MISMATCH', message: `entry ${seq} was altered` };
      return false;
    }
    this.prevHash = h;
    this.expectedSeq++;
    this.count++;
    if (this.remember.has(seq)) this.seen.set(seq, h);
    return true;
  }
}
