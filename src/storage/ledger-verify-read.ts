/**
 * Reading the ledger for chain verification, fast: entries as arrays in canonical column order
 * (chain.ts `CHAINED_COLUMNS`) straight from the driver — better-sqlite3 `.raw()`, pg
 * `rowMode: 'array'` — since building an object per entry costs more than hashing it. Kysely is the
 * fallback for callers that only hold a `Kysely` (same results, slower).
 */
import type { Kysely } from 'kysely';
import { CHAINED_COLUMNS, chainedValues, type ChainedValues } from '../core/ledger/chain.js';
import { RangeVerifier, type CheckpointValues, type RangeSummary, type SeqRange } from '../core/ledger/ranges.js';
import type { Keys } from '../keys.js';
import type { Storage } from './db.js';
import type { Database } from './schema.js';

export interface LedgerRangeReader {
  /** Entries with after < seq ≤ to, ascending, at most `limit`. */
  rows(after: number, to: number, limit: number): Promise<ChainedValues[]>;
  /** Checkpoints with from ≤ seq ≤ to, ascending. */
  checkpoints(from: number, to: number): Promise<CheckpointValues[]>;
  /** better-sqlite3 answers synchronously: a reader in the gateway's thread must let it breathe. */
  readonly blocking: boolean;
}

const COLUMNS = CHAINED_COLUMNS.join(', ');

/** The driver underneath a `Storage` (a worker opens one without Kysely, which is slow to load). */
export type LedgerDriver = Pick<Extract<Storage, { kind: 'sqlite' }>, 'kind' | 'sqlite'> | Pick<Extract<Storage, { kind: 'postgres' }>, 'kind' | 'pool'>;

export function isStorage(source: Storage | Kysely<Database>): source is Storage {
  return 'kind' in source && 'url' in source;
}

export function rangeReader(source: LedgerDriver | Kysely<Database>): LedgerRangeReader {
  if (!('kind' in source)) return kyselyReader(source);
  if (source.kind === 'sqlite') {
    const rows = source.sqlite.prepare(`select ${COLUMNS} from ledger where seq > ? and seq <= ? order by seq limit ?`).raw();
    const cps = source.sqlite.prepare('select seq, hash, signature from checkpoints where seq >= ? and seq <= ? order by seq');
    return {
      rows: async (after, to, limit) => rows.all(after, to, limit) as ChainedValues[],
      checkpoints: async (from, to) => cps.all(from, to) as CheckpointValues[],
      blocking: true,
    };
  }
  const pool = source.pool;
  return {
    // int8 columns arrive as numbers (db.ts sets the type parser).
    rows: async (after, to, limit) => (await pool.query<ChainedValues>({
      text: `select ${COLUMNS} from ledger where seq > $1 and seq <= $2 order by seq limit $3`, values: [after, to, limit], rowMode: 'array',
    })).rows,
    checkpoints: async (from, to) => (await pool.query<CheckpointValues>('select seq, hash, signature from checkpoints where seq >= $1 and seq <= $2 order by seq', [from, to])).rows,
    blocking: false,
  };
}

function kyselyReader(db: Kysely<Database>): LedgerRangeReader {
  return {
    rows: async (after, to, limit) => (await db.selectFrom('ledger').select([...CHAINED_COLUMNS]).where('seq', '>', after).where('seq', '<=', to).orderBy('seq').limit(limit).execute())
      .map(chainedValues),
    checkpoints: (from, to) => db.selectFrom('checkpoints').select(['seq', 'hash', 'signature']).where('seq', '>=', from).where('seq', '<=', to).orderBy('seq').execute(),
    blocking: false,
  };
}

/**
 * Checks one range of the chain, page by page, until its first break (or until `stop()`: then the
 * summary is partial, for a caller that no longer needs it).
 */
export async function verifyRange(reader: LedgerRangeReader, keys: Pick<Keys, 'chainKey' | 'checkpointPublicKeyPem'>, range: SeqRange, pageSize: number, stop: () => boolean = () => false): Promise<RangeSummary> {
  const verifier = new RangeVerifier(keys, range, await reader.checkpoints(range.from, range.to));
  let after = range.from - 1;
  for (;;) {
    const rows = await reader.rows(after, range.to, pageSize);
    for (const row of rows) if (!verifier.push(row)) return verifier.summary();
    if (rows.length < pageSize || stop()) return verifier.summary();
    after = rows[rows.length - 1]![0];
    // Between pages, let other work in this thread run (requests, the ledger writer's commits).
    if (reader.blocking) await new Promise((r) => setImmediate(r));
  }
}
