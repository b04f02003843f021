/** Circuit-breaker decisions: stop calling a failing upstream, then let one probe through. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSED, DEFAULT_BREAKER_POLICY, breakerAbandon, breakerAdmit, breakerRecord, type BreakerPolicy, type BreakerState } from './breaker.js';

const P: BreakerPolicy = { failureThreshold: 3, openMs: 30_000 };

function fail(s: BreakerState, times: number, nowMs: number, p = P): BreakerState {
  let x = s;
  for (let i = 0; i < times; i++) x = breakerRecord(x, 'failure', nowMs, p);
  return x;
}

describe('breaker', () => {
  it('defaults to opening after 5 failures for 30 seconds', () => {
    expect(DEFAULT_BREAKER_POLICY).toEqual({ failureThreshold: 5, openMs: 30_000 });
    expect(fail(CLOSED, 4, 0, DEFAULT_BREAKER_POLICY).status).toBe('closed');
    expect(fail(CLOSED, 5, 0, DEFAULT_BREAKER_POLICY).status).toBe('open');
  });

  it('admits every call while closed', () => {
    expect(breakerAdmit(CLOSED, 0, P)).toEqual({ admit: true, next: CLOSED });
    const twoFailures = fail(CLOSED, 2, 0, P);
    expect(breakerAdmit(twoFailures, 1, P)).toEqual({ admit: true, next: twoFailures });
  });

  it('opens at the threshold of consecutive failures, stamped with the time of the last one', () => {
    const s = fail(fail(CLOSED, 2, 100, P), 1, 200, P);
    expect(s).toEqual({ status: 'open', failures: 3, openedAt: 200 });
  });

  it('stays closed below the threshold', () => {
    expect(fail(CLOSED, 2, 100, P)).toMatchObject({ status: 'closed', failures: 2, openedAt: null });
  });

  it('forgets earlier failures after a success', () => {
    let s = fail(CLOSED, 2, 0, P);
    s = breakerRecord(s, 'success', 1, P);
    expect(s).toEqual(CLOSED);
    expect(fail(s, 2, 2, P).status).toBe('closed');
  });

  it('refuses calls while open until openMs has elapsed', () => {
    const open = fail(CLOSED, 3, 1_000, P);
    expect(breakerAdmit(open, 1_000, P).admit).toBe(false);
    expect(breakerAdmit(open, 1_000 + P.openMs - 1, P)).toEqual({ admit: false, next: open });
  });

  it('admits exactly one probe once openMs has elapsed, refusing the calls that follow it', () => {
    const open = fail(CLOSED, 3, 1_000, P);
    const probe = breakerAdmit(open, 1_000 + P.openMs, P);
    expect(probe.admit).toBe(true);
    expect(probe.next.status).toBe('half-open');
    const second = breakerAdmit(probe.next, 1_000 + P.openMs, P);
    expect(second.admit).toBe(false);
    expect(breakerAdmit(second.next, 1_000 + 10 * P.openMs, P).admit).toBe(false);
  });

  it('closes when the probe succeeds', () => {
    const half = breakerAdmit(fail(CLOSED, 3, 0, P), P.openMs, P).next;
    const s = breakerRecord(half, 'success', P.openMs + 5, P);
    expect(s).toEqual(CLOSED);
    expect(breakerAdmit(s, P.openMs + 6, P).admit).toBe(true);
  });

  it('reopens with a fresh openedAt when the probe fails', () => {
    const half = breakerAdmit(fail(CLOSED, 3, 0, P), P.openMs + 100, P).next;
    const s = breakerRecord(half, 'failure', P.openMs + 500, P);
    expect(s.status).toBe('open');
    expect(s.openedAt).toBe(P.openMs + 500);
    expect(breakerAdmit(s, P.openMs + 500 + P.openMs - 1, P).admit).toBe(false);
    expect(breakerAdmit(s, P.openMs + 500 + P.openMs, P).admit).toBe(true);
  });

  it('behaves like a model breaker for any sequence of calls and outcomes', () => {
    const step = fc.record({ dt: fc.integer({ min: 0, max: 20_000 }), outcome: fc.constantFrom('success' as const, 'failure' as const) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (steps, threshold) => {
        const p: BreakerPolicy = { failureThreshold: threshold, openMs: 30_000 };
        let s: BreakerState = CLOSED;
        let now = 0;
        // The model: a run of consecutive failures, and when the breaker last opened.
        let run = 0;
        let openedAt: number | null = null;
        let probing = false;
        for (const { dt, outcome } of steps) {
          now += dt;
          const expectAdmit = openedAt === null || (!probing && now - openedAt >= p.openMs);
          const a = breakerAdmit(s, now, p);
          expect(a.admit).toBe(expectAdmit);
          s = a.next;
          if (!a.admit) continue;
          if (openedAt !== null) probing = true;
          s = breakerRecord(s, outcome, now, p);
          if (outcome === 'success') {
            run = 0;
            openedAt = null;
            probing = false;
          } else {
            run++;
            if (probing || run >= threshold) openedAt = now;
            probing = false;
          }
          expect(s.status).toBe(openedAt === null ? 'closed' : 'open');
          expect(s.openedAt).toBe(openedAt);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('an abandoned probe', () => {
  it('returns the breaker to open so that the next call can probe, instead of staying half-open', () => {
    const p = { failureThreshold: 1, openMs: 1000 };
    const open = breakerRecord(CLOSED, 'failure', 0, p);
    const probe = breakerAdmit(open, 1000, p);
    expect(probe.admit).toBe(true);
    expect(breakerAdmit(probe.next, 1001, p).admit).toBe(false);
    const back = breakerAbandon(probe.next);
    expect(back.status).toBe('open');
    expect(breakerAdmit(back, 1002, p).admit).toBe(true);
    expect(breakerAbandon(CLOSED)).toBe(CLOSED);
  });
});
