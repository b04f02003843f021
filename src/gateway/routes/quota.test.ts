import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dir from '../../storage/directory.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

describe('GET /api/v1/quota', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  let other: Seeded;
  let auditor: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 100, usernames: ['motcua01', 'motcua02'] });
    await storage.db.updateTable('users').set({ daily_quota: 40 }).where('username', '=', 'motcua02').execute();
    other = await seedBasics(storage, { unitCode: 'UBND-Y', unitQuota: 50, usernames: ['motcua09'] });
    const unit = (await dir.unitByCode(storage.db, 'UBND-X'))!;
    auditor = await sessionHeaders(storage, await addStaff(storage, { username: 'thanhtra01', role: 'auditor', unitId: unit.id }));
    admin = await sessionHeaders(storage, await addStaff(storage, { username: 'quantri01', role: 'admin', unitId: unit.id }));
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
    for (const n of [1, 2, 3]) expect((await gw.app.inject(lookupRequest(s, { idNumber: idNumber(n) }))).statusCode).toBe(200);
    expect((await gw.app.inject(lookupRequest(other, { idNumber: idNumber(4) }, { 'x-on-behalf-of': 'motcua09' }))).statusCode).toBe(200);
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('shows today\'s use of each person and system, with no cap and nothing remaining to count where they have no cap of their own', async () => {
    const q = (await gw.app.inject({ url: '/api/v1/quota', headers: auditor })).json();
    expect(q.province).toMatchObject({ used: 4 });
    expect(q.users).toEqual([
      { username: 'motcua01', unitCode: 'UBND-X', used: 3, cap: null, remaining: null },
      // A person with a cap is shown before any use.
      { username: 'motcua02', unitCode: 'UBND-X', used: 0, cap: 40, remaining: 40 },
      { username: 'motcua09', unitCode: 'UBND-Y', used: 1, cap: null, remaining: null },
    ]);
    expect(q.apps.map((a: { id: string; used: number; cap: number | null }) => [a.id, a.used, a.cap]).sort()).toEqual([[other.appId, 1, null], [s.appId, 3, null]].sort());
  });

  it('shows a system only its own unit\'s people and systems', async () => {
    const q = (await gw.app.inject({ url: '/api/v1/quota', headers: { authorization: `Bearer ${other.appKey}` } })).json();
    expect(q.users.map((u: { username: string }) => u.username)).toEqual(['motcua09']);
    expect(q.apps.map((a: { id: string }) => a.id)).toEqual([other.appId]);
    expect(q.units.map((u: { code: string }) => u.code)).toEqual(['UBND-X', 'UBND-Y']);
  });

  it('keeps the units\' allocations within the province\'s usable cap (R1): a raise past it is refused, a new unit too', async () => {
    // Cap 9,500 (10,000 less 5 %); UBND-X has 100, so UBND-Y may have at most 9,400.
    const patch = (dailyQuota: number) => gw.app.inject({ method: 'PATCH', url: '/api/v1/units/UBND-Y', headers: admin, payload: { dailyQuota } });
    const over = await patch(9401);
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(over.json().error.message).toContain('9400/ngày');
    expect((await patch(9400)).statusCode).toBe(200);
    const added = await gw.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'UBND-Z', name: 'UBND xã Z', dailyQuota: 1 } });
    expect(added.json().error.code).toBe('INVALID_REQUEST');
    expect((await gw.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'UBND-Z', name: 'UBND xã Z', dailyQuota: 0 } })).statusCode).toBe(200);
  });
});
