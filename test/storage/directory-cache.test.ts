/**
 * The directory cache on both engines: it serves what it read until the change counter moves, and
 * the counter moves with every write to a watched table, from any connection (another instance,
 * the CLI), so a change takes effect on the next request.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { sql } from 'kysely';
import { openStorage, type Storage } from '../../src/storage/db.js';
import { DirectoryCache } from '../../src/storage/directory-cache.js';
import * as dir from '../../src/storage/directory.js';
import { addAcknowledgement, setComplianceSettings } from '../../src/storage/compliance.js';
import { WATCHED_TABLES } from '../../src/storage/migrations/007-directory-generation.js';
import { freshStorage } from '../support/harness.js';

describe.each(['sqlite', 'postgres'] as const)('directory cache on %s', (engine) => {
  let storage: Storage;
  let other: Storage;
  let key: string;
  let appId: string;
  let unitId: number;
  beforeAll(async () => {
    const fresh = await freshStorage(engine, inject('pgUrl'));
    storage = fresh.storage;
    // A second connection, as another gateway instance or the CLI would have.
    other = openStorage(fresh.url);
    const now = Date.now();
    const unit = await dir.addUnit(storage.db, { code: 'UBND-X', name: 'UBND xã', dailyQuota: 10 }, now);
    unitId = unit.id;
    await dir.addUser(storage.db, { username: 'motcua01', fullName: 'Công chức một cửa', unitId, role: 'operator', dailyQuota: null, activationCode: 'A', activationExpiresAt: now }, now);
    await dir.addProcedure(storage.db, { code: '1.001193', name: 'Đăng ký khai sinh', fields: ['fullName'] }, now);
    ({ app: { id: appId }, key } = await dir.addApp(storage.db, { name: 'Một cửa điện tử', unitId, version: '1.0', approvalDoc: '1/QĐ', dailyQuota: null, activeFrom: null }, now));
  });
  afterAll(async () => {
    await other.close();
    await storage.close();
  });

  it('serves what it read until the counter moves (a write that bypasses the counter stays unseen)', async () => {
    const cache = new DirectoryCache(storage.db);
    expect((await (await cache.fresh()).userByUsername('motcua01'))?.status).toBe('pending');
    // Only a raw write with the triggers out of the way can change a row without moving the counter.
    await withoutTriggers(other, 'users', () => sql`update users set status = 'active' where username = 'motcua01'`.execute(other.db));
    expect((await (await cache.fresh()).userByUsername('motcua01'))?.status).toBe('pending');
    await sql`update directory_generation set n = n + 1 where id = 1`.execute(other.db);
    expect((await (await cache.fresh()).userByUsername('motcua01'))?.status).toBe('active');
  });

  it('sees a change made through another connection on the next fresh read, for every cached fact', async () => {
    const cache = new DirectoryCache(storage.db);
    const read = async () => {
      const c = await cache.fresh();
      const [app, version, user, procedure, quota, settings, rules, ack] = await Promise.all([
        c.appByKey(key), c.versionRow(appId, '1.0'), c.userByUsername('motcua01'), c.procedureByCode('1.001193'),
        c.unitDailyQuota(unitId), c.complianceSettings(), c.localRules(unitId), c.lastAcknowledgement(1),
      ]);
      return { app: app?.status, version: version?.status, user: user?.full_name, procedure: procedure?.active, quota, settings: settings.devicePolicy, rules: rules.length, ack: ack?.version ?? null };
    };
    const before = await read();
    const now = Date.now();
    await other.db.updateTable('apps').set({ status: 'suspended' }).where('id', '=', appId).execute();
    expect((await read()).app).toBe('suspended');
    await other.db.updateTable('app_versions').set({ status: 'revoked' }).where('app_id', '=', appId).execute();
    expect((await read()).version).toBe('revoked');
    await other.db.updateTable('users').set({ full_name: 'Đổi tên' }).where('username', '=', 'motcua01').execute();
    expect((await read()).user).toBe('Đổi tên');
    await dir.updateProcedure(other.db, '1.001193', { active: false }, now);
    expect((await read()).procedure).toBe(0);
    await dir.setUnitQuota(other.db, 'UBND-X', 99);
    expect((await read()).quota).toBe(99);
    await setComplianceSettings(other.db, { devicePolicy: true }, 'quantri', now);
    expect((await read()).settings).toBe(true);
    await other.db.insertInto('rules').values({ unit_id: unitId, code: 'QC-01', title: 'Quy chế', version: '1', effective_from: '2026-01-01', body: 'x', content_hash: 'h', created_at: now, created_by: 'quantri' }).execute();
    expect((await read()).rules).toBe(before.rules + 1);
    const user = await dir.userByUsername(other.db, 'motcua01');
    await addAcknowledgement(other.db, { userId: user!.id, version: 'v-test', ip: null }, now);
    expect((await cache.fresh().then((c) => c.lastAcknowledgement(user!.id)))?.version).toBe('v-test');
  });

  it('never remembers an unknown app key, and shares one counter read among requests that arrived before it started', async () => {
    const cache = new DirectoryCache(storage.db);
    const reads = vi.spyOn(cache as unknown as { readGeneration(): Promise<number> }, 'readGeneration');
    const arrived = performance.now();
    await Promise.all([cache.fresh(arrived), cache.fresh(arrived), cache.fresh(arrived)]);
    expect(reads).toHaveBeenCalledTimes(1);
    await cache.fresh(performance.now());
    expect(reads).toHaveBeenCalledTimes(2);
    expect(await cache.appByKey('no-such-key')).toBeUndefined();
    const { key: later } = await dir.addApp(other.db, { name: 'Hệ thống mới', unitId, version: '1.0', approvalDoc: '2/QĐ', dailyQuota: null, activeFrom: null }, Date.now());
    // The counter moved too, but even without a fresh read the unknown key was not remembered.
    expect((await cache.appByKey(later))?.name).toBe('Hệ thống mới');
  });

  it('hands out frozen rows, so one caller cannot change what the next one sees', async () => {
    const cache = await new DirectoryCache(storage.db).fresh();
    const rules = await cache.localRules(unitId);
    expect(Object.isFrozen(await cache.userByUsername('motcua01'))).toBe(true);
    expect(Object.isFrozen(rules) && rules.every((r) => Object.isFrozen(r))).toBe(true);
  });

  it('watches every table the lookup path caches', async () => {
    const names = engine === 'sqlite'
      ? (await sql<{ name: string; tbl_name: string }>`select name, tbl_name from sqlite_master where type = 'trigger'`.execute(storage.db)).rows.map((r) => r.tbl_name)
      : (await sql<{ tbl_name: string }>`select event_object_table as tbl_name from information_schema.triggers`.execute(storage.db)).rows.map((r) => r.tbl_name);
    expect(new Set(names)).toEqual(new Set(WATCHED_TABLES));
  });
});

/** Runs `f` with the table's counter triggers removed, then puts them back (tests only). */
async function withoutTriggers(s: Storage, table: string, f: () => Promise<unknown>): Promise<void> {
  if (s.kind === 'postgres') {
    await sql.raw(`alter table ${table} disable trigger ${table}_directory_changed`).execute(s.db);
    try { await f(); } finally { await sql.raw(`alter table ${table} enable trigger ${table}_directory_changed`).execute(s.db); }
    return;
  }
  const triggers = (await sql<{ sql: string; name: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ${table}`.execute(s.db)).rows;
  for (const t of triggers) await sql.raw(`drop trigger ${t.name}`).execute(s.db);
  try { await f(); } finally { for (const t of triggers) await sql.raw(t.sql).execute(s.db); }
}
