/**
 * Alerts (R6): one row per condition, keyed by the rule's deduplication key. Writes are guarded
 * (insert-if-absent, update-if-unchanged) so that several gateway instances running the monitoring
 * job never store a condition twice nor notify it twice. The portal inbox reads this table.
 */
import type { Kysely } from 'kysely';
import { decideTransition, isAlertStatus, ownerOf, severityOf, type AlertAction, type AlertStatus, type StoredAlertFacts, type UpsertDecision } from '../core/alerts/lifecycle.js';
import type { AlertDraft } from '../core/monitoring/index.js';
import { draft as ledgerDraft, type LedgerDraft } from './ledger-writer.js';
import type { AlertRow, Database } from './schema.js';

type Db = Kysely<Database>;

export function parseEvidence(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function factsOf(row: AlertRow): StoredAlertFacts {
  return { severity: severityOf(row.severity), status: isAlertStatus(row.status) ? row.status : 'open', evidence: parseEvidence(row.evidence) };
}

/** The stored alerts of these keys. */
export async function alertsByKeys(db: Db, keys: readonly string[]): Promise<Map<string, AlertRow>> {
  const out = new Map<string, AlertRow>();
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await db.selectFrom('alerts').selectAll().where('dedup_key', 'in', keys.slice(i, i + 200)).execute();
    for (const r of rows) out.set(r.dedup_key, r);
  }
  return out;
}

/**
 * Applies an upsert decision. `channels` get one outbox row each when the change is to be notified.
 * Returns the row as written, or null when another instance changed it first (its run handles it).
 */
export async function applyDetection(
  db: Db,
  d: AlertDraft,
  decision: UpsertDecision,
  existing: AlertRow | undefined,
  o: { nowMs: number; notifyChannels: readonly string[] },
): Promise<AlertRow | null> {
  if (decision.action === 'none') return null;
  const content = { severity: d.severity, title_vi: d.title.vi, title_en: d.title.en, evidence: JSON.stringify(d.evidence), last_seen_at: o.nowMs, updated_at: o.nowMs };
  return db.transaction().execute(async (trx) => {
    let row: AlertRow | undefined;
    if (decision.action === 'create') {
      row = await trx.insertInto('alerts').values({
        dedup_key: d.dedupKey, rule: d.rule, status: 'open', owner: ownerOf(d.rule), requirement: d.requirement,
        subject_actor: d.subject.actor ?? null, subject_unit: d.subject.unit ?? null, subject_app: d.subject.app ?? null,
        first_seen_at: o.nowMs, raised_seq: null, acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null, resolution_note: null,
        ...content,
      }).onConflict((oc) => oc.column('dedup_key').doNothing()).returningAll().executeTakeFirst();
    } else if (existing) {
      let q = trx.updateTable('alerts').where('id', '=', existing.id).where('severity', '=', existing.severity).where('status', '=', existing.status);
      if (decision.action === 'escalate') {
        const reopen = decision.reopen ? { status: 'open', acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null, resolution_note: null } : {};
        q = q.set({ ...content, ...reopen });
      } else {
        // A refresh never lowers the severity: a shorter look-back may see less of the same day.
        q = q.set({ ...content, severity: existing.severity });
      }
      const r = await q.executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) row = await trx.selectFrom('alerts').selectAll().where('id', '=', existing.id).executeTakeFirst();
    }
    if (!row) return null;
    if (decision.action !== 'refresh') {
      for (const channel of o.notifyChannels) {
        await trx.insertInto('alert_notifications').values({
          alert_id: row.id, channel, event: decision.action === 'create' ? 'raised' : 'escalated', status: 'pending', attempts: 0,
          last_error: null, created_at: o.nowMs, updated_at: o.nowMs, sent_at: null,
        }).execute();
      }
    }
    return row;
  });
}

export async function markRecorded(db: Db, id: number, seq: number): Promise<void> {
  await db.updateTable('alerts').set({ raised_seq: seq }).where('id', '=', id).where('raised_seq', 'is', null).execute();
}

/** Alerts whose ledger entry was not written (a failed write in an earlier run): the job retries. */
export async function alertsNotRecorded(db: Db, limit: number): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('raised_seq', 'is', null).orderBy('id').limit(limit).execute();
}

