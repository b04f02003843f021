/**
 * The data-subject report (Luật 91/2025/QH15: the right to know who processed one's data): which
 * ledger entries of an ID number are a processing of it, and who may read the report while a
 * case is held back (delayed disclosure, e.g. during an investigation). Pure: rows and `now` in.
 */
import type { LedgerFields } from '../ledger/chain.js';
import { dayKey } from '../time.js';

/** The ledger columns the report reads (never the number itself: only its HMAC selected the rows). */
export type SubjectLedgerRow = Pick<LedgerFields, 'seq' | 'ts' | 'category' | 'operation' | 'outcome' | 'app_id' | 'app_version' | 'actor' | 'unit_code' | 'id_masked' | 'procedure_code' | 'dossier_code' | 'purpose' | 'fields_returned'>;

export type ProcessingKind = 'lookup' | 'verification';

export interface ProcessingEvent {
  seq: number;
  ts: number;
  kind: ProcessingKind;
  /** True when the query went to the population database (a `.result` entry); false for a refusal. */
  reachedUpstream: boolean;
  outcome: string;
  unitCode: string | null;
  actor: string | null;
  appId: string | null;
  appVersion: string | null;
  procedureCode: string | null;
  dossierCode: string | null;
  purpose: string | null;
  fieldsReturned: string[];
}

const KINDS: ReadonlySet<string> = new Set<ProcessingKind>(['lookup', 'verification']);

/**
 * Which entries count: each query's outcome once. A query that reached the upstream has one
 * `<kind>.result` entry (its `<kind>.reserve` entry is the same query, so it is skipped); a
 * query refused before the upstream has one entry with operation `<kind>` (admission, breaker) or
 * a `<kind>.reserve` entry whose outcome is the refusal (quota, rate limit, upstream lock).
 */
export function processingKind(row: Pick<SubjectLedgerRow, 'category' | 'operation' | 'outcome'>): { kind: ProcessingKind; reachedUpstream: boolean } | null {
  if (!KINDS.has(row.category)) return null;
  const kind = row.category as ProcessingKind;
  if (row.operation === `${kind}.result`) return { kind, reachedUpstream: true };
  if (row.operation === kind) return { kind, reachedUpstream: false };
  if (row.operation === `${kind}.reserve` && row.outcome !== 'RESERVED') return { kind, reachedUpstream: false };
  return null;
}

/** The processing events among the rows of one ID number, oldest first. */
export function selectProcessing(rows: ReadonlyArray<SubjectLedgerRow>): ProcessingEvent[] {
  const out: ProcessingEvent[] = [];
  for (const r of [...rows].sort((a, b) => a.seq - b.seq)) {
    const k = processingKind(r);
    if (!k) continue;
    out.push({
      seq: r.seq, ts: r.ts, kind: k.kind, reachedUpstream: k.reachedUpstream, outcome: r.outcome, unitCode: r.unit_code, actor: r.actor,
      appId: r.app_id, appVersion: r.app_version, procedureCode: r.procedure_code, dossierCode: r.dossier_code, purpose: r.purpose,
      fieldsReturned: r.fields_returned ? r.fields_returned.split(',').filter((f) => f.length > 0) : [],
    });
  }
  return out;
}

export interface DisclosureHold {
  id: number;
  untilMs: number;
  releasedAtMs: number | null;
}

/** The hold in force at `now` that ends last, if any. */
export function activeHold<H extends DisclosureHold>(holds: ReadonlyArray<H>, nowMs: number): H | null {
  let best: H | null = null;
  for (const h of holds) {
    if (h.releasedAtMs !== null || h.untilMs <= nowMs) continue;
    if (!best || h.untilMs > best.untilMs) best = h;
  }
  return best;
}

export type ReportAccess =
  | { allow: true; held: boolean }
  | { allow: false; reason: 'HELD' | 'ROLE'; holdUntilMs?: number };

/**
 * Security staff see a held case (they placed the hold and run the investigation); auditors are
 * refused while it is held; nobody else reads reports (administrators do not read citizen-related
 * data — the access matrix already keeps them out).
 */
export function reportAccess(role: string, hold: DisclosureHold | null): ReportAccess {
  if (role === 'security') return { allow: true, held: hold !== null };
  if (role !== 'auditor') return { allow: false, reason: 'ROLE' };
  if (hold) return { allow: false, reason: 'HELD', holdUntilMs: hold.untilMs };
  return { allow: true, held: false };
}

/** The last day a hold covers (it ends at `untilMs`, exclusive), as dd/mm/yyyy in `timeZone`. */
export function heldThrough(untilMs: number, timeZone: string): string {
  return dayKey(new Date(untilMs - 1), timeZone).split('-').reverse().join('/');
}

/**
 * A ledger search by a held number would tell the same story as the held report (who processed the
 * number, when, why): while a hold is in force only security staff run it. The route's access list
 * decides who may search the ledger at all.
 */
export function ledgerSearchAccess(role: string, hold: DisclosureHold | null): ReportAccess {
  if (!hold) return { allow: true, held: false };
  if (role === 'security') return { allow: true, held: true };
  return { allow: false, reason: 'HELD', holdUntilMs: hold.untilMs };
}
