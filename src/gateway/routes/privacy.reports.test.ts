import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/index.js';
import { dayKey } from '../../core/time.js';
import { idNumberHmac } from '../../keys.js';
import type { Storage } from '../../storage/db.js';
import { deleteCalendarOverride, putCalendarOverride } from '../../storage/registry.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

/** A live session without the MFA enrolment step (as the role-by-route test does). */
const session = (storage: Storage, userId: number) => sessionHeaders(storage, userId);

describe('data-subject reports (Luật 91/2025/QH15: who processed my data)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  const as: Record<string, Record<string, string>> = {};
  const A = idNumber(101);
  const B = idNumber(102);
  const NEVER = idNumber(103);
  const lookupsOfA: string[] = [];

  const reportOf = (who: string, idNumberValue: string, extra: Record<string, unknown> = {}, pdf = false) =>
    gw.app.inject({ method: 'POST', url: `/api/v1/data-subject-reports${pdf ? '/pdf' : ''}`, headers: as[who]!, payload: { idNumber: idNumberValue, ...extra } });

  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 100 });
    for (const [username, role] of [['anninh01', 'security'], ['kiemtra01', 'auditor'], ['quantri01', 'admin'], ['motcua02', 'operator']] as const) {
      as[username] = await session(storage, await addStaff(storage, { username, role, unitId: s.unitId }));
    }
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });

    const call = async (id: string, requestId: string, body: Record<string, unknown> = {}, url2 = '/api/v1/lookups') => {
      const req = lookupRequest(s, { idNumber: id, ...body }, { 'x-request-id': requestId });
      return gw.app.inject({ ...req, url: url2 });
    };
    expect((await call(A, 'a-1')).statusCode).toBe(200);
    expect((await call(B, 'b-1')).statusCode).toBe(200);
    expect((await call(A, 'a-2', { fields: ['fullName'], dossierCode: 'H12-260302-0042' })).statusCode).toBe(200);
    expect((await call(A, 'a-3', { procedureCode: '9.999999' })).json().error.code).toBe('UNKNOWN_PROCEDURE');
    expect((await call(A, 'a-4', { fullName: 'Nguyễn Văn An', dateOfBirth: '1985-01-01' }, '/api/v1/verifications')).statusCode).toBe(200);
    expect((await call(B, 'b-2', { fields: ['gender'] })).statusCode).toBe(200);
    // A person at the one-stop desk, in the portal.
    const portal = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', headers: { ...as['motcua02']!, 'x-request-id': 'a-5' }, payload: { idNumber: A, procedureCode: '1.001193', dossierCode: 'H12-260302-0050', purpose: 'Đăng ký khai sinh' } });
    expect(portal.statusCode).toBe(200);
    lookupsOfA.push('a-1', 'a-2', 'a-3', 'a-4', 'a-5');
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('lists exactly the lookups and verifications made of the number, and none of another number', async () => {
    const r = await reportOf('kiemtra01', A);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const rows = await gw.storage.db.selectFrom('ledger').select(['seq', 'request_id']).execute();
    const requestOf = new Map(rows.map((x) => [x.seq, x.request_id]));
    expect(body.entries.map((e: { seq: number }) => requestOf.get(e.seq))).toEqual(lookupsOfA);
    expect(body.idNumberMasked).toBe('001******101');
    expect(body.hold).toBeNull();
    const [a1, a2, a3, a4, a5] = body.entries;
    expect(a1).toMatchObject({ kind: 'lookup', reachedUpstream: true, outcome: 'OK', unitCode: 'UBND-X', unitName: 'Ủy ban nhân dân xã thử nghiệm', user: 'motcua01', appId: s.appId, appName: 'Hệ thống TTHC', appVersion: '1.0.0', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: 'H12.01-260101-0001' });
    expect(a1.fieldsReturned.sort()).toEqual(['dateOfBirth', 'fullName', 'gender', 'idNumber', 'permanentAddress']);
    expect(a2).toMatchObject({ dossierCode: 'H12-260302-0042', fieldsReturned: ['fullName'] });
    expect(a3).toMatchObject({ kind: 'lookup', reachedUpstream: false, outcome: 'UNKNOWN_PROCEDURE', procedureCode: '9.999999' });
    expect(a4).toMatchObject({ kind: 'verification', reachedUpstream: true, outcome: 'OK' });
    expect(a5).toMatchObject({ kind: 'lookup', user: 'motcua02', appId: null, dossierCode: 'H12-260302-0050' });
    for (const e of body.entries) expect(Date.parse(e.time)).toBeGreaterThan(0);
    expect(r.body).not.toContain(A);
  });

  it('records the report in the ledger with the number only as HMAC and masked', async () => {
    const r = await reportOf('kiemtra01', A, { requestReceivedOn: dayKey(new Date(), 'Asia/Ho_Chi_Minh'), requestReference: 'YC-2026/015' });
    expect(r.statusCode).toBe(200);
    expect(r.json().request).toMatchObject({ late: false });
    expect(r.json().entries).toHaveLength(lookupsOfA.length);
    const entry = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ category: 'privacy', operation: 'data_subject.report', outcome: 'OK', actor: 'kiemtra01', id_hmac: idNumberHmac(gw.keys, A), id_masked: '001******101', dossier_code: 'YC-2026/015' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ format: 'json', entries: lookupsOfA.length });
    const all = JSON.stringify(await gw.storage.db.selectFrom('ledger').selectAll().execute());
    expect(all).not.toContain(A);
  });

  it('counts the 2-working-day acknowledgement on the province\'s calendar, with the administrators\' corrections', async () => {
    const today = dayKey(new Date(), 'Asia/Ho_Chi_Minh');
    const before = (await reportOf('kiemtra01', A, { requestReceivedOn: today })).json().request.acknowledgeBy as string;
    // The administrators declare the next seven days off (say, a decreed closure): the deadline moves past them.
    const closure = Array.from({ length: 7 }, (_, i) => addDays(today, i + 1));
    const years = [...new Set(closure.map((d) => Number(d.slice(0, 4))))];
    for (const y of years) {
      await putCalendarOverride(gw.storage.db, y, { daysOff: closure.filter((d) => d.startsWith(`${y}-`)).map((date) => ({ date, label: 'Nghỉ theo quyết định' })), workingSaturdays: [] }, 'quantri', Date.now());
    }
    try {
      const after = (await reportOf('kiemtra01', A, { requestReceivedOn: today })).json().request.acknowledgeBy as string;
      expect(after > closure[6]!).toBe(true);
      expect(after > before).toBe(true);
    } finally {
      for (const y of years) await deleteCalendarOverride(gw.storage.db, y);
    }
  });

  it('gives an empty report for a number nobody looked up', async () => {
    const r = await reportOf('anninh01', NEVER);
    expect(r.statusCode).toBe(200);
    expect(r.json().entries).toEqual([]);
  });

  it('refuses malformed numbers and administrators', async () => {
    expect((await reportOf('kiemtra01', '0010851')).json().error.code).toBe('INVALID_REQUEST');
    expect((await reportOf('kiemtra01', A, { requestReference: 'có dấu cách' })).json().error.code).toBe('INVALID_REQUEST');
    const admin = await reportOf('quantri01', A);
    expect(admin.statusCode).toBe(403);
  });

  it('renders the report as a PDF', async () => {
    const r = await reportOf('kiemtra01', A, {}, true);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-xu-ly-du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = await gw.storage.db.selectFrom('ledger').select('detail').where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail!)).toMatchObject({ format: 'pdf' });
  });

  describe('delayed disclosure', () => {
    let holdId = 0;
    it('lets security hold a case back, recording the hold but not its reason', async () => {
      const until = addDays(dayKey(new Date(), 'Asia/Ho_Chi_Minh'), 30);
      const r = await gw.app.inject({ method: 'POST', url: '/api/v1/data-subject-holds', headers: as['anninh01']!, payload: { idNumber: A, reason: 'Đang xác minh vụ việc số 12/VV', until } });
      expect(r.statusCode).toBe(201);
      holdId = r.json().id;
      expect(r.json()).toMatchObject({ idNumberMasked: '001******101', createdBy: 'anninh01', releasedAt: null });
      const entry = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ category: 'privacy', operation: 'data_subject.hold', id_hmac: idNumberHmac(gw.keys, A), id_masked: '001******101' });
      expect(JSON.stringify(entry)).not.toContain('12/VV');
      const list = await gw.app.inject({ method: 'GET', url: '/api/v1/data-subject-holds', headers: as['anninh01']! });
      expect(list.json().holds.map((h: { id: number }) => h.id)).toEqual([holdId]);
      expect(list.body).not.toContain(A);
    });

    it('refuses the report to auditors with FORBIDDEN and a clear message, and records the attempt', async () => {
      const r = await reportOf('kiemtra01', A);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
      expect(r.json().error.message).toMatch(/tạm hoãn/);
      const en = await gw.app.inject({ method: 'POST', url: '/api/v1/data-subject-reports/pdf', headers: { ...as['kiemtra01']!, 'accept-language': 'en' }, payload: { idNumber: A } });
      expect(en.statusCode).toBe(403);
      expect(en.json().error.message).toMatch(/held back/);
      const entry = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ operation: 'data_subject.report', outcome: 'FORBIDDEN', actor: 'kiemtra01', id_hmac: idNumberHmac(gw.keys, A) });
      expect(JSON.parse(entry.detail!)).toMatchObject({ reason: 'HELD' });
      // Another number is not held.
      expect((await reportOf('kiemtra01', B)).statusCode).toBe(200);
    });

    it('keeps the held number out of ledger searches too, except for security, and records the refused search', async () => {
      const search = (who: string, id: string) => gw.app.inject({ method: 'GET', url: `/api/v1/ledger?idNumber=${id}`, headers: as[who]! });
      for (const who of ['kiemtra01', 'quantri01']) {
        const r = await search(who, A);
        expect(r.statusCode).toBe(403);
        expect(r.json().error.message).toMatch(/tạm hoãn.*chỉ bộ phận an ninh/);
        expect(r.body).not.toContain('a-1');
        const entry = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
        expect(entry).toMatchObject({ category: 'inspection', operation: 'ledger.search', outcome: 'FORBIDDEN', actor: who, id_hmac: idNumberHmac(gw.keys, A), id_masked: '001******101' });
      }
      const bySecurity = await search('anninh01', A);
      expect(bySecurity.statusCode).toBe(200);
      expect(bySecurity.json().entries.map((e: { requestId: string }) => e.requestId)).toEqual(expect.arrayContaining(lookupsOfA));
      // Another number is not held; other filters still work for the auditor.
      expect((await search('kiemtra01', B)).statusCode).toBe(200);
    });

    it('still shows the held report to security, marked as held', async () => {
      const r = await reportOf('anninh01', A);
      expect(r.statusCode).toBe(200);
      expect(r.json().hold).toMatchObject({ until: expect.any(String) });
      expect(r.json().entries).toHaveLength(lookupsOfA.length);
      expect((await reportOf('anninh01', A, {}, true)).statusCode).toBe(200);
    });

    it('refuses a hold that ends in the past, and lifts a hold on release', async () => {
      const bad = await gw.app.inject({ method: 'POST', url: '/api/v1/data-subject-holds', headers: as['anninh01']!, payload: { idNumber: B, reason: 'x', until: '2020-01-01' } });
      expect(bad.json().error.code).toBe('INVALID_REQUEST');
      expect((await gw.app.inject({ method: 'POST', url: '/api/v1/data-subject-holds', headers: as['kiemtra01']!, payload: { idNumber: B, reason: 'x', until: '2099-01-01' } })).statusCode).toBe(403);
      const rel = await gw.app.inject({ method: 'POST', url: `/api/v1/data-subject-holds/${holdId}/release`, headers: as['anninh01']! });
      expect(rel.statusCode).toBe(200);
      expect(rel.json().releasedBy).toBe('anninh01');
      expect((await gw.app.inject({ method: 'POST', url: `/api/v1/data-subject-holds/${holdId}/release`, headers: as['anninh01']! })).json().error.code).toBe('NOT_FOUND');
      expect((await reportOf('kiemtra01', A)).statusCode).toBe(200);
      expect((await gw.app.inject({ method: 'GET', url: `/api/v1/ledger?idNumber=${A}`, headers: as['kiemtra01']! })).statusCode).toBe(200);
      const released = await gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'data_subject.hold_released').executeTakeFirstOrThrow();
      expect(released.id_hmac).toBe(idNumberHmac(gw.keys, A));
    });
  });
});
