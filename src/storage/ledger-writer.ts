/**
 * The one writer of the ledger and of the quota counters, with group commit.
 *
 * Every decision is queued here; whatever is queued while a commit is in flight goes into the next
 * transaction. One transaction (1) locks the chain head, which serialises writers across every
 * gateway instance sharing the database, (2) reads the quota counters and the upstream lock, (3)
 * decides each reservation in order with the pure `reserve()`, (4) appends the hash-chained
 * entries, the new counters and, when due, a signed checkpoint. A caller's promise resolves only
 * after the commit, so an entry is durable before any upstream call or response (R1, R6). If the
 * commit fails, every caller in the batch gets the error and must refuse (fail closed).
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { checkpointDue, signCheckpoint } from '../core/ledger/checkpoint.js';
import { CHAINED_COLUMNS, COL, COVERED_COLUMNS, GENESIS_HASH, sealValues, type ChainedValues, type LedgerFields } from '../core/ledger/chain.js';
import { counterKey, reserve, splitCounterKey, type ReservationDecision, type ReservationRequest } from '../core/quota/quota.js';
import type { Keys } from '../keys.js';
import type { Storage } from './db.js';
import type { Database } from './schema.js';

/** What a caller says about a decision; the writer adds seq, time, instance and the chain. */
export type LedgerDraft = Omit<LedgerFields, 'seq' | 'ts' | 'instance_id' | 'detail'> & {
  detail?: Record<string, unknown> | null;
};

export function draft(d: Pick<LedgerDraft, 'request_id' | 'category' | 'operation' | 'outcome'> & Partial<LedgerDraft>): LedgerDraft {
  return {
    app_id: null, app_version: null, actor: null, unit_code: null, client_ip: null, id_hmac: null,
    id_masked: null, procedure_code: null, dossier_code: null, purpose: null, fields_requested: null,
    fields_returned: null, upstream_ms: null, detail: null, ...d,
  };
}

export interface Appended {
  seq: number;
  ts: number;
}

interface Job {
  reservation: ReservationRequest | null;
  /** For a reservation, the writer sets `outcome`: RESERVED or the refusal code. */
  draft: LedgerDraft;
  resolve: (r: Appended & { decision: ReservationDecision | null }) => void;
  reject: (e: unknown) => void;
}

/** What both writers offer: in-process (PostgreSQL, tests) and in a worker thread (SQLite). */
export interface Ledger {
  init(): Promise<void>;
  append(d: LedgerDraft): Promise<Appended>;
  reserve(req: ReservationRequest, d: LedgerDraft): Promise<Appended & { decision: ReservationDecision }>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function outcomeOf(decision: ReservationDecision): string {
  return decision.granted ? 'RESERVED' : decision.code;
}

export interface LedgerWriterOptions {
  instanceId: string;
  now?: () => number;
  maxBatch?: number;
  checkpoint?: { everyEntries: number; everyMs: number };
}

export class LedgerWriter implements Ledger {
  private readonly db: Kysely<Database>;
  private queue: Job[] = [];
  private flushing: Promise<void> | null = null;
  private lastCheckpoint: { seq: number; ts: number } | null = null;
  private readonly now: () => number;
  private readonly maxBatch: number;
  private readonly checkpointPolicy: { everyEntries: number; everyMs: number };

  constructor(private readonly storage: Storage, private readonly keys: Keys, private readonly opts: LedgerWriterOptions) {
    this.db = storage.db;
    this.now = opts.now ?? Date.now;
    this.maxBatch = opts.maxBatch ?? 2000;
    this.checkpointPolicy = opts.checkpoint ?? { everyEntries: 1000, everyMs: 10_000 };
  }

