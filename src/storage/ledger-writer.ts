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
import type { Kysely, Transaction } from 'kysely';
import { checkpointDue, signCheckpoint } from '../core/ledger/checkpoint.js';
import { chainHash, GENESIS_HASH, type LedgerFields } from '../core/ledger/chain.js';
import { counterKey, reserve, type ReservationDecision, type ReservationRequest } from '../core/quota/quota.js';
import type { Keys } from '../keys.js';
import type { DatabaseKind, Storage } from './db.js';
import type { Database, NewLedgerRow } from './schema.js';

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
  private readonly kind: DatabaseKind;
  private queue: Job[] = [];
  private flushing: Promise<void> | null = null;
  private lastCheckpoint: { seq: number; ts: number } | null = null;
  private readonly now: () => number;
  private readonly maxBatch: number;
  private readonly checkpointPolicy: { everyEntries: number; everyMs: number };

  constructor(storage: Storage, private readonly keys: Keys, private readonly opts: LedgerWriterOptions) {
    this.db = storage.db;
    this.kind = storage.kind;
    this.now = opts.now ?? Date.now;
    this.maxBatch = opts.maxBatch ?? 500;
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
    return this.db.transaction().execute(async (trx) => {
      const head = await this.lockHead(trx);
      const ts = this.now();
      const decisions = await this.decideReservations(trx, batch);
      let seq = head.seq;
      let prev = head.hash;
      const rows: NewLedgerRow[] = [];
      const results: Array<Appended & { decision: ReservationDecision | null }> = [];
      batch.forEach((job, i) => {
        const decision = decisions[i] ?? null;
        const { detail, ...d } = decision ? { ...job.draft, outcome: outcomeOf(decision) } : job.draft;
        seq += 1;
        const fields: LedgerFields = { ...d, seq, ts, instance_id: this.opts.instanceId, detail: detail ? JSON.stringify(detail) : null };
        const hash = chainHash(this.keys.chainKey, prev, fields);
        rows.push({ ...fields, prev_hash: prev, hash });
        prev = hash;
        results.push({ seq, ts, decision });
      });
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('ledger').values(rows.slice(i, i + 200)).execute();
      await trx.updateTable('ledger_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
      if (checkpointDue(this.lastCheckpoint, seq, ts, this.checkpointPolicy)) {
        const signature = signCheckpoint(this.keys.checkpointPrivateKey, seq, prev);
        await trx.insertInto('checkpoints').values({ seq, ts, hash: prev, public_key: this.keys.checkpointPublicKeyPem, signature }).execute();
        this.lastCheckpoint = { seq, ts };
      }
      return results;
    });
  }

  private async lockHead(trx: Transaction<Database>): Promise<{ seq: number; hash: string }> {
    let q = trx.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1);
    if (this.kind === 'postgres') q = q.forUpdate();
    const head = await q.executeTakeFirst();
    if (!head) throw new Error('ledger head missing: run migrations and init()');
    return head;
  }

  private async decideReservations(trx: Transaction<Database>, batch: Job[]): Promise<Array<ReservationDecision | null>> {
    const reqs = batch.map((j) => j.reservation);
    if (reqs.every((r) => r === null)) return reqs.map(() => null);
    const state = await trx.selectFrom('upstream_state').select('locked').where('id', '=', 1).executeTakeFirst();
    const locked = (state?.locked ?? 0) === 1;
    const days = new Set<string>();
    const scopes = new Set<string>();
    for (const r of reqs) if (r) { days.add(r.day); for (const s of r.scopes) scopes.add(s.scope); }
    let q = trx.selectFrom('quota_counters').select(['day', 'scope', 'used']).where('day', 'in', [...days]).where('scope', 'in', [...scopes]);
    if (this.kind === 'postgres') q = q.forUpdate();
    const used = new Map<string, number>();
    for (const row of await q.execute()) used.set(counterKey(row.day, row.scope), row.used);
    const before = new Map(used);
    const decisions = reqs.map((r) => (r ? reserve(used, r, locked) : null));
    const changed = [...used].filter(([k, v]) => before.get(k) !== v);
    for (let i = 0; i < changed.length; i += 300) {
      const values = changed.slice(i, i + 300).map(([k, v]) => {
        const sep = k.indexOf('|');
        return { day: k.slice(0, sep), scope: k.slice(sep + 1), used: v };
      });
      await trx.insertInto('quota_counters').values(values)
        .onConflict((oc) => oc.columns(['day', 'scope']).doUpdateSet((eb) => ({ used: eb.ref('excluded.used') })))
        .execute();
    }
    return decisions;
  }
}
