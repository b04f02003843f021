/**
 * Keeps the circuit breaker state of this instance around upstream calls; the decisions are the
 * pure functions of core/breaker.ts.
 */
import { breakerAbandon, breakerAdmit, breakerRecord, CLOSED, DEFAULT_BREAKER_POLICY, type BreakerPolicy, type BreakerState } from '../core/breaker.js';
import type { UpstreamClient, UpstreamResult } from './client.js';

export class UpstreamGuard {
  private state: BreakerState = CLOSED;

  constructor(
    readonly client: UpstreamClient,
    private readonly now: () => number = Date.now,
    private readonly policy: BreakerPolicy = DEFAULT_BREAKER_POLICY,
  ) {}

  get breaker(): BreakerState {
    return this.state;
  }

  /** Asks the breaker; when it admits a half-open probe, later callers wait for its outcome. */
  admit(): boolean {
    const { admit, next } = breakerAdmit(this.state, this.now(), this.policy);
    this.state = next;
    return admit;
  }

  /** The admitted call did not go upstream after all. */
  abandon(): void {
    this.state = breakerAbandon(this.state);
  }

  record<T>(r: UpstreamResult<T>): UpstreamResult<T> {
    const failed = r.kind === 'timeout' || r.kind === 'unavailable' || (r.kind === 'error' && (r.status === null || r.status >= 500));
    this.state = breakerRecord(this.state, failed ? 'failure' : 'success', this.now(), this.policy);
    return r;
  }
}
