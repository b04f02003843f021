/** The chaos scenario's short form (`npm run chaos` runs the long one ten times). */
import { describe, expect, inject, it } from 'vitest';
import { runChaos } from './chaos.js';

describe('two instances on PostgreSQL, one killed with SIGKILL and restarted under load', () => {
  it('never exceeds the cap, records every answered lookup, keeps a verifiable ledger and loses almost none of the cap', async () => {
    const r = await runChaos({ durationMs: 5_000, requests: 300, kills: 1, cap: 200, latencyMs: 5, concurrency: 12, pgUrl: inject('pgUrl') });
    expect(r.maxObservedCalls).toBeLessThanOrEqual(r.cap);
    expect(r.simulatorLocked).toBe(false);
    expect(r.answered200).toBeGreaterThan(0);
    expect(r.missingFromLedger).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.kills).toHaveLength(1);
    expect(r.answers['429:QUOTA_EXCEEDED']).toBeGreaterThan(0);
    expect(r.usable).toBeGreaterThanOrEqual(0.99);
    expect(r.problems).toEqual([]);
  }, 90_000);
});
