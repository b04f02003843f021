import { describe, expect, it } from 'vitest';
import { at, context, FakeLedger } from './fixtures.js';
import { ledgerVerificationAlerts, upstreamLockAlerts } from './system.js';

describe('upstream lock (R1, R6)', () => {
  it('raises one critical alert for the many locked entries of one day and names who spent the quota', () => {
    const l = new FakeLedger();
    for (let i = 0; i < 30; i++) l.lookup({ ts: at('2026-03-05T21:00') + i * 1000, actor: 'tool', unit: 'U9' });
    l.lookup({ ts: at('2026-03-05T21:00'), actor: 'desk', unit: 'U1' });
    for (let i = 0; i < 3; i++) l.add({ ts: at('2026-03-05T21:01') + i, operation: 'upstream.locked', outcome: 'UPSTREAM_LOCKED', detail: { severity: 'critical', status: 423 } });
    const alerts = upstreamLockAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'upstream.locked', severity: 'critical', requirement: 'R1', dedupKey: 'upstream.locked|province|2026-03-05' });
    expect(alerts[0]!.evidence).toMatchObject({ count: 3, statuses: ['423'], clearedSince: false, topUnitsInHourBefore: { U9: 30, U1: 1 } });
  });

  it('records that the lock was cleared since', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T21:01'), operation: 'upstream.locked', outcome: 'UPSTREAM_LOCKED' });
    l.add({ ts: at('2026-03-06T08:00'), operation: 'upstream.clear_lock', outcome: 'OK', actor: 'cli:admin' });
    expect(upstreamLockAlerts(l.entries, context())[0]!.evidence).toMatchObject({ clearedSince: true });
  });

  it('stays silent while the upstream answers, even with refusals of other kinds', () => {
    const l = new FakeLedger();
    l.lookup({ ts: at('2026-03-05T10:00'), actor: 'desk', outcome: 'UPSTREAM_ERROR' });
    l.lookup({ ts: at('2026-03-05T10:01'), actor: 'desk', outcome: 'QUOTA_EXCEEDED' });
    expect(upstreamLockAlerts(l.entries, context())).toEqual([]);
  });
});

describe('ledger verification (R6)', () => {
  const broken = { ok: false as const, entries: 41, firstBroken: { seq: 42, reason: 'HASH_MISMATCH' as const, message: 'entry 42 was altered' } };

  it('raises a critical alert naming the first broken entry', () => {
    const [a] = ledgerVerificationAlerts([], context({ ledgerVerification: broken }));
    expect(a).toMatchObject({ rule: 'ledger.verification-failed', severity: 'critical', requirement: 'R6' });
    expect(a!.evidence).toMatchObject({ seq: 42, reason: 'HASH_MISMATCH', entriesVerified: 41 });
  });

  it('keeps the same key while the same break is found, and a new one for another break', () => {
    const a = ledgerVerificationAlerts([], context({ ledgerVerification: broken }))[0]!;
    const again = ledgerVerificationAlerts([], context({ now: new Date(at('2026-03-09T10:00')), ledgerVerification: broken }))[0]!;
    const other = ledgerVerificationAlerts([], context({ ledgerVerification: { ...broken, firstBroken: { seq: 7, reason: 'SEQUENCE_GAP', message: 'gap' } } }))[0]!;
    expect(again.dedupKey).toBe(a.dedupKey);
    expect(other.dedupKey).not.toBe(a.dedupKey);
  });

  it('stays silent for an intact ledger or when no verification was run', () => {
    expect(ledgerVerificationAlerts([], context({ ledgerVerification: { ok: true, entries: 10, headSeq: 10 } }))).toEqual([]);
    expect(ledgerVerificationAlerts([], context())).toEqual([]);
  });
});
