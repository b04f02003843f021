import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotaSummary } from '../../storage/quota-store.js';
import * as dir from '../../storage/directory.js';
import { setAppRegistry } from '../../storage/registry.js';
import { dayKey } from '../../core/time.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';

describe('POST /api/v1/lookups (refused before any quota is spent)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 100, usernames: ['motcua01', 'nghiviec'] });
    await storage.db.updateTable('users').set({ status: 'disabled' }).where('username', '=', 'nghiviec').execute();
    const other = await dir.addUnit(storage.db, { code: 'KHAC', name: 'Đơn vị khác', dailyQuota: 10 }, Date.now());
    await dir.addUser(storage.db, { username: 'donvikhac', fullName: 'Cán bộ đơn vị khác', unitId: other.id, role: 'operator', dailyQuota: null, activationCode: 'x', activationExpiresAt: 0 }, Date.now());
    await storage.db.updateTable('users').set({ status: 'active' }).where('username', '=', 'donvikhac').execute();
    // People of the app's own unit whom the app may still not act for: an auditor, and an operator
    // whose password was last changed 91 days ago (R8: at least every 3 months).
    for (const [username, role] of [['kiemtra', 'auditor'], ['quahan', 'operator']] as const) {
      await dir.addUser(storage.db, { username, fullName: 'Cán bộ thử nghiệm', unitId: s.unitId, role, dailyQuota: null, activationCode: 'x', activationExpiresAt: 0 }, Date.now());
    }
    await storage.db.updateTable('users').set({ status: 'active' }).where('username', 'in', ['kiemtra', 'quahan']).execute();
    await storage.db.updateTable('users').set({ password_changed_at: Date.now() - 91 * 86_400_000 }).where('username', '=', 'quahan').execute();
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  const cases: Array<[string, Record<string, unknown>, Record<string, string>, number, string]> = [
    ['an ID number of 11 digits', { idNumber: '00108500000' }, {}, 400, 'INVALID_ID_NUMBER'],
    ['an ID number born in the future', { idNumber: idNumber(1, '001', 4, 99) }, {}, 400, 'INVALID_ID_NUMBER'],
    ['a procedure not in the catalogue', { idNumber: idNumber(1), procedureCode: '9.999999' }, {}, 400, 'UNKNOWN_PROCEDURE'],
    ['a malformed dossier code', { idNumber: idNumber(1), dossierCode: 'hồ sơ 1' }, {}, 400, 'INVALID_REQUEST'],
    ['a dossier code over 64 characters', { idNumber: idNumber(1), dossierCode: 'A'.repeat(65) }, {}, 400, 'INVALID_REQUEST'],
    ['an empty purpose', { idNumber: idNumber(1), purpose: '   ' }, {}, 400, 'INVALID_REQUEST'],
    ['a field outside the procedure', { idNumber: idNumber(1), fields: ['fullName', 'religion'] }, {}, 403, 'FIELD_NOT_ALLOWED'],
    ['an unknown acting user', { idNumber: idNumber(1) }, { 'x-on-behalf-of': 'khongco' }, 403, 'FORBIDDEN'],
    ['a disabled acting user', { idNumber: idNumber(1) }, { 'x-on-behalf-of': 'nghiviec' }, 403, 'ACCOUNT_DISABLED'],
    ['an acting user of another unit', { idNumber: idNumber(1) }, { 'x-on-behalf-of': 'donvikhac' }, 403, 'FORBIDDEN'],
    ['an acting auditor, who never looks citizens up', { idNumber: idNumber(1) }, { 'x-on-behalf-of': 'kiemtra' }, 403, 'FORBIDDEN'],
    ['an acting user whose password expired', { idNumber: idNumber(1) }, { 'x-on-behalf-of': 'quahan' }, 403, 'PASSWORD_EXPIRED'],
    ['an unregistered client version', { idNumber: idNumber(1) }, { 'x-client-version': '9.9.9-tool' }, 403, 'APP_VERSION_NOT_APPROVED'],
    ['a missing client version', { idNumber: idNumber(1) }, { 'x-client-version': '' }, 403, 'APP_VERSION_NOT_APPROVED'],
  ];

  it.each(cases)('refuses %s with its code, spends nothing, never calls upstream, and records it', async (_name, body, headers, status, code) => {
    const callsBefore = (await sim.stats()).calls;
    const requestId = `refusal-${code}-${Math.random().toString(36).slice(2)}`;
    const r = await gw.app.inject(lookupRequest(s, body, { ...headers, 'x-request-id': requestId }));
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe(code);
    expect((await sim.stats()).calls).toBe(callsBefore);
    const q = await quotaSummary(gw.storage.db, dayKey(new Date(), 'Asia/Ho_Chi_Minh'), 10000, 9500);
    expect(q.province.used).toBe(0);
    const entries = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', requestId).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outcome).toBe(code);
  });

  it('refuses an app that is not approved in writing', async () => {
    const { key } = await dir.addApp(gw.storage.db, { name: 'Công cụ tự viết', unitId: s.unitId, version: '0.1', approvalDoc: null, dailyQuota: null, activeFrom: null }, Date.now());
    const r = await gw.app.inject(lookupRequest({ ...s, appKey: key, version: '0.1' }, { idNumber: idNumber(1) }));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('APP_NOT_APPROVED');
  });

  it('refuses an approved version until its planned date of use has come', async () => {
    await gw.storage.db.insertInto('app_versions').values({ app_id: s.appId, version: '1.1.0', status: 'approved', created_at: Date.now(), active_from: Date.now() + 86_400_000 }).execute();
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(1) }, { 'x-client-version': '1.1.0' }));
    expect(r.json().error.code).toBe('APP_VERSION_NOT_APPROVED');
    await gw.storage.db.updateTable('app_versions').set({ active_from: Date.now() - 1000 }).where('version', '=', '1.1.0').execute();
    const later = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(1) }, { 'x-client-version': '1.1.0' }));
    expect(later.statusCode).toBe(200);
  });

  it('uses a system only as registered (R2): its security level, the procedures it was approved to serve and their fields', async () => {
    const db = gw.storage.db;
    if (!(await dir.procedureByCode(db, '1.004222'))) {
      await dir.addProcedure(db, { code: '1.004222', name: 'Đăng ký kết hôn', fields: ['idNumber', 'fullName', 'religion', 'ethnicity'] }, Date.now());
    }
    const { app, key } = await dir.addApp(db, { name: 'Hệ thống hộ tịch', unitId: s.unitId, version: '2.0', approvalDoc: '02/TCT', dailyQuota: null, activeFrom: null }, Date.now());
    await setAppRegistry(db, app.id, { securityLevel: 3, procedures: ['1.001193'], fields: ['fullName', 'dateOfBirth'] });
    const registered = { ...s, appKey: key, version: '2.0' };
    const callsBefore = (await sim.stats()).calls;

    const other = await gw.app.inject(lookupRequest(registered, { idNumber: idNumber(7), procedureCode: '1.004222' }, { 'x-request-id': 'scope-proc-1' }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('APP_NOT_APPROVED');
    // The unapproved change of function is its own entry, for monitoring to alert security.
    const change = await db.selectFrom('ledger').selectAll().where('request_id', '=', 'scope-proc-1:change').executeTakeFirstOrThrow();
    expect(change.outcome).toBe('UNAPPROVED_CHANGE');
    expect(JSON.parse(change.detail!)).toMatchObject({ procedure: '1.004222', severity: 'high' });

    const outside = await gw.app.inject(lookupRequest(registered, { idNumber: idNumber(7), fields: ['gender'] }));
    expect(outside.json().error.code).toBe('FIELD_NOT_ALLOWED');
    expect((await sim.stats()).calls).toBe(callsBefore);

    const ok = await gw.app.inject(lookupRequest(registered, { idNumber: idNumber(7) }));
    expect(ok.statusCode).toBe(200);
    expect(Object.keys(ok.json().citizen).sort()).toEqual(['dateOfBirth', 'fullName']);

    await setAppRegistry(db, app.id, { securityLevel: 2 });
    const lowered = await gw.app.inject(lookupRequest(registered, { idNumber: idNumber(7) }));
    expect(lowered.statusCode).toBe(403);
    expect(lowered.json().error.code).toBe('APP_NOT_APPROVED');
  });

  it('refuses an unknown app key as UNAUTHENTICATED and records the attempt', async () => {
    const r = await gw.app.inject(lookupRequest({ ...s, appKey: 'dck_not-a-key' }, { idNumber: idNumber(1) }, { 'x-request-id': 'bad-key-1' }));
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
    const entries = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', 'bad-key-1').execute();
    expect(entries.map((e) => e.outcome)).toEqual(['UNAUTHENTICATED']);
  });
});
