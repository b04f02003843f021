/**
 * Reading the ledger: search (by ID number HMAC, person, unit, procedure, dossier, time) and
 * verification of the whole chain against the head row and the signed checkpoints (R6).
 */
import os from 'node:os';
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { GENESIS_HASH, type ChainBreak } from '../core/ledger/chain.js';
import { verifyCheckpoint } from '../core/ledger/checkpoint.js';
import { conclude, planRanges, stitch, type LedgerEnds, type RangeSummary } from '../core/ledger/ranges.js';
import type { Keys } from '../keys.js';
import type { Storage } from './db.js';
import { isStorage, rangeReader, verifyRange } from './ledger-verify-read.js';
import { startVerifyWorker, verifyRangesInParallel } from './ledger-verify-workers.js';
import type { Database, LedgerRow } from './schema.js';

export { PRUNE_OPERATION } from '../core/ledger/ranges.js';

export interface LedgerQuery {
  idHmac?: string;
  actor?: string;
  unitCode?: string;
  procedureCode?: string;
  dossierCode?: string;
  category?: string;
  fromMs?: number;
  toMs?: number;
  beforeSeq?: number;
  limit: number;
}

/** Hex digits of the ID-number HMAC that the ledger's index keys on: fixed by migration 008 (another width needs a new one). */
export const ID_KEY_DIGITS = 16;

/**
 * The condition "this entry is about the ID number with this HMAC", in the form the index serves:
 * the indexed prefix, then the whole HMAC so a shared prefix never mixes two people. Every query of
 * the ledger by ID number goes through it; a plain `id_hmac = ?` would read the whole ledger.
 */
export function idHmacIs(idHmac: string) {
  return (eb: ExpressionBuilder<Database, 'ledger'>) =>
    eb.and([eb(sql<string>`substr(id_hmac, 1, ${sql.lit(ID_KEY_DIGITS)})`, '=', idHmac.slice(0, ID_KEY_DIGITS)), eb('id_hmac', '=', idHmac)]);
}

/** The search as a query (run by `searchLedger`; the bench explains its plan). */
export function searchQuery(db: Kysely<Database>, q: LedgerQuery): SelectQueryBuilder<Database, 'ledger', LedgerRow> {
  let s = db.selectFrom('ledger').selectAll();
  if (q.idHmac) s = s.where(idHmacIs(q.idHmac));
  if (q.actor) s = s.where('actor', '=', q.actor);
  if (q.unitCode) s = s.where('unit_code', '=', q.unitCode);
  if (q.procedureCode) s = s.where('procedure_code', '=', q.procedureCode);
  if (q.dossierCode) s = s.where('dossier_code', '=', q.dossierCode);
  if (q.category) s = s.where('category', '=', q.category);
  if (q.fromMs !== undefined) s = s.where('ts', '>=', q.fromMs);
  if (q.toMs !== undefined) s = s.where('ts', '<', q.toMs);
  if (q.beforeSeq !== undefined) s = s.where('seq', '<', q.beforeSeq);
  return s.orderBy('seq', 'desc').limit(q.limit);
}

export async function searchLedger(db: Kysely<Database>, q: LedgerQuery): Promise<LedgerRow[]> {
  return searchQuery(db, q).execute();
}

export type VerifyReport =
  | { ok: true; entries: number; headSeq: number; checkpoints: number; ms: number; prunedThrough?: number }
  | { ok: false; entries: number; firstBroken: ChainBreak; ms: number };

export interface VerifyOptions {
  /**
   * Worker threads besides this one for a large ledger, each on its own connection; default: the
   * available parallelism less this thread, at most 7. 0: this thread only.
   */
  workers?: number;
  /** false: with workers, leave every range to them and keep this thread free (default: it checks ranges too). */
  thisThread?: boolean;
  /** Below this many entries no worker is started: loading one costs more than it saves. */
  minEntriesForWorkers?: number;
  /** Entries per range handed out; default about eight ranges per thread, or one range without workers. */
  rangeSize?: number;
  /** Entries per query. */
  pageSize?: number;
}

type VerifyKeys = Pick<Keys, 'chainKey' | 'checkpointPublicKeyPem'>;

/**
 * Verifies the chain from its start (genesis, or the signed checkpoint a retention prune kept) up
 * to the head read at the start, so entries appended meanwhile are left for the next run. A large
 * ledger is checked in ranges by this thread and worker threads together; pass the `Storage` for
 * that (with a bare `Kysely` the chain is checked in this thread, more slowly).
 */
