/**
 * Reading the ledger for chain verification, fast: entries as arrays in canonical column order
 * (chain.ts `CHAINED_COLUMNS`) straight from the driver — better-sqlite3 `.raw()`, pg
 * `rowMode: 'array'` — since building an object per entry costs more than hashing it. Kysely is the
 * fallback for callers that only hold a `Kysely` (same results, slower).
 */
import type { Kysely } from 'kysely';
import { createHmac } from 'node:crypto';
import { CHAINED_COLUMNS, chainedValues, COL, COVERED_COLUMNS, HASH_CHECKED, type ChainedValues, type CheckedValues } from '../core/ledger/chain.js';
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

export function rangeReader(source: LedgerDriver | Kysely<Database>, chainKey?: Buffer): LedgerRangeReader {
  if (!('kind' in source)) return kyselyReader(source);
  if (source.kind === 'sqlite') {
    const cps = source.sqlite.prepare('select seq, hash, signature from checkpoints where seq >= ? and seq <= ? order by seq');
    return {
      rows: chainKey ? sqliteRenderedRows(source.sqlite, chainKey) : sqliteRows(source.sqlite),
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

type SqliteHandle = Extract<LedgerDriver, { kind: 'sqlite' }>['sqlite'];

function sqliteRows(sqlite: SqliteHandle): LedgerRangeReader['rows'] {
  const rows = sqlite.prepare(`select ${COLUMNS} from ledger where seq > ? and seq <= ? order by seq limit ?`).raw();
  return async (after, to, limit) => rows.all(after, to, limit) as ChainedValues[];
}

/**
 * SQLite renders each entry's hashed line itself (prev_hash, a newline, `json_array` over the
 * covered columns), so an entry costs a few short columns and one HMAC instead of 23 columns, an
 * array and JSON.stringify. When that HMAC equals the stored hash, the entry is passed on as
 * checked; when it does not (SQLite escapes some character differently, or the entry was altered),
 * or SQLite cannot render the page (a BLOB where text belongs), the whole entries are read and the
 * JavaScript canonical form — the only authority — decides, as without this path.
 *
 * Sound because the text SQLite renders is valid JSON that parses back to the stored values, and
 * the writer hashed JSON.stringify of the values it wrote: equal texts parse to equal values, so a
 * stored hash that matches means the stored values are the written ones. (A REAL, which the writer
 * never writes, renders with a decimal point or an exponent and so can never equal the writer's
 * integer.)
 */
function sqliteRenderedRows(sqlite: SqliteHandle, chainKey: Buffer): LedgerRangeReader['rows'] {
  const rendered = sqlite.prepare(
    `select seq, operation, detail, prev_hash, hash, prev_hash || char(10) || json_array(${COVERED_COLUMNS.join(', ')}) from ledger where seq > ? and seq <= ? order by seq limit ?`,
  ).raw();
  const whole = sqlite.prepare(`select ${COLUMNS} from ledger where seq = ?`).raw();
  const everyColumn = sqliteRows(sqlite);
  return async (after, to, limit) => {
    let page: Array<[number, string, string | null, string, string, string]>;
    try {
      page = rendered.all(after, to, limit) as typeof page;
    } catch {
      return everyColumn(after, to, limit);
    }
    const out: CheckedValues[] = [];
    for (const [seq, operation, detail, prevHash, hash, line] of page) {
      if (createHmac('sha256', chainKey).update(line).digest('hex') === hash) {
        const row = new Array(CHAINED_COLUMNS.length) as unknown as CheckedValues;
        row[COL.seq] = seq;
        row[COL.operation] = operation;
        row[COL.detail] = detail;
        row[COL.prevHash] = prevHash;
        row[COL.hash] = hash;
        row[HASH_CHECKED] = true;
        out.push(row);
      } else {
        out.push(whole.get(seq) as ChainedValues);
      }
    }
    return out;
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
