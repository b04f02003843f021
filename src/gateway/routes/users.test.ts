import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dir from '../../storage/directory.js';
import { freshStorage, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, base32Decode, GOOD_PASSWORD, login, type Session } from '../../../test/support/staff.js';
import { totpCodeAt } from '../../core/password/index.js';

describe('the account lifecycle', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let admin: Session;
  let manager: Session;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const unit = await dir.addUnit(storage.db, { code: 'STP', name: 'Sở Tư pháp', dailyQuota: 10 }, Date.now());
    const other = await dir.addUnit(storage.db, { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', dailyQuota: 10 }, Date.now());
    await addStaff(storage, { username: 'quantri', role: 'admin', unitId: unit.id });
    await addStaff(storage, { username: 'lanhdao', role: 'manager', unitId: unit.id });
    await addStaff(storage, { username: 'hotich01', role: 'operator', unitId: unit.id });
    await addStaff(storage, { username: 'giaovu01', role: 'operator', unitId: other.id });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
    // The administrator enrols TOTP on the first login (required for the role), then logs in with a code.
    const first = await login(gw.app, 'quantri');
    const enroll = (await gw.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/enroll', headers: first.headers })).json();
    const secret = base32Decode(enroll.secret);
    await gw.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/confirm', headers: first.headers, payload: { code: totpCodeAt(secret, new Date())! } });
    admin = await login(gw.app, 'quantri', GOOD_PASSWORD, { totp: totpCodeAt(secret, new Date(Date.now() + 30_000))! });
    manager = await login(gw.app, 'lanhdao');
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });
  const post = (s: Session, url: string, payload: unknown = {}) => gw.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });

  it('a unit head requests an account, an administrator approves it, and the person activates it with the one-time code', async () => {
    const req = await post(manager, '/api/v1/account-requests', { username: 'hotich02', fullName: 'Công chức hộ tịch mới', role: 'operator' });
    expect(req.statusCode).toBe(200);
    expect(req.json()).toMatchObject({ status: 'pending', requestedBy: 'lanhdao', unitCode: 'STP' });
    const approved = await post(admin, `/api/v1/account-requests/${req.json().id}/approve`);
    expect(approved.statusCode).toBe(200);
    const code = approved.json().activationCode as string;
    const weak = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { username: 'hotich02', code, password: 'Abc@12345' } });
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const ok = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { username: 'hotich02', code, password: 'Sông-Hồng!Chảy8' } });
    expect(ok.statusCode).toBe(200);
    expect((await login(gw.app, 'hotich02', 'Sông-Hồng!Chảy8')).csrf).toBeTruthy();
    const again = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { username: 'hotich02', code, password: 'Sông-Hồng!Chảy9' } });
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('after a password reset, the new password may not be one of the account\'s last ten (TCVN 14423)', async () => {
    const unit = (await dir.unitByCode(gw.storage.db, 'STP'))!;
    await addStaff(gw.storage, { username: 'hotich03', role: 'operator', unitId: unit.id });
    const reset = await post(admin, '/api/v1/users/hotich03/reset-activation');
    expect(reset.statusCode).toBe(200);
    const code = reset.json().activationCode as string;
    const reused = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { username: 'hotich03', code, password: GOOD_PASSWORD } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('PASSWORD_POLICY');
    const fresh = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { username: 'hotich03', code, password: 'Sông-Đà!Chảy7' } });
    expect(fresh.statusCode).toBe(200);
  });

  it('a unit head cannot request accounts for another unit\'s roles of province scope', async () => {
    const r = await post(manager, '/api/v1/account-requests', { username: 'anninh02', fullName: 'Cán bộ an ninh', role: 'security' });
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it('nobody approves their own request', async () => {
    // An administrator who is also recorded as requester (e.g. through data migration) is refused.
    const row = await gw.storage.db.insertInto('account_requests').values({ username: 'tudeNghi', full_name: 'x', unit_id: 1, role: 'operator', requested_by: 'quantri', status: 'pending', decided_by: null, decided_at: null, note: null, created_at: Date.now() }).returning('id').executeTakeFirstOrThrow();
    const r = await post(admin, `/api/v1/account-requests/${row.id}/approve`);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it('disabling a leaver ends their session at once; a unit head cannot disable another unit\'s staff', async () => {
    const leaver = await login(gw.app, 'hotich01');
    expect((await post(manager, '/api/v1/users/giaovu01/disable', { reason: 'nghỉ việc' })).json().error.code).toBe('FORBIDDEN');
    expect((await post(manager, '/api/v1/users/hotich01/disable', { reason: 'nghỉ việc' })).statusCode).toBe(200);
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: leaver.headers })).statusCode).toBe(401);
    expect((await gw.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hotich01', password: GOOD_PASSWORD } })).json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('creates a service account only with a named responsible person (R7)', async () => {
    const bad = await post(admin, '/api/v1/users', { username: 'dongbo.vnedu', fullName: 'Đồng bộ CSDL ngành', unitCode: 'SGDDT', role: 'operator', serviceAccount: true });
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
    const ok = await post(admin, '/api/v1/users', { username: 'dongbo.vnedu', fullName: 'Đồng bộ CSDL ngành', unitCode: 'SGDDT', role: 'operator', serviceAccount: true, responsiblePerson: 'Trưởng phòng Tổ chức cán bộ' });
    expect(ok.statusCode).toBe(200);
    const list = (await gw.app.inject({ url: '/api/v1/users', headers: admin.headers })).json() as Array<{ username: string; serviceAccount: boolean; responsiblePerson: string }>;
    expect(list.find((u) => u.username === 'dongbo.vnedu')).toMatchObject({ serviceAccount: true, responsiblePerson: 'Trưởng phòng Tổ chức cán bộ' });
  });

  it('records every account event in the ledger', async () => {
    const ops = (await gw.storage.db.selectFrom('ledger').select('operation').where('category', '=', 'account').execute()).map((r) => r.operation);
    expect(ops).toEqual(expect.arrayContaining(['auth.login', 'account.mfa_enabled', 'account_request.create', 'account_request.approve', 'account.activated', 'user.disable', 'user.add']));
  });

  it('shows a unit head only the unit\'s accounts, and runs the quarterly access review', async () => {
    const list = (await gw.app.inject({ url: '/api/v1/users', headers: manager.headers })).json() as Array<{ unitCode: string }>;
    expect(new Set(list.map((u) => u.unitCode))).toEqual(new Set(['STP']));
    expect((await post(manager, '/api/v1/access-reviews', { username: 'hotich02', decision: 'confirm' })).statusCode).toBe(200);
    const review = (await gw.app.inject({ url: '/api/v1/access-reviews', headers: manager.headers })).json();
    expect(review.reviewed.map((r: { username: string }) => r.username)).toContain('hotich02');
    expect(review.pending).not.toContain('hotich02');
  });
});
