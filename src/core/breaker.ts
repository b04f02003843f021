/**
 * Circuit breaker decisions for the upstream (no retry storms against a struggling national system).
 * Pure: the shell keeps the state and passes `nowMs`.
 */
export interface BreakerPolicy {
  /** Consecutive failures (timeouts, 5xx, connection errors) that open the breaker. */
  readonly failureThreshold: number;
  /** How long it stays open before one probe call is let through. */
  readonly openMs: number;
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { failureThreshold: 5, openMs: 30_000 };

export interface BreakerState {
  readonly status: 'closed' | 'open' | 'half-open';
  readonly failures: number;
  readonly openedAt: number | null;
}

export const CLOSED: BreakerState = { status: 'closed', failures: 0, openedAt: null };

/** May a call go upstream now? In half-open state exactly one probe is admitted. */
export function breakerAdmit(s: BreakerState, nowMs: number, p: BreakerPolicy): { admit: boolean; next: BreakerState } {
  if (s.status === 'closed') return { admit: true, next: s };
  if (s.status === 'open' && s.openedAt !== null && nowMs - s.openedAt >= p.openMs) {
    return { admit: true, next: { ...s, status: 'half-open' } };
  }
  return { admit: false, next: s };
}

export function breakerRecord(s: BreakerState, outcome: 'success' | 'failure', nowMs: number, p: BreakerPolicy): BreakerState {
  if (outcome === 'success') return CLOSED;
  if (s.status === 'half-open') return { status: 'open', failures: s.failures + 1, openedAt: nowMs };
  const failures = s.failures + 1;
  return failures >= p.failureThreshold ? { status: 'open', failures, openedAt: nowMs } : { ...s, failures };
}

/**
 * The admitted probe never went upstream (refused by the quota, or the ledger failed): hand the
 * probe back, so the next call may probe instead of the breaker staying half-open for ever.
 */
export function breakerAbandon(s: BreakerState): BreakerState {
  return s.status === 'half-open' ? { ...s, status: 'open' } : s;
}
