/**
 * Process-wide Prometheus metrics (R1, R6: see the quota and the door's health before the upstream
 * does). Counters live here; `GET /metrics` adds gauges read from the database at scrape time
 * (quota, upstream lock, open alerts), so every instance reports the shared state the same way.
 *
 * The ledger is measured from the caller's side (`meteredLedger`): on SQLite the writer runs in a
 * worker thread, so what a request waits for (queue + group commit + fsync) is seen only here.
 * Only aggregate numbers: no person, no ID number, no key is ever a label.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import type { ReservationDecision, ReservationRequest } from './core/quota/quota.js';
import type { Appended, Ledger, LedgerDraft } from './storage/ledger-writer.js';

export const registry = new Registry();

const requests = new Counter({
  name: 'dancu_requests_total',
  help: 'Lookups and verifications by their final outcome as recorded in the ledger (OK or the refusal code)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

const upstreamLatency = new Histogram({
  name: 'dancu_upstream_latency_seconds',
  help: 'Duration of calls to the population database, by operation and result',
  labelNames: ['operation', 'result'] as const,
  buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const upstreamErrors = new Counter({
  name: 'dancu_upstream_errors_total',
  help: 'Calls to the population database that failed: error, timeout, unavailable or locked',
  labelNames: ['operation', 'kind'] as const,
  registers: [registry],
});

const ledgerLag = new Histogram({
  name: 'dancu_ledger_write_lag_seconds',
  help: 'From handing an entry to the ledger writer to its durable commit (queue, group commit, fsync)',
  labelNames: ['kind'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

const ledgerFailures = new Counter({
  name: 'dancu_ledger_write_failures_total',
  help: 'Ledger writes that failed (each one refused its request: fail closed)',
  registers: [registry],
});

const QUERY_KINDS = new Set(['lookup', 'verification']);

/**
 * The entry that ends a lookup or verification: its result or the refusal recorded instead; a
 * granted reservation is followed by its result, so it is not counted (core/monitoring isAttempt).
 */
function countRequest(category: string, operation: string, outcome: string): void {
  if (!QUERY_KINDS.has(category) || outcome === 'PENDING') return;
  if (operation.endsWith('.reserve') && outcome === 'RESERVED') return;
  requests.inc({ kind: category, outcome });
}

/** Called by the query flow after each upstream call (`UpstreamResult.kind`, milliseconds). */
export function observeUpstream(operation: string, result: string, ms: number): void {
  upstreamLatency.observe({ operation, result }, ms / 1000);
  if (result !== 'ok' && result !== 'not_found') upstreamErrors.inc({ operation, kind: result });
}

/** The same ledger, measured: write lag, failures, and the requests its entries close. */
export function meteredLedger(inner: Ledger): Ledger {
  const timed = async <T>(kind: string, write: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const r = await write();
      ledgerLag.observe({ kind }, (performance.now() - started) / 1000);
      return r;
    } catch (err) {
      ledgerFailures.inc();
      throw err;
    }
  };
  return {
    init: () => inner.init(),
    drain: () => inner.drain(),
    close: () => inner.close(),
    async append(d: LedgerDraft): Promise<Appended> {
      const r = await timed('append', () => inner.append(d));
      countRequest(d.category, d.operation, d.outcome);
      return r;
    },
    async reserve(req: ReservationRequest, d: LedgerDraft): Promise<Appended & { decision: ReservationDecision }> {
      const r = await timed('reserve', () => inner.reserve(req, d));
      countRequest(d.category, d.operation, r.decision.granted ? 'RESERVED' : r.decision.code);
      return r;
    },
  };
}