  /** Creates the chain head and the upstream state rows if absent; reads the last checkpoint. */
  async init(): Promise<void> {
    await this.db.insertInto('ledger_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('id').doNothing()).execute();
    await this.db.insertInto('upstream_state').values({ id: 1, locked: 0, locked_at: null, reason: null, cleared_at: null, cleared_by: null })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    const cp = await this.db.selectFrom('checkpoints').select(['seq', 'ts']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    this.lastCheckpoint = cp ?? null;
  }

  /** Appends one entry; resolves once it is committed. */
  append(d: LedgerDraft): Promise<Appended> {
    return this.enqueue(null, d);
  }

  /**
   * Decides a quota reservation and records the decision in the same commit, with the outcome
   * RESERVED or the refusal code.
   */
  reserve(req: ReservationRequest, d: LedgerDraft): Promise<Appended & { decision: ReservationDecision }> {
    return this.enqueue(req, d) as Promise<Appended & { decision: ReservationDecision }>;
  }

  /** Waits for everything queued so far to be committed (graceful shutdown loses nothing). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** The storage belongs to the caller; nothing else to release. */
  async close(): Promise<void> {
    await this.drain();
  }

  private enqueue(reservation: ReservationRequest | null, d: LedgerDraft): Promise<Appended & { decision: ReservationDecision | null }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ reservation, draft: d, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Yield once so requests arriving in the same tick share the first commit.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.commit(batch);
          batch.forEach((job, i) => job.resolve(results[i]!));
        } catch (err) {
          for (const job of batch) job.reject(err);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private async commit(batch: Job[]): Promise<Array<Appended & { decision: ReservationDecision | null }>> {
    const input: CommitInput = {
      jobs: batch, ts: this.now(), instanceId: this.opts.instanceId, keys: this.keys,
      lastCheckpoint: this.lastCheckpoint, checkpointPolicy: this.checkpointPolicy,
    };
    const planned = this.storage.kind === 'sqlite' ? await commitSqlite(this.storage, input) : await commitPostgres(this.storage.pool, input);
    if (planned.checkpoint) this.lastCheckpoint = { seq: planned.checkpoint.seq, ts: planned.checkpoint.ts };
    return planned.results;
  }
}

// ---------------------------------------------------------------------------------------------
// One commit: a pure plan between the reads and the writes of one transaction.

interface CommitInput {
  jobs: ReadonlyArray<Pick<Job, 'reservation' | 'draft'>>;
  ts: number;
  instanceId: string;
  keys: Pick<Keys, 'chainKey' | 'checkpointPrivateKey' | 'checkpointPublicKeyPem'>;
  lastCheckpoint: { seq: number; ts: number } | null;
  checkpointPolicy: { everyEntries: number; everyMs: number };
}

/** What one transaction read: the locked chain head, the upstream lock and the counters the batch draws on. */
interface CommitReads {
  head: { seq: number; hash: string };
  upstreamLocked: boolean;
  used: Map<string, number>;
}

export interface CommitPlan {
  /** The chained entries as stored rows, in `CHAINED_COLUMNS` order. */
  rows: ChainedValues[];
  /** Counters whose value changed, to be written back. */
  counters: Array<{ day: string; scope: string; used: number }>;
  head: { seq: number; hash: string };
  checkpoint: { seq: number; ts: number; hash: string; public_key: string; signature: string } | null;
  results: Array<Appended & { decision: ReservationDecision | null }>;
}

/** The counters a batch's reservations draw on (day and scope), or none for a batch of plain appends. */
function countersNeeded(jobs: CommitInput['jobs']): Array<{ day: string; scope: string }> {
  const keys = new Map<string, { day: string; scope: string }>();
  for (const j of jobs) if (j.reservation) for (const s of j.reservation.scopes) keys.set(counterKey(j.reservation.day, s.scope), { day: j.reservation.day, scope: s.scope });
  return [...keys.values()];
}

/**
 * Pure: decides each reservation in order with `reserve()` (so the batch never grants past any
 * cap), chains every entry after the head, and signs a checkpoint when one is due.
 */
export function planCommit(input: CommitInput, reads: CommitReads): CommitPlan {
  const used = new Map(reads.used);
  let seq = reads.head.seq;
  let prev = reads.head.hash;
  const rows: ChainedValues[] = [];
  const results: CommitPlan['results'] = [];
  for (const job of input.jobs) {
    const decision = job.reservation ? reserve(used, job.reservation, reads.upstreamLocked) : null;
    const d = job.draft;
    seq += 1;
    // Straight into the row's array: per entry, copying objects of twenty-odd fields cost more than its HMAC.
    const covered: unknown[] = new Array(COVERED_COLUMNS.length);
    for (let c = 0; c < COVERED_COLUMNS.length; c++) covered[c] = d[COVERED_COLUMNS[c] as keyof LedgerDraft];
    covered[COL.seq] = seq;
    covered[COL.ts] = input.ts;
    covered[COL.instanceId] = input.instanceId;
    if (decision) covered[COL.outcome] = outcomeOf(decision);
    covered[COL.detail] = d.detail ? JSON.stringify(d.detail) : null;
    const row = sealValues(input.keys.chainKey, prev, covered);
    rows.push(row);
    prev = row[COL.hash];
    results.push({ seq, ts: input.ts, decision });
  }
  const counters = [...used].filter(([k, v]) => reads.used.get(k) !== v).map(([k, v]) => ({ ...splitCounterKey(k), used: v }));
  const checkpoint = rows.length > 0 && checkpointDue(input.lastCheckpoint, seq, input.ts, input.checkpointPolicy)
    ? { seq, ts: input.ts, hash: prev, public_key: input.keys.checkpointPublicKeyPem, signature: signCheckpoint(input.keys.checkpointPrivateKey, seq, prev) }
    : null;
  return { rows, counters, head: { seq, hash: prev }, checkpoint, results };
}

/** Column order of a ledger row as the writers insert it: the chain's own order. */
const ROW_COLUMNS = CHAINED_COLUMNS;

/**
 * SQLite: the whole transaction runs synchronously on prepared statements (no query building, no
 * await inside, so nothing else on this connection can interleave), under BEGIN IMMEDIATE so
 * writers in other processes wait for the write lock up front. Kysely's connection is held
 * meanwhile, so no Kysely transaction on the same handle can be open.
 */
const sqliteStatements = new WeakMap<SqliteDatabase.Database, ReturnType<typeof prepareSqlite>>();

function prepareSqlite(sqlite: SqliteDatabase.Database) {
  const one = `(${ROW_COLUMNS.map(() => '?').join(',')})`;
  const many = 50;
  return {
    head: sqlite.prepare('select seq, hash from ledger_head where id = 1'),
    upstream: sqlite.prepare('select locked from upstream_state where id = 1').pluck(),
    counter: sqlite.prepare('select used from quota_counters where day = ? and scope = ?').pluck(),
    putCounter: sqlite.prepare('insert into quota_counters (day, scope, used) values (?, ?, ?) on conflict (day, scope) do update set used = excluded.used'),
    insertOne: sqlite.prepare(`insert into ledger (${ROW_COLUMNS.join(',')}) values ${one}`),
    many,
    insertMany: sqlite.prepare(`insert into ledger (${ROW_COLUMNS.join(',')}) values ${Array.from({ length: many }, () => one).join(',')}`),
    setHead: sqlite.prepare('update ledger_head set seq = ?, hash = ? where id = 1'),
    checkpoint: sqlite.prepare('insert into checkpoints (seq, ts, hash, public_key, signature) values (?, ?, ?, ?, ?)'),
  };
}

async function commitSqlite(storage: Extract<Storage, { kind: 'sqlite' }>, input: CommitInput): Promise<CommitPlan> {
  const sqlite = storage.sqlite;
  let st = sqliteStatements.get(sqlite);
  if (!st) sqliteStatements.set(sqlite, (st = prepareSqlite(sqlite)));
  const s = st;
  const run = sqlite.transaction((): CommitPlan => {
    const head = s.head.get() as { seq: number; hash: string } | undefined;
    if (!head) throw new Error('ledger head missing: run migrations and init()');
    const needed = countersNeeded(input.jobs);
    const used = new Map<string, number>();
    for (const c of needed) {
      const u = s.counter.get(c.day, c.scope) as number | undefined;
      if (u !== undefined) used.set(counterKey(c.day, c.scope), u);
    }
    const upstreamLocked = input.jobs.some((j) => j.reservation) && s.upstream.get() === 1;
    const plan = planCommit(input, { head, upstreamLocked, used });
    for (const c of plan.counters) s.putCounter.run(c.day, c.scope, c.used);
    let i = 0;
    for (; i + s.many <= plan.rows.length; i += s.many) s.insertMany.run(plan.rows.slice(i, i + s.many).flat());
    for (; i < plan.rows.length; i++) s.insertOne.run(plan.rows[i]!);
    s.setHead.run(plan.head.seq, plan.head.hash);
    const cp = plan.checkpoint;
    if (cp) s.checkpoint.run(cp.seq, cp.ts, cp.hash, cp.public_key, cp.signature);
    return plan;
  });
  return storage.db.connection().execute(async () => run.immediate());
}

/**
 * PostgreSQL: one client, explicit transaction, few round trips. The head row is locked first
 * (FOR UPDATE), which serialises the writers of every instance; the counters are locked too. All
 * entries go in one statement (arrays unnested server-side), together with the new head and the
 * checkpoint.
 */
const PG_TYPES: Record<(typeof ROW_COLUMNS)[number], string> = {
  seq: 'int8', ts: 'int8', upstream_ms: 'int4', request_id: 'text', instance_id: 'text', category: 'text', operation: 'text', outcome: 'text',
  app_id: 'text', app_version: 'text', actor: 'text', unit_code: 'text', client_ip: 'text', id_hmac: 'text', id_masked: 'text', procedure_code: 'text',
  dossier_code: 'text', purpose: 'text', fields_requested: 'text', fields_returned: 'text', detail: 'text', prev_hash: 'text', hash: 'text',
};
const PG_INSERT_ENTRIES = (() => {
  const n = ROW_COLUMNS.length;
  const unnest = ROW_COLUMNS.map((c, i) => `$${i + 1}::${PG_TYPES[c]}[]`).join(', ');
  return `with entries as (insert into ledger (${ROW_COLUMNS.join(', ')}) select * from unnest(${unnest})),
    head as (update ledger_head set seq = $${n + 1}, hash = $${n + 2} where id = 1)
    insert into checkpoints (seq, ts, hash, public_key, signature) select $${n + 3}::int8, $${n + 4}::int8, $${n + 5}, $${n + 6}, $${n + 7} where $${n + 3}::int8 is not null`;
})();

async function commitPostgres(pool: pg.Pool, input: CommitInput): Promise<CommitPlan> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const head = (await client.query<{ seq: number; hash: string }>({ name: 'dancu-ledger-head', text: 'select seq, hash from ledger_head where id = 1 for update' })).rows[0];
    if (!head) throw new Error('ledger head missing: run migrations and init()');
    const needed = countersNeeded(input.jobs);
    const used = new Map<string, number>();
    let upstreamLocked = false;
    if (input.jobs.some((j) => j.reservation)) {
      const r = await client.query<{ day: string; scope: string; used: number }>(
        'select day, scope, used from quota_counters where (day, scope) in (select * from unnest($1::text[], $2::text[])) for update',
        [needed.map((c) => c.day), needed.map((c) => c.scope)]);
      for (const row of r.rows) used.set(counterKey(row.day, row.scope), row.used);
      upstreamLocked = (await client.query<{ locked: number }>('select locked from upstream_state where id = 1')).rows[0]?.locked === 1;
    }
    const plan = planCommit(input, { head, upstreamLocked, used });
    if (plan.counters.length > 0) {
      await client.query(
        'insert into quota_counters (day, scope, used) select * from unnest($1::text[], $2::text[], $3::int4[]) on conflict (day, scope) do update set used = excluded.used',
        [plan.counters.map((c) => c.day), plan.counters.map((c) => c.scope), plan.counters.map((c) => c.used)]);
    }
    const cp = plan.checkpoint;
    // Named: each connection parses and plans it once.
    await client.query({ name: 'dancu-ledger-append', text: PG_INSERT_ENTRIES, values: [
      ...ROW_COLUMNS.map((_, c) => plan.rows.map((r) => r[c])),
      plan.head.seq, plan.head.hash, cp?.seq ?? null, cp?.ts ?? null, cp?.hash ?? null, cp?.public_key ?? null, cp?.signature ?? null,
    ] });
    await client.query('commit');
    return plan;
  } catch (err) {
    await client.query('rollback').catch((e: Error) => { broken = e; });
    throw err;
  } finally {
    client.release(broken);
  }
}
