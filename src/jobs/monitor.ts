/**
 * The monitoring job (R3, R6): reads the ledger entries written since its cursor, evaluates the
 * detection rules over them with enough of the past for every window (core/monitoring), stores
 * each alert once by its deduplication key (escalating an alert it already has), records every new
 * alert in the ledger and sends the notifications of the outbox. One run is bounded; the cursor
 * lives in the database, so a restart or a second instance continues where the last run stopped.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { decideUpsert, notifies, severityOf } from '../core/alerts/lifecycle.js';
import { evaluate, toMonitorEntry, type AlertDraft, type MonitorEntry } from '../core/monitoring/index.js';
import { startOfDayMs, dayKey } from '../core/time.js';
import type { Channel } from '../notify/channel.js';
import { deliverPending, type DeliveryReport } from '../notify/outbox.js';
import { alertLedgerDraft, alertsByKeys, alertsNotRecorded, applyDetection, factsOf, markRecorded } from '../storage/alerts.js';
import type { Storage } from '../storage/db.js';
import type { Ledger, LedgerDraft } from '../storage/ledger-writer.js';
import type { AlertRow } from '../storage/schema.js';
import { ruleContext, type MonitorSettings } from './context.js';
import { advanceCursor, initialCursor, readCursor } from './cursor.js';

export interface MonitorDeps {
  readonly storage: Storage;
  readonly ledger: Ledger;
  readonly settings: MonitorSettings;
  readonly channels: readonly Channel[];
  readonly now: () => Date;
  readonly log?: Logger;
}

export interface MonitorReport {
  /** Ledger entries read past the cursor. */
  newEntries: number;
  /** Entries the rules looked at (new ones and the look-back). */
  evaluatedEntries: number;
  drafts: number;
  created: AlertRow[];
  escalated: AlertRow[];
  refreshed: number;
  cursor: number;
  delivery: DeliveryReport;
}

/** At most this many new entries per run; a backlog is worked through run by run. */
export const MAX_NEW_ENTRIES = 20_000;
/** At most this many entries are held for one evaluation (the newest are kept). */
export const MAX_CONTEXT_ENTRIES = 300_000;
const PAGE = 5_000;
const DAY_MS = 86_400_000;

/** The longest window of any rule, so that a condition spanning the cursor is seen whole. */
function lookbackMs(s: MonitorSettings): number {
  const t = s.thresholds ?? {};
  const windows = [DAY_MS, (t.citizen?.windowSeconds ?? 0) * 1000, (t.dossier?.windowSeconds ?? 0) * 1000];
  return Math.max(...windows);
}

/** Entries with seq ≤ `upTo` back to `fromMs` (entries of the job's own `alert` category left out). */
async function readWindow(deps: MonitorDeps, upTo: number, fromMs: number): Promise<MonitorEntry[]> {
  const pages: MonitorEntry[][] = [];
  let before = upTo + 1;
  let held = 0;
  for (let i = 0; i < Math.ceil(MAX_CONTEXT_ENTRIES / PAGE); i++) {
    const rows = await deps.storage.db.selectFrom('ledger').selectAll().where('seq', '<', before).where('category', '!=', 'alert')
      .orderBy('seq', 'desc').limit(PAGE).execute();
    const kept = rows.filter((r) => r.ts >= fromMs);
    pages.push(kept.map(toMonitorEntry));
    held += kept.length;
    if (rows.length < PAGE || kept.length < rows.length || held >= MAX_CONTEXT_ENTRIES) break;
    before = rows[rows.length - 1]!.seq;
  }
  return pages.reverse().flatMap((p) => p.reverse());
}

async function detect(deps: MonitorDeps, cursor: number, now: Date): Promise<{ drafts: AlertDraft[]; upTo: number; newEntries: number; evaluated: number }> {
  const db = deps.storage.db;
  const head = await db.selectFrom('ledger').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const upTo = Math.min(Number(head?.seq ?? 0), cursor + MAX_NEW_ENTRIES);
  if (upTo <= cursor) return { drafts: [], upTo: cursor, newEntries: 0, evaluated: 0 };
  const fresh = await db.selectFrom('ledger').select((eb) => [eb.fn.min('ts').as('ts'), eb.fn.countAll<number>().as('n')])
    .where('seq', '>', cursor).where('seq', '<=', upTo).where('category', '!=', 'alert').executeTakeFirst();
  const n = Number(fresh?.n ?? 0);
  // Only the job's own entries since the last run: nothing to judge.
  if (n === 0 || fresh?.ts === null || fresh?.ts === undefined) return { drafts: [], upTo, newEntries: upTo - cursor, evaluated: 0 };
  const firstTs = Number(fresh.ts);
  const tz = deps.settings.timezone;
  const fromMs = Math.min(firstTs - lookbackMs(deps.settings), startOfDayMs(dayKey(new Date(firstTs), tz), tz));
  const entries = await readWindow(deps, upTo, fromMs);
  const ctx = await ruleContext(db, now, deps.settings);
  return { drafts: evaluate(entries, ctx), upTo, newEntries: upTo - cursor, evaluated: entries.length };
}

/** One run. Throws only when the database fails; the scheduler logs it and tries again later. */
export async function runMonitor(deps: MonitorDeps): Promise<MonitorReport> {
  const db = deps.storage.db;
  const now = deps.now();
  const nowMs = now.getTime();
  const requestId = `monitor-${randomUUID()}`;
  const record = (d: LedgerDraft) => deps.ledger.append(d);
  const cursor = (await readCursor(db)) ?? (await initialCursor(db, nowMs - lookbackMs(deps.settings)));
  const found = await detect(deps, cursor, now);

  const report: MonitorReport = { newEntries: found.newEntries, evaluatedEntries: found.evaluated, drafts: found.drafts.length, created: [], escalated: [], refreshed: 0, cursor: found.upTo, delivery: { sent: 0, failed: 0, retrying: 0 } };
  const stored = await alertsByKeys(db, found.drafts.map((d) => d.dedupKey));
  const channels = deps.channels.map((c) => c.name);
  for (const d of found.drafts) {
    const existing = stored.get(d.dedupKey);
    const decision = decideUpsert(existing && factsOf(existing), d);
    if (decision.action === 'none') continue;
    if (decision.action === 'escalate' && existing) {
      // Recorded before it is applied: the ledger never lacks an escalation that happened.
      await record(alertLedgerDraft(existing, { requestId, operation: 'alert.escalate', detail: { from: existing.severity, to: d.severity, reopened: decision.reopen } }));
    }
    const row = await applyDetection(db, d, decision, existing, { nowMs, notifyChannels: notifies(severityOf(d.severity)) ? channels : [] });
    if (!row) continue;
    if (decision.action === 'create') report.created.push(row);
    else if (decision.action === 'escalate') report.escalated.push(row);
    else report.refreshed++;
  }
  // New alerts, and any whose entry an earlier run failed to write, are recorded in the ledger.
  for (const row of await alertsNotRecorded(db, 500)) {
    const { seq } = await record(alertLedgerDraft(row, { requestId, operation: 'alert.raise', detail: { title: row.title_vi } }));
    await markRecorded(db, row.id, seq);
  }
  await advanceCursor(db, found.upTo, nowMs);
  report.delivery = await deliverPending(db, deps.channels, { nowMs: () => deps.now().getTime(), requestId, record, log: deps.log });
  if (report.created.length + report.escalated.length > 0) {
    deps.log?.warn({ created: report.created.map((a) => a.rule), escalated: report.escalated.map((a) => a.rule) }, 'monitoring raised alerts');
  }
  return report;
}
