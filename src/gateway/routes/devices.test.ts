import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfDayMs } from '../../core/time.js';
import * as dir from '../../storage/directory.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

const TZ = 'Asia/Ho_Chi_Minh';
const HEADER = 'hostname,addresses,unit,os,osPatchedAt,avProduct,avSignatureAt,lastReportAt,software';
/** A console row for the machine the tests' requests come from (inject's 127.0.0.1). */
const row = (o: { signature: string; patched?: string; reported: string; software?: string; host?: string; address?: string }) =>
  `${o.host ?? 'MC-01'},${o.address ?? '127.0.0.1'},UBND-X,Windows 11 Pro,${o.patched ?? '01/10/2026'},Kaspersky Endpoint Security 12,${o.signature},${o.reported},${o.software ?? 'Zalo PC'}`;

const sessionFor = sessionHeaders;

describe('the device policy at the gateway (R10)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  const clock = startOfDayMs('2026-10-15', TZ) + 9 * 3600_000;
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage);
    const other = await dir.addUnit(storage.db, { code: 'KHAC', name: 'Đơn vị khác', dailyQuota: 10 }, clock);
    admin = await sessionFor(storage, await addStaff(storage, { username: 'quantri', role: 'admin', unitId: other.id, nowMs: clock }), clock);
    manager = await sessionFor(storage, await addStaff(storage, { username: 'lanhdao', role: 'manager', unitId: s.unitId, nowMs: clock }), clock);
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env: { DANCU_DEVICE_POLICY: 'on' }, now: () => new Date(clock) });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  const importReport = (lines: string[], extra: Record<string, unknown> = {}) =>
    gw.app.inject({ method: 'POST', url: '/api/v1/devices/import', headers: admin, payload: { content: [HEADER, ...lines].join('\n'), ...extra } });
  const lookup = (serial: number, headers: Record<string, string> = {}, remoteAddress?: string) =>
    gw.app.inject({ ...lookupRequest(s, { idNumber: idNumber(serial) }, { 'x-request-id': `dev-${serial}-${Math.random().toString(36).slice(2)}`, ...headers }), ...(remoteAddress ? { remoteAddress } : {}) });
  const ledgerOf = async (requestId: string) => gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', requestId).execute();

  it('refuses a lookup from an unknown device, records why, and spends nothing', async () => {
    const r = await lookup(1);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('DEVICE_NONCOMPLIANT');
    const entries = await ledgerOf(r.json().error.requestId);
    expect(entries.map((e) => e.outcome)).toEqual(['DEVICE_NONCOMPLIANT']);
    expect(JSON.parse(entries[0]!.detail!).reason).toBe('unknown device: client address outside the registered ranges');
    expect((await sim.stats()).calls).toBe(0);
  });

  it('importing a console report flips a device to non-compliant and its next lookup is refused; a fresh report restores it', async () => {
    const range = await gw.app.inject({ method: 'POST', url: '/api/v1/address-ranges', headers: admin, payload: { unitCode: 'UBND-X', cidr: '127.0.0.0/8', note: 'mạng nội bộ bộ phận một cửa' } });
    expect(range.json()).toMatchObject({ unitCode: 'UBND-X', cidr: '127.0.0.0/8' });

    const fresh = await importReport([row({ signature: '15/10/2026 06:00', reported: '15/10/2026 07:00' })]);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ created: 1, updated: 0, rejected: [], devices: [{ hostname: 'mc-01', compliant: true, reasons: [] }] });
    expect((await lookup(2)).statusCode).toBe(200);

    // The console's next report: the signatures stopped updating ten days ago, and a KMS activator appeared.
    const stale = await importReport([row({ signature: '05/10/2026', reported: '15/10/2026 08:00', software: 'Zalo PC;KMSpico 10.2' })]);
    expect(stale.json().devices).toEqual([{ hostname: 'mc-01', compliant: false, reasons: [
      { code: 'SIGNATURES_STALE', detail: 'signatures 10 days old (at most 3)' },
      { code: 'BLOCKED_SOFTWARE', detail: 'blocked software: KMSpico 10.2 [kms-activator]' },
    ] }]);
    const refused = await lookup(3);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('DEVICE_NONCOMPLIANT');
    const [entry] = await ledgerOf(refused.json().error.requestId);
    expect(JSON.parse(entry!.detail!).reason).toBe('mc-01 (address): signatures 10 days old (at most 3); blocked software: KMSpico 10.2 [kms-activator]');

    // An export delayed in transit, older than what is held, changes nothing.
    expect((await importReport([row({ signature: '15/10/2026 06:00', reported: '15/10/2026 07:30' })])).json()).toMatchObject({ stale: 1, updated: 0 });
    expect((await lookup(4)).json().error.code).toBe('DEVICE_NONCOMPLIANT');

    const restored = await importReport([row({ signature: '15/10/2026 08:30', reported: '15/10/2026 08:45' })]);
    expect(restored.json().devices[0]).toEqual({ hostname: 'mc-01', compliant: true, reasons: [] });
    expect((await lookup(5)).statusCode).toBe(200);

    const imports = await gw.storage.db.selectFrom('ledger').select(['operation', 'actor', 'detail']).where('operation', '=', 'devices.import').orderBy('seq').execute();
    expect(imports.map((e) => JSON.parse(e.detail!).noncompliant)).toEqual([0, 1, 0, 0]);
    expect(imports[1]!.actor).toBe('quantri');
  });

  it('recognises an enrolled device token from any address; the token is shown once, stored hashed, and can be revoked', async () => {
    await importReport([row({ host: 'LAPTOP-07', address: '198.51.100.7', signature: '15/10/2026', reported: '15/10/2026 08:50' })]);
    const device = (await gw.app.inject({ method: 'GET', url: '/api/v1/devices', headers: admin })).json().find((d: { hostname: string }) => d.hostname === 'laptop-07');
    expect(device.enrolled).toBe(false);
    const issued = await gw.app.inject({ method: 'POST', url: `/api/v1/devices/${device.id}/token`, headers: admin });
    const token = issued.json().token as string;
    expect(token).toMatch(/^dcd_/);
    const stored = await gw.storage.db.selectFrom('devices').select('token_hash').where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);

    expect((await lookup(6, {}, '203.0.113.9')).json().error.code).toBe('DEVICE_NONCOMPLIANT');
    expect((await lookup(7, { 'x-device-token': token }, '203.0.113.9')).statusCode).toBe(200);
    expect((await lookup(8, { 'x-device-token': 'dcd_not-enrolled' })).json().error.code).toBe('DEVICE_NONCOMPLIANT');

    expect((await gw.app.inject({ method: 'DELETE', url: `/api/v1/devices/${device.id}/token`, headers: admin })).json()).toEqual({ ok: true });
    expect((await lookup(9, { 'x-device-token': token }, '203.0.113.9')).json().error.code).toBe('DEVICE_NONCOMPLIANT');
  });

  it('reads a console export through a column mapping and lists the rows it left out', async () => {
    const content = 'Tên máy;IP;Nhóm;Sản phẩm;Ngày mẫu;Ngày vá\nKT-01;127.0.0.2;Phòng Một cửa;Bkav Endpoint;15/10/2026;10/10/2026\nKT-02;127.0.0.3;Không có;Bkav Endpoint;15/10/2026;10/10/2026\nKT-03;127.0.0.4;Phòng Một cửa;Bkav;31/02/2026;10/10/2026';
    const mapping = { delimiter: ';', columns: { hostname: 'Tên máy', addresses: 'IP', unit: 'Nhóm', avProduct: 'Sản phẩm', avSignatureAt: 'Ngày mẫu', osPatchedAt: 'Ngày vá' }, units: { 'Phòng Một cửa': 'UBND-X' } };
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/devices/import', headers: admin, payload: { content, mapping } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ format: 'csv', created: 1, devices: [{ hostname: 'kt-01', compliant: true }] });
    expect(r.json().rejected).toEqual([
      { row: 4, hostname: 'kt-03', problem: 'unreadable avSignatureAt "31/02/2026"' },
      { row: 2, hostname: 'kt-02', problem: 'unknown unit Không có' },
    ]);
    const bad = await gw.app.inject({ method: 'POST', url: '/api/v1/devices/import', headers: admin, payload: { content, mapping: { columns: { ip: 'IP' } } } });
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
  });

  it('shows a unit head the devices and the compliance report of their own unit only', async () => {
    const list = await gw.app.inject({ method: 'GET', url: '/api/v1/devices', headers: manager });
    expect(list.statusCode).toBe(200);
    expect(new Set(list.json().map((d: { unitCode: string }) => d.unitCode))).toEqual(new Set(['UBND-X']));
    expect((await gw.app.inject({ method: 'GET', url: '/api/v1/devices?unit=KHAC', headers: manager })).json().error.code).toBe('FORBIDDEN');
    const report = await gw.app.inject({ method: 'GET', url: '/api/v1/devices/report', headers: manager });
    expect(report.json()).toMatchObject({ devicePolicy: { on: true, source: 'environment' }, policy: { maxSignatureAgeDays: 3, maxPatchAgeDays: 30 } });
    expect(report.json().units).toEqual([{ unitCode: 'UBND-X', unitName: 'Ủy ban nhân dân xã thử nghiệm', devices: 3, compliant: 3, noncompliant: 0, enrolled: 0, ranges: 1, reasons: {} }]);
  });

  it('refuses malformed or over-wide address ranges', async () => {
    for (const cidr of ['10.0.0.0/33', 'mạng nội bộ', '0.0.0.0/0']) {
      const r = await gw.app.inject({ method: 'POST', url: '/api/v1/address-ranges', headers: admin, payload: { unitCode: 'UBND-X', cidr } });
      expect(r.json().error.code, cidr).toBe('INVALID_REQUEST');
    }
  });

  it('turns the device policy off and on again by an administrator\'s setting, overriding the environment', async () => {
    const off = await gw.app.inject({ method: 'PUT', url: '/api/v1/settings/compliance', headers: admin, payload: { devicePolicy: 'off' } });
    expect(off.json()).toMatchObject({ devicePolicy: 'off', devicePolicySource: 'setting' });
    expect((await lookup(10, {}, '203.0.113.9')).statusCode).toBe(200);
    await gw.app.inject({ method: 'PUT', url: '/api/v1/settings/compliance', headers: admin, payload: { devicePolicy: 'on' } });
    expect((await lookup(11, {}, '203.0.113.9')).json().error.code).toBe('DEVICE_NONCOMPLIANT');
    const changes = await gw.storage.db.selectFrom('ledger').select('detail').where('operation', '=', 'settings.compliance').orderBy('seq').execute();
    expect(changes.map((c) => JSON.parse(c.detail!).after.devicePolicy)).toEqual(['off', 'on']);
  });
});
