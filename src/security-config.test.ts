import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_ACCOUNT_POLICY } from './core/accounts/policy.js';
import { DEFAULT_PASSWORD_POLICY } from './core/password/index.js';
import { openCore, startDancu, type Running } from './runtime.js';
import * as dir from './storage/directory.js';
import { tempDir } from '../test/support/harness.js';
import { addStaff, GOOD_PASSWORD } from '../test/support/staff.js';
import { problemsOf } from '../test/support/config.js';

describe('the security parameters (DOMAIN §4)', () => {
  it('default to the policies that satisfy every source', () => {
    const s = loadConfig({}, '/tmp/x').security;
    expect(s.account).toEqual(DEFAULT_ACCOUNT_POLICY);
    expect(s.password).toEqual(DEFAULT_PASSWORD_POLICY);
  });

  it('read each parameter from the environment', () => {
    const s = loadConfig({
      DANCU_PASSWORD_MIN_LENGTH: '12', DANCU_PASSWORD_MAX_AGE_DAYS: '60', DANCU_PASSWORD_HISTORY: '24', DANCU_LOCKOUT_FAILURES: '3',
      DANCU_LOCKOUT_MINUTES: '30', DANCU_SESSION_IDLE_MINUTES: '10', DANCU_ADMIN_SESSION_IDLE_MINUTES: '3', DANCU_DORMANT_DAYS: '30',
      DANCU_MFA_ROLES: 'admin, security, auditor',
    }, '/tmp/x').security;
    expect(s.password).toMatchObject({ minLength: 12, maxAgeDays: 60, historySize: 24 });
    expect(s.account).toMatchObject({ maxFailures: 3, lockMs: 30 * 60_000, idleMs: 10 * 60_000, adminIdleMs: 3 * 60_000, dormantMs: 30 * 86_400_000, mfaRoles: ['admin', 'security', 'auditor'] });
  });

  it('refuse going below letter 004 (8 characters, a change every 3 months) and unknown roles, naming each variable', () => {
    const p = problemsOf({ DANCU_PASSWORD_MIN_LENGTH: '7', DANCU_PASSWORD_MAX_AGE_DAYS: '91', DANCU_MFA_ROLES: 'admin,root', DANCU_LOCKOUT_FAILURES: '0' });
    expect(p.join('\n')).toMatch(/DANCU_PASSWORD_MIN_LENGTH="7": expected a whole number from 8/);
    expect(p.join('\n')).toMatch(/DANCU_PASSWORD_MAX_AGE_DAYS="91": expected a whole number from 1 to 90/);
    expect(p.join('\n')).toMatch(/DANCU_MFA_ROLES: not a role: root/);
    expect(p.join('\n')).toMatch(/DANCU_LOCKOUT_FAILURES/);
  });

  describe('in force in a running gateway', () => {
    let running: Running | undefined;
    afterAll(async () => {
      await running?.close();
    });

    it('locks a login name after DANCU_LOCKOUT_FAILURES wrong passwords, and states DANCU_PASSWORD_MIN_LENGTH to the password forms', async () => {
      const config = loadConfig({ DANCU_DATA_DIR: tempDir(), DANCU_PORT: '0', DANCU_LOG_LEVEL: 'silent', DANCU_MONITOR_INTERVAL_MS: '0', DANCU_INSTANCE_ID: 'security-config', DANCU_LOCKOUT_FAILURES: '2', DANCU_PASSWORD_MIN_LENGTH: '12' });
      const core = await openCore(config);
      const unit = await dir.addUnit(core.storage.db, { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công', dailyQuota: 10 }, Date.now());
      await addStaff(core.storage, { username: 'motcua01', role: 'operator', unitId: unit.id });
      await core.storage.close();
      running = await startDancu(config);
      const login = (password: string) => fetch(`${running!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'motcua01', password }) });
      expect((await login('Sai-mat-khau-1')).status).toBe(401);
      expect((await login('Sai-mat-khau-2')).status).toBe(401);
      const locked = await login(GOOD_PASSWORD);
      expect(locked.status).toBe(423);
      expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED');
      expect(await (await fetch(`${running.url}/api/v1/auth/password-policy`)).json()).toEqual({ minLength: 12, historySize: 10, maxAgeDays: 90 });
    });
  });
});