export interface AlertQuery {
  status?: AlertStatus;
  /** Only alerts about this unit (a manager's view). */
  unit?: string;
  /** Raised in [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  beforeId?: number;
  limit: number;
}

export async function listAlerts(db: Db, q: AlertQuery): Promise<AlertRow[]> {
  let s = db.selectFrom('alerts').selectAll();
  if (q.status) s = s.where('status', '=', q.status);
  if (q.unit) s = s.where('subject_unit', '=', q.unit);
  if (q.fromMs !== undefined) s = s.where('first_seen_at', '>=', q.fromMs);
  if (q.toMs !== undefined) s = s.where('first_seen_at', '<', q.toMs);
  if (q.beforeId !== undefined) s = s.where('id', '<', q.beforeId);
  return s.orderBy('id', 'desc').limit(q.limit).execute();
}

export async function alertById(db: Db, id: number): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ledger entry of an alert event: the alert's facts, never its evidence. */
export function alertLedgerDraft(row: Pick<AlertRow, 'id' | 'rule' | 'severity' | 'dedup_key' | 'owner' | 'subject_actor' | 'subject_unit' | 'subject_app'>, o: {
  requestId: string; operation: string; outcome?: string; actor?: string | null; clientIp?: string | null; detail?: Record<string, unknown>;
}): LedgerDraft {
  return ledgerDraft({
    request_id: o.requestId, category: 'alert', operation: o.operation, outcome: o.outcome ?? 'OK', actor: o.actor ?? null,
    unit_code: row.subject_unit, app_id: row.subject_app, client_ip: o.clientIp ?? null,
    detail: { alertId: row.id, rule: row.rule, severity: row.severity, owner: row.owner, dedupKey: row.dedup_key, ...(row.subject_actor ? { subject: row.subject_actor } : {}), ...o.detail },
  });
}

export type TransitionResult =
  | { ok: true; alert: AlertRow }
  | { ok: false; code: 'NOT_FOUND' | 'INVALID_REQUEST'; reason: string };

/**
 * An officer acknowledges or resolves an alert. The ledger entry is written first (R6: a transition
 * the ledger does not show must not happen; `record` throws when it cannot write), then the guarded
 * update; if another officer changed the alert in between, that is recorded as a conflict too.
 */
export async function transitionAlert(
  db: Db,
  record: (d: LedgerDraft) => Promise<unknown>,
  t: { id: number; action: AlertAction; by: string; note?: string; requestId: string; nowMs: number; clientIp?: string | null },
): Promise<TransitionResult> {
  const row = await alertById(db, t.id);
  if (!row) return { ok: false, code: 'NOT_FOUND', reason: 'no such alert' };
  const current = isAlertStatus(row.status) ? row.status : 'open';
  const decision = decideTransition(current, t.action, t.note);
  const operation = t.action === 'acknowledge' ? 'alert.acknowledge' : 'alert.resolve';
  const base = { requestId: t.requestId, operation, actor: t.by, clientIp: t.clientIp ?? null };
  if (!decision.ok) {
    await record(alertLedgerDraft(row, { ...base, outcome: 'INVALID_REQUEST', detail: { from: current, reason: decision.reason } }));
    return { ok: false, code: 'INVALID_REQUEST', reason: decision.reason };
  }
  await record(alertLedgerDraft(row, { ...base, detail: { from: decision.from, to: decision.to, ...(decision.note ? { note: decision.note } : {}) } }));
  const changes = decision.to === 'acknowledged'
    ? { status: decision.to, acknowledged_at: t.nowMs, acknowledged_by: t.by, updated_at: t.nowMs }
    : { status: decision.to, resolved_at: t.nowMs, resolved_by: t.by, resolution_note: decision.note, updated_at: t.nowMs,
      ...(row.acknowledged_at === null ? { acknowledged_at: t.nowMs, acknowledged_by: t.by } : {}) };
  const r = await db.updateTable('alerts').set(changes).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    await record(alertLedgerDraft(row, { ...base, outcome: 'CONFLICT', detail: { reason: 'changed concurrently' } }));
    return { ok: false, code: 'INVALID_REQUEST', reason: 'CHANGED_CONCURRENTLY' };
  }
  return { ok: true, alert: (await alertById(db, row.id))! };
}
