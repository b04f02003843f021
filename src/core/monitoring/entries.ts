/**
 * Reading ledger entries for the detection rules (R6): conversion from the stored row, and which
 * entries stand for one lookup or verification request.
 */
import type { LedgerFields } from '../ledger/chain.js';
import type { MonitorEntry, UserFacts } from './types.js';

/** Ledger categories of the queries that reach (or try to reach) the population database. */
export const QUERY_CATEGORIES: ReadonlySet<string> = new Set(['lookup', 'verification']);

/** The subset of a ledger row the rules read, with `detail` parsed (null unless a JSON object). */
export function toMonitorEntry(row: LedgerFields): MonitorEntry {
  return {
    seq: row.seq,
    ts: row.ts,
    category: row.category,
    operation: row.operation,
    outcome: row.outcome,
    actor: row.actor,
    unit_code: row.unit_code,
    app_id: row.app_id,
    app_version: row.app_version,
    id_hmac: row.id_hmac,
    id_masked: row.id_masked,
    procedure_code: row.procedure_code,
    dossier_code: row.dossier_code,
    detail: parseDetail(row.detail),
  };
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The one entry that ends a lookup or verification request (the gateway's query flow): its
 * `.result`, or the refusal recorded instead (admission as `lookup`/`verification`, quota as
 * `.reserve`). A granted reservation (`RESERVED`) is followed by its result, so it is skipped and
 * every request counts once, whether it reached the upstream or not: a tool is a tool even when
 * the rate limit stops it (R3).
 */
export function isAttempt(e: MonitorEntry): boolean {
  if (!QUERY_CATEGORIES.has(e.category) || e.outcome === 'PENDING') return false;
  return !(e.operation.endsWith('.reserve') && e.outcome === 'RESERVED');
}

/** A request that did not end in `OK`: refused by dancu, not found, or failed upstream. */
export function isRefusal(e: MonitorEntry): boolean {
  return isAttempt(e) && e.outcome !== 'OK';
}

/** Oldest first; `seq` breaks ties (entries of one commit share a time). */
export function byTime(a: MonitorEntry, b: MonitorEntry): number {
  return a.ts - b.ts || a.seq - b.seq;
}

/** Entries grouped by a key (null keys dropped), each group oldest first. */
export function groupBy(
  entries: readonly MonitorEntry[],
  key: (e: MonitorEntry) => string | null | undefined,
): Map<string, MonitorEntry[]> {
  const groups = new Map<string, MonitorEntry[]>();
  for (const e of entries) {
    const k = key(e);
    if (k === null || k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  for (const g of groups.values()) g.sort(byTime);
  return groups;
}

/**
 * Requests per human account, oldest first. Named service accounts (R7) are machines by design,
 * answerable through their responsible person and their own quota, so the rules about a person's
 * pace and hours (burst, cadence, volume, after hours) leave them out.
 */
export function humanAttempts(entries: readonly MonitorEntry[], users: readonly UserFacts[] | undefined): Map<string, MonitorEntry[]> {
  const machines = new Set((users ?? []).filter((u) => u.serviceAccount).map((u) => u.username));
  return groupBy(entries.filter(isAttempt), (e) => (e.actor === null || machines.has(e.actor) ? null : e.actor));
}
