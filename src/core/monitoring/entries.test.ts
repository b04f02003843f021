import { describe, expect, it } from 'vitest';
import type { LedgerFields } from '../ledger/chain.js';
import { humanAttempts, isAttempt, isRefusal, toMonitorEntry } from './entries.js';
import { FakeLedger } from './fixtures.js';

const row = (detail: string | null): LedgerFields => ({
  seq: 1, ts: 0, request_id: 'r', instance_id: 'i', category: 'lookup', operation: 'lookup.result', outcome: 'OK',
  app_id: 'a', app_version: '1', actor: 'u', unit_code: 'U1', client_ip: '127.0.0.1', id_hmac: 'h', id_masked: '001******001',
  procedure_code: 'p', dossier_code: 'd', purpose: 'x', fields_requested: null, fields_returned: null, upstream_ms: 5, detail,
});

describe('reading ledger rows', () => {
  it('parses the detail of a row into an object and drops what is not one', () => {
    expect(toMonitorEntry(row('{"status":423}')).detail).toEqual({ status: 423 });
    expect(toMonitorEntry(row(null)).detail).toBeNull();
    expect(toMonitorEntry(row('[1,2]')).detail).toBeNull();
    expect(toMonitorEntry(row('not json')).detail).toBeNull();
  });

  it('keeps only the fields the rules read', () => {
    const e = toMonitorEntry(row(null));
    expect(Object.keys(e)).not.toContain('client_ip');
    expect(Object.keys(e)).not.toContain('purpose');
  });
});

describe('one entry per request', () => {
  it('counts a granted request once, by its result, not by its reservation', () => {
    const l = new FakeLedger();
    l.lookup({ ts: 0, actor: 'a' });
    expect(l.entries.map(isAttempt)).toEqual([false, true]);
  });

  it('counts a request refused at admission or at the quota, and calls it a refusal', () => {
    const l = new FakeLedger();
    l.lookup({ ts: 0, actor: 'a', outcome: 'INVALID_ID_NUMBER', id: '12' });
    l.lookup({ ts: 1, actor: 'a', outcome: 'RATE_LIMITED' });
    l.lookup({ ts: 2, actor: 'a', outcome: 'CITIZEN_NOT_FOUND' });
    const attempts = l.entries.filter(isAttempt);
    expect(attempts.map((e) => e.outcome)).toEqual(['INVALID_ID_NUMBER', 'RATE_LIMITED', 'CITIZEN_NOT_FOUND']);
    expect(attempts.every(isRefusal)).toBe(true);
  });

  it('ignores entries that are not queries to the population database', () => {
    const l = new FakeLedger();
    const login = l.add({ ts: 0, operation: 'auth.login', actor: 'a' });
    const pending = l.add({ ts: 0, operation: 'lookup', category: 'lookup', outcome: 'PENDING' });
    expect(isAttempt(login)).toBe(false);
    expect(isAttempt(pending)).toBe(false);
  });

  it('leaves named service accounts out of the human accounts', () => {
    const l = new FakeLedger();
    l.lookup({ ts: 0, actor: 'person' });
    l.lookup({ ts: 0, actor: 'sync-vnedu' });
    const humans = humanAttempts(l.entries, [{ username: 'sync-vnedu', lastLoginAt: null, serviceAccount: true }]);
    expect([...humans.keys()]).toEqual(['person']);
  });
});
