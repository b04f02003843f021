import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_ACCOUNT_POLICY } from '../core/accounts/policy.js';
import { loadKeys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import * as dir from '../storage/directory.js';
import { draft, LedgerWriter } from '../storage/ledger-writer.js';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { loadConfig } from '../config.js';
import { sweepDormantAccounts } from './dormant.js';
import { startMonitoring } from './index.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-24T02:00:00Z');

describe.each(['sqlite', 'postgres'] as const)('dormancy sweep on %s', (engine) => {
  let storage: Storage;
  let ledger: LedgerWriter;
  let clock = NOW;
  const sweep = () => sweepDormantAccounts({ storage, ledger, policy: DEFAULT_ACCOUNT_POLICY, now: () => new Date(NOW) });
  const status = async (username: string) => (await dir.userByUsername(storage.db, username))?.status;
  const accountEntries = () => storage.db.selectFrom('ledger').select(['operation', 'outcome', 'actor', 'unit_code', 'detail']).where('category', '=', 'account').orderBy('seq').execute();

  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    const keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
    ledger = new LedgerWriter(storage, keys, { instanceId: `dormancy-${engine}`, now: () => clock });
    await ledger.init();
    const unit = await dir.addUnit(storage.db, { code: 'UBND-XA', name: 'UBND xã Tân Phú', dailyQuota: 100 }, NOW - 400 * DAY);
    const person = async (username: string, o: { lastLoginDaysAgo: number | null; activatedDaysAgo?: number; service?: boolean }) => {
      const u = await dir.addUser(storage.db, { username, fullName: 'Công chức thử nghiệm', unitId: unit.id, role: 'operator', dailyQuota: null, activationCode: 'X', activationExpiresAt: NOW }, NOW - 300 * DAY);
      await storage.db.updateTable('users').set({
        status: 'active', activated_at: NOW - (o.activatedDaysAgo ?? 300) * DAY, last_login_at: o.lastLoginDaysAgo === null ? null : NOW - o.lastLoginDaysAgo * DAY, service_account: o.service ? 1 : 0,
      }).where('id', '=', u.id).execute();
      await storage.db.insertInto('sessions').values({ id: `s-${username}`, user_id: u.id, created_at: NOW - DAY, last_seen_at: NOW - DAY, ended_at: null, end_reason: null, ip: '127.0.0.1', agent: 'a', csrf: 'c', restriction: null }).execute();
    };
    await person('nghiviec01', { lastLoginDaysAgo: 46 });
    await person('chuadangnhap01', { lastLoginDaysAgo: null, activatedDaysAgo: 50 });
    await person('thuongxuyen01', { lastLoginDaysAgo: 3 });
    await person('moikichhoat01', { lastLoginDaysAgo: null, activatedDaysAgo: 10 });
    await person('hethong01', { lastLoginDaysAgo: 200, service: true });
    // Logs in rarely but a connected system looks citizens up on her behalf every week.
    await person('uyquyen01', { lastLoginDaysAgo: 90 });
    clock = NOW - 5 * DAY;
    await ledger.append(draft({ request_id: 'r1', category: 'lookup', operation: 'lookup.result', outcome: 'OK', actor: 'uyquyen01', unit_code: 'UBND-XA' }));
    // Someone trying passwords on a dormant account does not keep it alive.
    await person('doanmatkhau01', { lastLoginDaysAgo: 60 });
    clock = NOW - DAY;
    await ledger.append(draft({ request_id: 'r2', category: 'account', operation: 'auth.login', outcome: 'INVALID_CREDENTIALS', actor: 'doanmatkhau01' }));
    // Nor does a system naming the person in X-On-Behalf-Of and being refused (another unit's key, say).
    await ledger.append(draft({ request_id: 'r3', category: 'lookup', operation: 'lookup', outcome: 'FORBIDDEN', actor: 'doanmatkhau01', unit_code: 'KHAC' }));
    await ledger.append(draft({ request_id: 'r4', category: 'lookup', operation: 'lookup.reserve', outcome: 'RATE_LIMITED', actor: 'doanmatkhau01', unit_code: 'KHAC' }));
    clock = NOW;
  });
  afterAll(async () => {
    await storage.close();
  });

  it('disables the people unused for 45 days — no login, no lookup made as them — and records each in the ledger with its sessions ended', async () => {
    const before = (await accountEntries()).length;
    expect((await sweep()).sort()).toEqual(['chuadangnhap01', 'doanmatkhau01', 'nghiviec01']);
    for (const u of ['chuadangnhap01', 'doanmatkhau01', 'nghiviec01']) {
      expect(await status(u)).toBe('disabled');
      expect((await dir.userByUsername(storage.db, u))?.disabled_reason).toBe('dormant');
    }
    for (const u of ['thuongxuyen01', 'moikichhoat01', 'hethong01', 'uyquyen01']) expect(await status(u)).toBe('active');
    const recorded = (await accountEntries()).slice(before);
    expect(recorded.map((e) => [e.operation, e.outcome, e.actor, e.unit_code])).toEqual(expect.arrayContaining([
      ['account.disabled', 'ACCOUNT_DISABLED', 'nghiviec01', 'UBND-XA'], ['account.disabled', 'ACCOUNT_DISABLED', 'chuadangnhap01', 'UBND-XA'],
    ]));
    expect(recorded).toHaveLength(3);
    const detail = JSON.parse(recorded.find((e) => e.actor === 'nghiviec01')!.detail!);
    expect(detail).toMatchObject({ reason: 'dormant', inactiveDays: 46, thresholdDays: 45, lastUse: new Date(NOW - 46 * DAY).toISOString() });
    const live = await storage.db.selectFrom('sessions').select(['id', 'end_reason']).where('ended_at', 'is', null).execute();
    expect(live.map((s) => s.id).sort()).toEqual(['s-hethong01', 's-moikichhoat01', 's-thuongxuyen01', 's-uyquyen01']);
  });

  it('does nothing more when run again', async () => {
    const before = (await accountEntries()).length;
    expect(await sweep()).toEqual([]);
    expect(await accountEntries()).toHaveLength(before);
  });

  it('runs with the monitoring job', async () => {
    const unit = (await dir.unitByCode(storage.db, 'UBND-XA'))!;
    const u = await dir.addUser(storage.db, { username: 'vanghe01', fullName: 'Công chức thử nghiệm', unitId: unit.id, role: 'operator', dailyQuota: null, activationCode: 'X', activationExpiresAt: NOW }, NOW - 300 * DAY);
    await storage.db.updateTable('users').set({ status: 'active', activated_at: NOW - 300 * DAY, last_login_at: NOW - 50 * DAY }).where('id', '=', u.id).execute();
    const config = loadConfig({ DANCU_DATA_DIR: tempDir(), DANCU_MONITOR_INTERVAL_MS: '3600000', DANCU_LOG_LEVEL: 'silent' });
    const job = startMonitoring({ config, storage, ledger, now: () => new Date(NOW) })!;
    try {
      await job.runNow();
    } finally {
      await job.stop();
    }
    expect(await status('vanghe01')).toBe('disabled');
  });
});