export async function verifyLedger(source: Storage | Kysely<Database>, keys: VerifyKeys, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const db = isStorage(source) ? source.db : source;
  const ends = await ledgerEnds(db);
  const start = await pruneAnchor(db, keys, ends.minSeq);
  if ('reason' in start) return { ok: false, entries: 0, firstBroken: start, ms: performance.now() - started };
  // Entries past the last one present are missing: the checks on the head and checkpoints say so.
  const summaries = await checkRanges(source, keys, start.seq + 1, Math.min(ends.head.seq, ends.maxSeq ?? start.seq), opts);
  const chain = stitch(start, summaries);
  const broken = chain.broken ?? conclude({ ...ends, start }, chain);
  const ms = performance.now() - started;
  if (broken) return { ok: false, entries: chain.count, firstBroken: broken, ms };
  return { ok: true, entries: chain.count, headSeq: ends.head.seq, checkpoints: chain.checkpoints, ms, ...(start.seq > 0 ? { prunedThrough: start.seq } : {}) };
}

/** Summaries of the ranges of [from, to], up to the first broken one, checked here and in workers where they pay. */
function checkRanges(source: Storage | Kysely<Database>, keys: VerifyKeys, from: number, to: number, opts: VerifyOptions): Promise<RangeSummary[]> {
  const span = Math.max(0, to - from + 1);
  // An in-memory SQLite database exists only on this connection: no worker can open it.
  const url = isStorage(source) && source.url !== 'sqlite::memory:' && source.url !== 'sqlite:' ? source.url : null;
  const workers = url === null || span < (opts.minEntriesForWorkers ?? 50_000) ? 0 : Math.max(0, opts.workers ?? Math.min(os.availableParallelism() - 1, 7));
  const rangeSize = opts.rangeSize ?? (workers > 0 ? Math.min(100_000, Math.max(5_000, Math.ceil(span / ((workers + 1) * 8)))) : span);
  const pageSize = opts.pageSize ?? 1000;
  const reader = rangeReader(source, keys.chainKey);
  return verifyRangesInParallel(planRanges(from, to, rangeSize), {
    workers,
    startWorker: () => startVerifyWorker({ url: url!, chainKey: keys.chainKey.toString('hex'), checkpointPublicKeyPem: keys.checkpointPublicKeyPem, pageSize }),
    here: workers > 0 && opts.thisThread === false ? undefined : (range, stop) => verifyRange(reader, keys, range, pageSize, stop),
  });
}

/**
 * The head row with the lowest and highest seq of the ledger and of its checkpoints, in ONE
 * statement: an atomic snapshot on both engines, since the writer moves the head, adds entries and
 * checkpoints in one transaction. An entry beyond the head then cannot be a concurrent append.
 */
async function ledgerEnds(db: Kysely<Database>): Promise<Omit<LedgerEnds, 'start'> & { minSeq: number | null }> {
  const { rows } = await sql<{ head_seq: number | null; head_hash: string | null; min_seq: number | null; max_seq: number | null; max_cp: number | null }>`
    select (select seq from ledger_head where id = 1) as head_seq, (select hash from ledger_head where id = 1) as head_hash,
      (select min(seq) from ledger) as min_seq, (select max(seq) from ledger) as max_seq, (select max(seq) from checkpoints) as max_cp`.execute(db);
  const r = rows[0]!;
  return {
    head: r.head_seq === null || r.head_hash === null ? { seq: 0, hash: GENESIS_HASH } : { seq: r.head_seq, hash: r.head_hash },
    minSeq: r.min_seq, maxSeq: r.max_seq, maxCheckpointSeq: r.max_cp,
  };
}

/** Where verification starts: genesis, or the signed checkpoint just before the first remaining entry. */
async function pruneAnchor(db: Kysely<Database>, keys: Pick<Keys, 'checkpointPublicKeyPem'>, firstSeq: number | null): Promise<{ seq: number; hash: string } | ChainBreak> {
  if (firstSeq === null || firstSeq <= 1) return { seq: 0, hash: GENESIS_HASH };
  const boundary = firstSeq - 1;
  const cp = await db.selectFrom('checkpoints').selectAll().where('seq', '=', boundary).executeTakeFirst();
  if (!cp) return { seq: 1, reason: 'SEQUENCE_GAP', message: `entries 1..${boundary} are missing and no signed checkpoint anchors entry ${firstSeq}` };
  if (!verifyCheckpoint(keys.checkpointPublicKeyPem, cp.seq, cp.hash, cp.signature)) {
    return { seq: cp.seq, reason: 'BAD_SIGNATURE', message: `the checkpoint at entry ${cp.seq}, where the pruned ledger starts, has no valid signature` };
  }
  return { seq: cp.seq, hash: cp.hash };
}
