/**
 * Personal-data protection in the database (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP; TT 46/2022 Art. 8):
 * the data-subject report's rows, delayed-disclosure holds, breach incidents, and ledger retention
 * pruning that keeps what remains verifiable from a signed checkpoint. Decisions live in
 * core/privacy; this module gathers their inputs and applies them.
 */
import type { Kysely } from 'kysely';
import { decidePrune, selectProcessing, type PruneDecision, type ProcessingEvent, type SubjectLedgerRow } from '../core/privacy/index.js';
import type { Keys } from '../keys.js';
import type { Storage } from './db.js';
import { idHmacIs, PRUNE_OPERATION, verifyLedger, type VerifyReport } from './ledger-store.js';
import type { Appended, LedgerDraft } from './ledger-writer.js';
import { draft } from './ledger-writer.js';
import type { Database } from './schema.js';

// ---------------------------------------------------------------------------------------------
// Data-subject report

/** The entries of one ID number (by its HMAC) that may be a processing of it, oldest first. */
export async function subjectLedgerRows(db: Kysely<Database>, idHmac: string): Promise<SubjectLedgerRow[]> {
  return subjectLedgerQuery(db, idHmac).execute();
}

/** The query `subjectLedgerRows` runs (the storage tests explain its plan). */
export function subjectLedgerQuery(db: Kysely<Database>, idHmac: string) {
  return db.selectFrom('ledger')
    .select(['seq', 'ts', 'category', 'operation', 'outcome', 'app_id', 'app_version', 'actor', 'unit_code', 'id_masked', 'procedure_code', 'dossier_code', 'purpose', 'fields_returned'])
    .where(idHmacIs(idHmac)).where('category', 'in', ['lookup', 'verification'])
    .orderBy('seq');
}

export interface ReportEntry {
  seq: number;
  time: string;
  kind: ProcessingEvent['kind'];
  reachedUpstream: boolean;
  outcome: string;
  unitCode: string | null;
  unitName: string | null;
  user: string | null;
  appId: string | null;
  appName: string | null;
  appVersion: string | null;
  procedureCode: string | null;
  procedureName: string | null;
  dossierCode: string | null;
  purpose: string | null;
  fieldsReturned: string[];
}

export interface DataSubjectReport {
  idNumberMasked: string;
  generatedAt: string;
  /** The ledger holds entries from this time on (older ones were pruned after the retention period). */
  coverage: { since: string | null; retentionMonths: number };
  entries: ReportEntry[];
}

/**
 * Who processed the data of one ID number: every lookup and verification of it, with unit, user,
 * app, time, procedure and dossier, and the names people recognise. Only masked, never the number.
 */
