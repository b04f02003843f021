import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../core/password/index.js';
import * as dir from '../../storage/directory.js';
import { draft, LedgerWriter } from '../../storage/ledger-writer.js';
import { freshStorage, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, base32Decode, GOOD_PASSWORD, login } from '../../../test/support/staff.js';

describe('staff login and sessions', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let now = Date.parse('2026-11-23T02:00:00Z');
  let unitId = 0;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    unitId = (await dir.addUnit(storage.db, { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công', dailyQuota: 10 }, now)).id;
    for (const u of ['motcua01', 'motcua02', 'khoa01', 'cu01', 'het01', 'bo01']) await addStaff(storage, { username: u, role: 'operator', unitId, nowMs: now });
    await addStaff(storage, { username: 'quantri', role: 'admin', unitId, nowMs: now });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, now: () => new Date(now) });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => gw.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('logs in with a session-only, HttpOnly, SameSite=Strict cookie and answers /me without storing anything in the browser', async () => {
    const r = await post('/api/v1/auth/login', { username: 'motcua01', password: GOOD_PASSWORD });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/dancu_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    expect(r.headers['cache-control']).toBe('no-store');
    const me = await gw.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json()).toMatchObject({ username: 'motcua01', role: 'operator', unitCode: 'TTPVHCC', restriction: null });
  });

  it('answers an unknown username and a wrong password identically', async () => {
    const a = await post('/api/v1/auth/login', { username: 'khongtontai', password: 'Sai-MatKhau!9x' });
    const b = await post('/api/v1/auth/login', { username: 'motcua02', password: 'Sai-MatKhau!9x' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(a.statusCode);
    const strip = (x: string) => JSON.parse(x).error;
    expect({ ...strip(a.body), requestId: '' }).toEqual({ ...strip(b.body), requestId: '' });
  });

  it('locks after the 5th wrong password: the right password then gets ACCOUNT_LOCKED, and an unknown name behaves the same', async () => {
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/auth/login', { username: 'khoa01', password: 'Sai-MatKhau!9x' })).json().error.code).toBe('INVALID_CREDENTIALS');
    const right = await post('/api/v1/auth/login', { username: 'khoa01', password: GOOD_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/login', { username: 'ma01', password: 'Sai-MatKhau!9x' });
    expect((await post('/api/v1/auth/login', { username: 'ma01', password: GOOD_PASSWORD })).json().error.code).toBe('ACCOUNT_LOCKED');
    now += 16 * 60_000;
    expect((await post('/api/v1/auth/login', { username: 'khoa01', password: GOOD_PASSWORD })).statusCode).toBe(200);
  });

  it('ends the older session when the account logs in from another browser, and records a possible shared account', async () => {
    const first = await login(gw.app, 'motcua02');
    const second = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua02', password: GOOD_PASSWORD }, headers: { 'user-agent': 'another-browser' } });
    expect(second.statusCode).toBe(200);
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: first.headers })).statusCode).toBe(401);
    const events = await gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'session.shared_suspected').where('actor', '=', 'motcua02').execute();
    expect(events).toHaveLength(1);
  });

  it('ends a session idle for 15 minutes, and an administrator\'s after 5', async () => {
    const op = await login(gw.app, 'cu01');
    const admin = await login(gw.app, 'quantri');
    now += 6 * 60_000;
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: op.headers })).statusCode).toBe(200);
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: admin.headers })).statusCode).toBe(401);
    now += 15 * 60_000;
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: op.headers })).statusCode).toBe(401);
  });

  it('refuses a state-changing call without the CSRF token', async () => {
    const s = await login(gw.app, 'bo01');
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(403);
    const ok = await gw.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['clear-site-data']).toContain('cookies');
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('lets an account with an expired password do nothing but change it', async () => {
    now += 91 * 86_400_000;
    await gw.storage.db.updateTable('users').set({ last_login_at: now }).where('username', '=', 'het01').execute();
    const s = await login(gw.app, 'het01');
    const me = await gw.app.inject({ url: '/api/v1/auth/me', headers: s.headers });
    expect(me.json().restriction).toBe('password');
    const lookup = await gw.app.inject({ method: 'POST', url: '/api/v1/lookups', headers: s.headers, payload: {} });
    expect(lookup.statusCode).toBe(403);
    expect(lookup.json().error.code).toBe('PASSWORD_EXPIRED');
    const weak = await post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Matkhau@123' }, s.headers);
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const reuse = await post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD }, s.headers);
    expect(reuse.json().error.code).toBe('PASSWORD_POLICY');
    const ok = await post('/api/v1/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Mây-Trắng!Bay7x' }, s.headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.restriction).toBeNull();
  });

  it('disables an account unused for 45 days at its next login', async () => {
    const t = now;
    await gw.storage.db.updateTable('users').set({ last_login_at: t - 46 * 86_400_000 }).where('username', '=', 'motcua01').execute();
    const r = await post('/api/v1/auth/login', { username: 'motcua01', password: GOOD_PASSWORD });
    expect(r.json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await dir.userByUsername(gw.storage.db, 'motcua01'))?.disabled_reason).toBe('dormant');
  });

  it('keeps an account whose logins say dormant when a connected system looked citizens up on the person\'s behalf meanwhile', async () => {
    await gw.storage.db.updateTable('users').set({ last_login_at: now - 60 * 86_400_000 }).where('username', '=', 'motcua02').execute();
    // Written on the suite's clock, which earlier tests moved months ahead of the wall clock the gateway's writer uses.
    const writer = new LedgerWriter(gw.storage, gw.keys, { instanceId: 'connected-system', now: () => now - 2 * 86_400_000 });
    await writer.append(draft({ request_id: 'on-behalf-1', category: 'lookup', operation: 'lookup.result', outcome: 'OK', actor: 'motcua02', unit_code: 'TTPVHCC' }));
    const r = await post('/api/v1/auth/login', { username: 'motcua02', password: GOOD_PASSWORD });
    expect(r.statusCode, r.body).toBe(200);
    expect((await dir.userByUsername(gw.storage.db, 'motcua02'))?.status).toBe('active');
  });

  it('requires an administrator to enrol TOTP before anything else, then asks for the code at login', async () => {
    await gw.storage.db.updateTable('users').set({ last_login_at: now, password_changed_at: now }).where('username', '=', 'quantri').execute();
    const s = await login(gw.app, 'quantri');
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: s.headers })).json().restriction).toBe('mfa');
    const enroll = await post('/api/v1/auth/mfa/enroll', {}, s.headers);
    const secret = Buffer.from(base32Decode(enroll.json().secret));
    const code = totpCodeAt(secret, new Date(now))!;
    const confirm = await post('/api/v1/auth/mfa/confirm', { code }, s.headers);
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    expect((await gw.app.inject({ url: '/api/v1/auth/me', headers: s.headers })).json().restriction).toBeNull();
    now += 60_000;
    expect((await post('/api/v1/auth/login', { username: 'quantri', password: GOOD_PASSWORD })).json().error.code).toBe('MFA_REQUIRED');
    const withCode = await post('/api/v1/auth/login', { username: 'quantri', password: GOOD_PASSWORD, totp: totpCodeAt(secret, new Date(now))! });
    expect(withCode.statusCode).toBe(200);
    const replay = await post('/api/v1/auth/login', { username: 'quantri', password: GOOD_PASSWORD, totp: totpCodeAt(secret, new Date(now))! });
    expect(replay.json().error.code).toBe('INVALID_CREDENTIALS');
    const recovery = await post('/api/v1/auth/login', { username: 'quantri', password: GOOD_PASSWORD, totp: confirm.json().recoveryCodes[0] });
    expect(recovery.statusCode).toBe(200);
  });
});
