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

/** One line per entry: JSON of the covered values in a fixed order (unambiguous for any text). */
export function canonical(e: LedgerFields): string {
  return JSON.stringify([
    e.seq, e.ts, e.request_id, e.instance_id, e.category, e.operation, e.outcome, e.app_id,
    e.app_version, e.actor, e.unit_code, e.client_ip, e.id_hmac, e.id_masked, e.procedure_code,
    e.dossier_code, e.purpose, e.fields_requested, e.fields_returned, e.upstream_ms, e.detail,
  ]);
}

export function chainHash(chainKey: Buffer, prevHash: string, e: LedgerFields): string {
  return createHmac('sha256', chainKey).update(prevHash).update('\n').update(canonical(e)).digest('hex');
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
    if (this.broken) return false;
    if (row.seq !== this.expectedSeq) {
      this.broken = {
        seq: row.seq < this.expectedSeq ? row.seq : this.expectedSeq,
        reason: 'SEQUENCE_GAP',
        message: row.seq < this.expectedSeq
          ? `entry ${row.seq} appears out of order after ${this.expectedSeq - 1}`
          : `entries ${this.expectedSeq}..${row.seq - 1} are missing`,
      };
      return false;
    }
    if (row.prev_hash !== this.prevHash) {
      this.broken = { seq: row.seq, reason: 'PREVIOUS_HASH_MISMATCH', message: `entry ${row.seq} does not follow entry ${row.seq - 1}` };
      return false;
    }
    const h = chainHash(this.chainKey, this.prevHash, row);
    if (h !== row.hash) {
      this.broken = { seq: row.seq, reason: 'HASH_MISMATCH', message: `entry ${row.seq} was altered` };
      return false;
    }
    this.prevHash = h;
    this.expectedSeq++;
    this.count++;
    if (this.remember.has(row.seq)) this.seen.set(row.seq, h);
    return true;
  }
}