export async function dataSubjectReport(db: Kysely<Database>, q: { idHmac: string; idMasked: string; nowMs: number; retentionMonths: number }): Promise<DataSubjectReport> {
  const events = selectProcessing(await subjectLedgerRows(db, q.idHmac));
  const distinct = <T>(xs: Array<T | null>): T[] => [...new Set(xs.filter((x): x is T => x !== null))];
  const unitCodes = distinct(events.map((e) => e.unitCode));
  const appIds = distinct(events.map((e) => e.appId));
  const procCodes = distinct(events.map((e) => e.procedureCode));
  const units = new Map(unitCodes.length ? (await db.selectFrom('units').select(['code', 'name']).where('code', 'in', unitCodes).execute()).map((u) => [u.code, u.name]) : []);
  const apps = new Map(appIds.length ? (await db.selectFrom('apps').select(['id', 'name']).where('id', 'in', appIds).execute()).map((a) => [a.id, a.name]) : []);
  const procs = new Map(procCodes.length ? (await db.selectFrom('procedures').select(['code', 'name']).where('code', 'in', procCodes).execute()).map((p) => [p.code, p.name]) : []);
  const first = await db.selectFrom('ledger').select('ts').orderBy('seq').limit(1).executeTakeFirst();
  return {
    idNumberMasked: q.idMasked,
    generatedAt: new Date(q.nowMs).toISOString(),
    coverage: { since: first ? new Date(first.ts).toISOString() : null, retentionMonths: q.retentionMonths },
    entries: events.map((e) => ({
      seq: e.seq, time: new Date(e.ts).toISOString(), kind: e.kind, reachedUpstream: e.reachedUpstream, outcome: e.outcome,
      unitCode: e.unitCode, unitName: e.unitCode ? units.get(e.unitCode) ?? null : null, user: e.actor,
      appId: e.appId, appName: e.appId ? apps.get(e.appId) ?? null : null, appVersion: e.appVersion,
      procedureCode: e.procedureCode, procedureName: e.procedureCode ? procs.get(e.procedureCode) ?? null : null,
      dossierCode: e.dossierCode, purpose: e.purpose, fieldsReturned: e.fieldsReturned,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Delayed disclosure

export interface HoldRow {
  id: number;
  idMasked: string;
  reason: string;
  untilMs: number;
  createdBy: string;
  createdAtMs: number;
  releasedAtMs: number | null;
  releasedBy: string | null;
}

const holdOf = (r: { id: number; id_masked: string; reason: string; until_at: number; created_by: string; created_at: number; released_at: number | null; released_by: string | null }): HoldRow => ({
  id: r.id, idMasked: r.id_masked, reason: r.reason, untilMs: r.until_at, createdBy: r.created_by, createdAtMs: r.created_at, releasedAtMs: r.released_at, releasedBy: r.released_by,
});

export async function addHold(db: Kysely<Database>, h: { idHmac: string; idMasked: string; reason: string; untilMs: number; createdBy: string; nowMs: number }): Promise<HoldRow> {
  const row = await db.insertInto('data_subject_holds')
    .values({ id_hmac: h.idHmac, id_masked: h.idMasked, reason: h.reason, until_at: h.untilMs, created_by: h.createdBy, created_at: h.nowMs, released_at: null, released_by: null })
    .returningAll().executeTakeFirstOrThrow();
  return holdOf(row);
}

export async function holdsOf(db: Kysely<Database>, idHmac: string): Promise<HoldRow[]> {
  return (await db.selectFrom('data_subject_holds').selectAll().where('id_hmac', '=', idHmac).execute()).map(holdOf);
}

/** Holds in force at `nowMs`, newest first. */
export async function activeHolds(db: Kysely<Database>, nowMs: number): Promise<HoldRow[]> {
  return (await db.selectFrom('data_subject_holds').selectAll().where('released_at', 'is', null).where('until_at', '>', nowMs).orderBy('id', 'desc').execute()).map(holdOf);
}

/** Releases a hold in force; undefined when there is none with that id (or it was released already). */
export async function releaseHold(db: Kysely<Database>, id: number, by: string, nowMs: number): Promise<HoldRow | undefined> {
  const row = await db.updateTable('data_subject_holds').set({ released_at: nowMs, released_by: by })
    .where('id', '=', id).where('released_at', 'is', null).returningAll().executeTakeFirst();
  return row && holdOf(row);
}

export async function holdIdHmac(db: Kysely<Database>, id: number): Promise<string | undefined> {
  return (await db.selectFrom('data_subject_holds').select('id_hmac').where('id', '=', id).executeTakeFirst())?.id_hmac;
}

// ---------------------------------------------------------------------------------------------
// Breach incidents

export interface IncidentRow {
  id: number;
  title: string;
  description: string;
  severity: string;
  discoveredAtMs: number;
  reportedBy: string;
  createdAtMs: number;
  notifiedAtMs: number | null;
  notifiedBy: string | null;
  authority: string | null;
  reference: string | null;
}

const incidentOf = (r: { id: number; title: string; description: string; severity: string; discovered_at: number; reported_by: string; created_at: number; notified_at: number | null; notified_by: string | null; authority: string | null; reference: string | null }): IncidentRow => ({
  id: r.id, title: r.title, description: r.description, severity: r.severity, discoveredAtMs: r.discovered_at, reportedBy: r.reported_by, createdAtMs: r.created_at,
  notifiedAtMs: r.notified_at, notifiedBy: r.notified_by, authority: r.authority, reference: r.reference,
});

export async function addIncident(db: Kysely<Database>, i: { title: string; description: string; severity: string; discoveredAtMs: number; reportedBy: string; nowMs: number }): Promise<IncidentRow> {
  const row = await db.insertInto('incidents')
    .values({ title: i.title, description: i.description, severity: i.severity, discovered_at: i.discoveredAtMs, reported_by: i.reportedBy, created_at: i.nowMs, notified_at: null, notified_by: null, authority: null, reference: null })
    .returningAll().executeTakeFirstOrThrow();
  return incidentOf(row);
}

export async function listIncidents(db: Kysely<Database>): Promise<IncidentRow[]> {
  return (await db.selectFrom('incidents').selectAll().orderBy('id', 'desc').execute()).map(incidentOf);
}

export async function incidentById(db: Kysely<Database>, id: number): Promise<IncidentRow | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && incidentOf(row);
}

/** Records the notification once: a second notice of the same incident changes nothing (undefined). */
export async function markNotified(db: Kysely<Database>, id: number, n: { authority: string; reference: string; by: string; nowMs: number }): Promise<IncidentRow | undefined> {
  const row = await db.updateTable('incidents').set({ notified_at: n.nowMs, notified_by: n.by, authority: n.authority, reference: n.reference })
    .where('id', '=', id).where('notified_at', 'is', null).returningAll().executeTakeFirst();
  return row && incidentOf(row);
}

// ---------------------------------------------------------------------------------------------
// Ledger retention

export interface PrunePlan {
  cutoff: string;
  headSeq: number;
  /** Entries up to here are already gone (0 when never pruned). */
  prunedThrough: number;
  decision: PruneDecision;
}

/** Gathers what the prune decision needs: the first entry to keep, the head, the last usable checkpoint. */
export async function planPrune(db: Kysely<Database>, cutoffMs: number): Promise<PrunePlan> {
  const head = (await db.selectFrom('ledger_head').select('seq').where('id', '=', 1).executeTakeFirst())?.seq ?? 0;
  const first = await db.selectFrom('ledger').select('seq').orderBy('seq').limit(1).executeTakeFirst();
  const prunedThrough = first ? first.seq - 1 : head;
  // The oldest kept entry by time (ts index), then any earlier seq that is just as recent: clocks of
  // several instances may differ by a little, and nothing at or after the cutoff is ever deleted.
  const byTime = await db.selectFrom('ledger').select('seq').where('ts', '>=', cutoffMs).orderBy('ts').orderBy('seq').limit(1).executeTakeFirst();
  const earlier = await db.selectFrom('ledger').select((eb) => eb.fn.min<number>('seq').as('seq'))
    .where('seq', '>', prunedThrough).where('seq', '<', byTime?.seq ?? head + 1).where('ts', '>=', cutoffMs).executeTakeFirst();
  const firstKeptSeq = earlier?.seq ?? byTime?.seq ?? null;
  const limit = firstKeptSeq === null ? head : firstKeptSeq - 1;
  const cp = await db.selectFrom('checkpoints').select(['seq', 'hash']).where('seq', '>', prunedThrough).where('seq', '<=', limit).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { cutoff: new Date(cutoffMs).toISOString(), headSeq: head, prunedThrough, decision: decidePrune({ firstKeptSeq, headSeq: head, prunedThrough, checkpoints: cp ? [cp] : [] }) };
}

export type PruneResult =
  | { status: 'refused'; plan: null; verify: Extract<VerifyReport, { ok: false }> }
  | { status: 'nothing'; plan: PrunePlan }
  | { status: 'dry-run'; plan: PrunePlan }
  | { status: 'pruned'; plan: PrunePlan; deleted: number; seq: number };

export interface PruneContext {
  db: Kysely<Database>;
  /** The same database with its driver: the ledger is then verified in parallel (ledger-store.ts). */
  storage?: Storage;
  keys: Pick<Keys, 'chainKey' | 'checkpointPublicKeyPem'>;
  ledger: { append(d: LedgerDraft): Promise<Appended> };
}

/**
 * Deletes the ledger entries older than the cutoff, up to the last signed checkpoint among them.
 * A ledger that does not verify is never pruned (that would destroy the evidence of tampering).
 * The `ledger.pruned` entry (boundary seq and checkpoint hash) is committed first; the deletion of
 * the entries and of the checkpoints before the boundary is one transaction, so what remains
 * always starts right after the boundary checkpoint (ledger-store.ts verifies from there).
 */
export async function pruneLedger(ctx: PruneContext, o: { cutoffMs: number; retentionMonths: number; dryRun: boolean; requestId: string; actor: string | null; clientIp?: string | null }): Promise<PruneResult> {
  const entry = (operation: string, outcome: string, detail: Record<string, unknown>) => ctx.ledger.append(draft({
    request_id: o.requestId, category: 'retention', operation, outcome, actor: o.actor, client_ip: o.clientIp ?? null, detail: { ...detail, retentionMonths: o.retentionMonths },
  }));
  const verify = await verifyLedger(ctx.storage ?? ctx.db, ctx.keys);
  if (!verify.ok) {
    await entry('ledger.prune', 'LEDGER_BROKEN', { firstBroken: verify.firstBroken });
    return { status: 'refused', plan: null, verify };
  }
  const plan = await planPrune(ctx.db, o.cutoffMs);
  if (!plan.decision.prune || o.dryRun) {
    await entry('ledger.prune', plan.decision.prune ? 'DRY_RUN' : plan.decision.reason, { cutoff: plan.cutoff, ...(plan.decision.prune ? { boundarySeq: plan.decision.boundarySeq, entries: plan.decision.entries } : {}) });
    return { status: plan.decision.prune ? 'dry-run' : 'nothing', plan };
  }
  const { boundarySeq, checkpointHash, entries } = plan.decision;
  const appended = await entry(PRUNE_OPERATION, 'OK', { boundarySeq, checkpointHash, entries, fromSeq: plan.prunedThrough + 1, cutoff: plan.cutoff });
  const deleted = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('ledger').where('seq', '<=', boundarySeq).executeTakeFirst();
    await trx.deleteFrom('checkpoints').where('seq', '<', boundarySeq).execute();
    return Number(r.numDeletedRows);
  });
  return { status: 'pruned', plan, deleted, seq: appended.seq };
}
