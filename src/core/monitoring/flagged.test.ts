import { describe, expect, it } from 'vitest';
import { at, context, FakeLedger } from './fixtures.js';
import { sharedAccountAlerts, stateSecretAlerts, unapprovedFunctionAlerts, unapprovedVersionAlerts } from './flagged.js';

describe('suspected shared accounts (R4)', () => {
  it('raise a high alert per account and day, as the login route records them', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T09:00'), operation: 'session.shared_suspected', category: 'auth', outcome: 'POSSIBLE_SHARED_ACCOUNT', actor: 'motcua02', detail: { sessions: 1, severity: 'high' } });
    l.add({ ts: at('2026-03-05T14:00'), operation: 'session.shared_suspected', category: 'auth', outcome: 'POSSIBLE_SHARED_ACCOUNT', actor: 'motcua02', detail: { sessions: 2, severity: 'high' } });
    l.add({ ts: at('2026-03-06T09:00'), operation: 'session.shared_suspected', category: 'auth', outcome: 'POSSIBLE_SHARED_ACCOUNT', actor: 'motcua02' });
    const alerts = sharedAccountAlerts(l.entries, context());
    expect(alerts.map((a) => [a.rule, a.severity, a.requirement, a.dedupKey])).toEqual([
      ['account.shared', 'high', 'R4', 'account.shared|actor:motcua02|2026-03-05'],
      ['account.shared', 'high', 'R4', 'account.shared|actor:motcua02|2026-03-06'],
    ]);
    expect(alerts[0]!.evidence).toMatchObject({ count: 2, endedSessions: 3 });
  });

  it('stay silent for ordinary logins, including a second one from the same place', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T09:00'), operation: 'auth.login', actor: 'motcua02' });
    l.add({ ts: at('2026-03-05T13:00'), operation: 'auth.login', actor: 'motcua02' });
    expect(sharedAccountAlerts(l.entries, context())).toEqual([]);
  });
});

describe('unapproved client versions (R2)', () => {
  it('raise an alert per system and day listing the versions tried', () => {
    const l = new FakeLedger();
    l.lookup({ ts: at('2026-03-05T09:00'), actor: 'desk01', app: 'tthc-xa', outcome: 'APP_VERSION_NOT_APPROVED' });
    l.lookup({ ts: at('2026-03-05T09:05'), actor: 'desk02', app: 'tthc-xa', outcome: 'APP_VERSION_NOT_APPROVED' });
    const alerts = unapprovedVersionAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'app-version.unapproved', requirement: 'R2', subject: { app: 'tthc-xa', unit: 'U1' }, dedupKey: 'app-version.unapproved|app:tthc-xa|2026-03-05' });
    expect(alerts[0]!.evidence).toMatchObject({ versions: { '1.0.0': 2 }, actors: ['desk01', 'desk02'] });
  });

  it('stay silent for approved versions', () => {
    const l = new FakeLedger();
    l.lookup({ ts: at('2026-03-05T09:00'), actor: 'desk01', app: 'tthc-xa' });
    expect(unapprovedVersionAlerts(l.entries, context())).toEqual([]);
  });
});

describe('unapproved functions (R2)', () => {
  const change = (ts: string, procedure: string | null) => ({
    ts: at(ts), operation: 'registration.unapproved_change', category: 'registration', outcome: 'UNAPPROVED_CHANGE', actor: 'desk01', app_id: 'tthc-xa', unit_code: 'U1',
    detail: procedure ? { severity: 'high', notify: 'security', procedure } : { severity: 'high', notify: 'security', versionStatus: 'unregistered' },
  });

  it('raise an alert per system and day naming the procedures it was not approved for, owned by the administrators', () => {
    const l = new FakeLedger();
    l.add(change('2026-03-05T09:00', '1.004222'));
    l.add(change('2026-03-05T09:30', '1.004222'));
    l.add(change('2026-03-05T10:00', '2.000111'));
    const alerts = unapprovedFunctionAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'app-function.unapproved', requirement: 'R2', subject: { app: 'tthc-xa', unit: 'U1' }, dedupKey: 'app-function.unapproved|app:tthc-xa|2026-03-05' });
    expect(alerts[0]!.evidence).toMatchObject({ procedures: { '1.004222': 2, '2.000111': 1 } });
    expect(alerts[0]!.title.vi).toContain('1.004222, 2.000111');
  });

  it('leave a version change to its own rule', () => {
    const l = new FakeLedger();
    l.add(change('2026-03-05T09:00', null));
    expect(unapprovedFunctionAlerts(l.entries, context())).toEqual([]);
  });
});

describe('state-secret blocks (R5)', () => {
  it('raise a high alert for a single blocked item', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T10:00'), operation: 'document.upload', outcome: 'STATE_SECRET_BLOCKED', actor: 'vanthu01', unit_code: 'U3', detail: { level: 'TỐI MẬT' } });
    const alerts = stateSecretAlerts(l.entries, context());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'state-secret.blocked', severity: 'high', requirement: 'R5', subject: { actor: 'vanthu01', unit: 'U3' } });
    expect(alerts[0]!.evidence).toMatchObject({ count: 1, levels: ['TỐI MẬT'] });
  });

  it('name the system when no person is given', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T10:00'), operation: 'document.upload', outcome: 'STATE_SECRET_BLOCKED', app_id: 'qlvb' });
    expect(stateSecretAlerts(l.entries, context())[0]!.dedupKey).toBe('state-secret.blocked|app:qlvb|2026-03-05');
  });

  it('stay silent for content that passed', () => {
    const l = new FakeLedger();
    l.add({ ts: at('2026-03-05T10:00'), operation: 'document.upload', outcome: 'OK', actor: 'vanthu01' });
    expect(stateSecretAlerts(l.entries, context())).toEqual([]);
  });
});
