import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfDayMs } from '../../core/time.js';
import type { Storage } from '../../storage/db.js';
import * as dir from '../../storage/directory.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

const TZ = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;

describe('acknowledging the rules before looking anyone up (R11)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  let storage: Storage;
  let clock = startOfDayMs('2026-10-15', TZ) + 9 * 3600_000;
  const ids = new Map<string, number>();
  /** A fresh session at the current clock (sessions end after 15 idle minutes, so the tests make new ones after moving the clock). */
  const session = (username: string): Promise<Record<string, string>> => sessionHeaders(gw.storage, ids.get(username)!, clock);
  beforeAll(async () => {
    sim = await startSimulator();
    const fresh = await freshStorage('sqlite');
    storage = fresh.storage;
    s = await seedBasics(storage, { usernames: ['motcua01', 'motcua02'] });
    for (const u of await dir.listUsers(storage.db)) ids.set(u.username, u.id);
    const other = await dir.addUnit(storage.db, { code: 'KHAC', name: 'Đơn vị khác', dailyQuota: 10 }, clock);
    ids.set('quantri', await addStaff(storage, { username: 'quantri', role: 'admin', unitId: other.id, nowMs: clock }));
    ids.set('lanhdao', await addStaff(storage, { username: 'lanhdao', role: 'manager', unitId: s.unitId, nowMs: clock }));
    await storage.close();
    gw = await startGateway({ storageUrl: fresh.url, dataDir: fresh.dataDir, upstreamUrl: sim.url, env: { DANCU_REQUIRE_ACKNOWLEDGEMENT: 'true' }, now: () => new Date(clock) });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  const lookup = (serial: number, actor = 'motcua01') => gw.app.inject(lookupRequest(s, { idNumber: idNumber(serial) }, { 'x-on-behalf-of': actor }));
  const rules = async (username: string) => (await gw.app.inject({ method: 'GET', url: '/api/v1/rules', headers: await session(username) })).json();
  const acknowledge = async (username: string, version: string) => gw.app.inject({ method: 'POST', url: '/api/v1/acknowledgements', headers: await session(username), payload: { version } });
  const publish = async (body: Record<string, unknown>) => gw.app.inject({ method: 'POST', url: '/api/v1/rules', headers: await session('quantri'), payload: { title: 'Quy chế bảo đảm an toàn thông tin', version: '1.0', effectiveFrom: '2026-10-01', text: 'Điều 1. Không chia sẻ tài khoản.', ...body } });

  it('a user who has not acknowledged the current rules cannot look anyone up; after acknowledging, they can', async () => {
    const refused = await lookup(1);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const [entry] = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', refused.json().error.requestId).execute();
    expect(entry).toMatchObject({ outcome: 'ACKNOWLEDGEMENT_REQUIRED', actor: 'motcua01' });
    expect((await sim.stats()).calls).toBe(0);

    const library = await rules('motcua01');
    expect(library.acknowledgement).toMatchObject({ required: true, current: false, reason: 'never' });
    expect(library.instruments.find((i: { number: string }) => i.number === '13/2023/NĐ-CP')).toMatchObject({ status: 'no_longer_in_force', inCurrentSet: false });
    expect(library.instruments.find((i: { number: string }) => i.number === '91/2025/QH15')).toMatchObject({ status: 'in_force', inCurrentSet: true, effectiveFrom: { date: '2026-01-01', tag: 'V' } });

    const ack = await acknowledge('motcua01', library.version);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ current: true, version: library.version, acknowledgedVersion: library.version, expiresAt: new Date(clock + 365 * DAY).toISOString() });
    expect((await lookup(2)).statusCode).toBe(200);
    // Acknowledgement is personal: a colleague of the same unit still has to.
    expect((await lookup(3, 'motcua02')).json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
  });

  it('changing the rules requires acknowledging again, and an outdated version cannot be acknowledged', async () => {
    const before = (await rules('motcua01')).version;
    const published = await publish({ code: 'QC-ATTT' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ unitCode: null, code: 'QC-ATTT', version: '1.0', inForce: true, createdBy: 'quantri' });

    expect((await lookup(4)).json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const library = await rules('motcua01');
    expect(library.version).not.toBe(before);
    expect(library.acknowledgement).toMatchObject({ current: false, reason: 'rules_changed', acknowledgedVersion: before });
    expect(library.rules).toMatchObject([{ code: 'QC-ATTT', text: 'Điều 1. Không chia sẻ tài khoản.', inForce: true }]);

    const outdated = await acknowledge('motcua01', before);
    expect(outdated.json().error.code).toBe('INVALID_REQUEST');
    expect((await acknowledge('motcua01', library.version)).statusCode).toBe(200);
    expect((await lookup(5)).statusCode).toBe(200);

    const events = await gw.storage.db.selectFrom('ledger').select(['operation', 'actor', 'detail']).where('category', '=', 'rules').orderBy('seq').execute();
    expect(events.map((e) => [e.operation, e.actor])).toEqual([['rules.acknowledge', 'motcua01'], ['rule.publish', 'quantri'], ['rules.acknowledge', 'motcua01']]);
    expect(JSON.parse(events[2]!.detail!)).toMatchObject({ version: library.version, rules: ['QC-ATTT@1.0'] });
  });

  it('asks again only those the change concerns: another unit\'s rule, or one not yet in force, changes nothing today', async () => {
    expect((await publish({ code: 'QC-KHAC', unitCode: 'KHAC' })).statusCode).toBe(200);
    expect((await publish({ code: 'QC-ATTT', version: '2.0', effectiveFrom: '2026-11-01', text: 'Điều 1 (sửa đổi).' })).json()).toMatchObject({ inForce: false });
    expect((await lookup(6)).statusCode).toBe(200);
    expect((await publish({ code: 'QC-ATTT', version: '2.0' })).json().error.code).toBe('INVALID_REQUEST');

    // On the day the new version takes effect, everyone in the province acknowledges it again.
    clock = startOfDayMs('2026-11-01', TZ) + 8 * 3600_000;
    expect((await lookup(7)).json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const library = await rules('motcua01');
    expect(library.rules).toMatchObject([{ code: 'QC-ATTT', version: '2.0', text: 'Điều 1 (sửa đổi).' }]);
    expect((await acknowledge('motcua01', library.version)).statusCode).toBe(200);
    expect((await lookup(8)).statusCode).toBe(200);
  });

  it('asks again after a year', async () => {
    clock += 364 * DAY;
    expect((await lookup(9)).statusCode).toBe(200);
    clock += DAY;
    expect((await lookup(10)).json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const me = await gw.app.inject({ method: 'GET', url: '/api/v1/acknowledgements/me', headers: await session('motcua01') });
    expect(me.json()).toMatchObject({ current: false });
    expect(['expired', 'rules_changed']).toContain(me.json().reason);
    expect((await acknowledge('motcua01', (await rules('motcua01')).version)).statusCode).toBe(200);
    expect((await lookup(11)).statusCode).toBe(200);
  });

  it('reports coverage per unit: a unit head sees their own unit and who is still to acknowledge', async () => {
    const mine = await gw.app.inject({ method: 'GET', url: '/api/v1/acknowledgements/report', headers: await session('lanhdao') });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().units).toEqual([expect.objectContaining({ unitCode: 'UBND-X', activeUsers: 3, acknowledged: 1, pending: [{ username: 'lanhdao', reason: 'never' }, { username: 'motcua02', reason: 'never' }] })]);
    expect((await gw.app.inject({ method: 'GET', url: '/api/v1/acknowledgements/report?unit=KHAC', headers: await session('lanhdao') })).json().error.code).toBe('FORBIDDEN');
    const all = await gw.app.inject({ method: 'GET', url: '/api/v1/acknowledgements/report', headers: await session('quantri') });
    expect(all.json().units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(['KHAC', 'UBND-X']);
  });

  it('lets an administrator turn the requirement off in the portal, overriding the environment', async () => {
    const admin = await session('quantri');
    const off = await gw.app.inject({ method: 'PUT', url: '/api/v1/settings/compliance', headers: admin, payload: { requireAcknowledgement: false } });
    expect(off.json()).toEqual({ requireAcknowledgement: false, requireAcknowledgementSource: 'setting', devicePolicy: 'off', devicePolicySource: 'environment' });
    expect((await lookup(12, 'motcua02')).statusCode).toBe(200);
    await gw.app.inject({ method: 'PUT', url: '/api/v1/settings/compliance', headers: admin, payload: { requireAcknowledgement: true } });
    expect((await lookup(13, 'motcua02')).json().error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect((await gw.app.inject({ method: 'PUT', url: '/api/v1/settings/compliance', headers: await session('lanhdao'), payload: { requireAcknowledgement: false } })).json().error.code).toBe('FORBIDDEN');
  });
});
