import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshStorage } from '../../test/support/harness.js';
import { addAcknowledgement, addRange, addRule, deviceByToken, devicesByAddress, importDeviceReports, inventoryDevice, issueDeviceToken, lastAcknowledgement, latestAcknowledgements, listDevices, localRules, registeredRanges, revokeDeviceToken, ruleVersionExists, setComplianceSettings, storedComplianceSettings } from './compliance.js';
import type { Storage } from './db.js';
import * as dir from './directory.js';

const DAY = 86_400_000;

describe.each(['sqlite', 'postgres'] as const)('compliance storage on %s', (engine) => {
  let storage: Storage;
  let unitId: number;
  const T = Date.UTC(2026, 9, 15, 2);
  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    unitId = (await dir.addUnit(storage.db, { code: 'STP', name: 'Sở Tư pháp', dailyQuota: 10 }, T)).id;
  });
  afterAll(async () => {
    await storage.close();
  });

  it('imports devices, keeps what a report does not mention, and finds them by address', async () => {
    const first = await importDeviceReports(storage.db, [
      { hostname: 'stp-01', addresses: ['10.30.0.21'], unitCode: 'stp', avProduct: 'Bkav', avSignatureAt: T - 3600_000, software: ['Zalo PC'], lastReportAt: T - 60_000 },
      { hostname: 'stp-02', addresses: ['10.30.0.22', '10.30.0.23'] },
      { hostname: 'stp-03', unitCode: 'KHONGCO' },
    ], unitId, T);
    expect(first).toMatchObject({ created: 2, updated: 0, stale: 0, hostnames: ['stp-01', 'stp-02'], problems: [{ row: 3, hostname: 'stp-03', problem: 'unknown unit KHONGCO' }] });
    const second = await importDeviceReports(storage.db, [{ hostname: 'stp-01', avSignatureAt: T, lastReportAt: T }], null, T);
    expect(second).toMatchObject({ created: 0, updated: 1 });
    const [d] = await devicesByAddress(storage.db, '10.30.0.21');
    expect(inventoryDevice(d!)).toMatchObject({ hostname: 'stp-01', unitId, avProduct: 'Bkav', avSignatureAt: T, software: ['Zalo PC'], lastReportAt: T });
    expect((await devicesByAddress(storage.db, '10.30.0.23')).map((x) => x.hostname)).toEqual(['stp-02']);
    const moved = await importDeviceReports(storage.db, [{ hostname: 'stp-02', addresses: ['10.30.0.24'], lastReportAt: T + 1 }], null, T);
    expect(moved.updated).toBe(1);
    expect(await devicesByAddress(storage.db, '10.30.0.23')).toEqual([]);
    expect((await listDevices(storage.db, unitId)).map((x) => [x.hostname, x.unit_code])).toEqual([['stp-01', 'STP'], ['stp-02', 'STP']]);
    expect((await importDeviceReports(storage.db, [{ hostname: 'stp-01', avSignatureAt: 0, lastReportAt: T - DAY }], null, T)).stale).toBe(1);
  });

  it('stores only the hash of an enrolment token, finds the device by the token, and revokes it', async () => {
    const [d] = await listDevices(storage.db, unitId);
    const token = await issueDeviceToken(storage.db, d!.id, T);
    expect((await deviceByToken(storage.db, token))?.hostname).toBe('stp-01');
    expect(JSON.stringify(await listDevices(storage.db))).not.toContain(token);
    expect(await revokeDeviceToken(storage.db, d!.id, T)).toBe(true);
    expect(await deviceByToken(storage.db, token)).toBeUndefined();
    expect(await revokeDeviceToken(storage.db, d!.id, T)).toBe(false);
  });

  it('keeps address ranges, rules, acknowledgements and settings', async () => {
    await addRange(storage.db, { unitId, cidr: '10.30.0.0/24', note: null, by: 'quantri' }, T);
    expect(await registeredRanges(storage.db)).toEqual([{ unitId, cidr: '10.30.0.0/24' }]);
    await addRule(storage.db, { unitId: null, code: 'QC', title: 'Quy chế', version: '1', effectiveFrom: '2026-01-01', body: 'Điều 1.', contentHash: 'h1', by: 'quantri' }, T);
    await addRule(storage.db, { unitId, code: 'QC-STP', title: 'Quy chế STP', version: '1', effectiveFrom: '2026-01-01', body: 'Điều 1.', contentHash: 'h2', by: 'quantri' }, T);
    expect((await localRules(storage.db, unitId)).map((r) => r.code).sort()).toEqual(['QC', 'QC-STP']);
    expect(await ruleVersionExists(storage.db, null, 'QC', '1')).toBe(true);
    expect(await ruleVersionExists(storage.db, unitId, 'QC', '1')).toBe(false);
    const user = await dir.addUser(storage.db, { username: 'hotich01', fullName: 'Công chức hộ tịch', unitId, role: 'operator', dailyQuota: null, activationCode: 'x', activationExpiresAt: T }, T);
    expect(await lastAcknowledgement(storage.db, user.id)).toBeNull();
    await addAcknowledgement(storage.db, { userId: user.id, version: 'aaaaaaaaaaaaaaaa', ip: '10.30.0.21' }, T);
    await addAcknowledgement(storage.db, { userId: user.id, version: 'bbbbbbbbbbbbbbbb', ip: null }, T + 1);
    expect(await lastAcknowledgement(storage.db, user.id)).toEqual({ version: 'bbbbbbbbbbbbbbbb', at: T + 1 });
    expect([...(await latestAcknowledgements(storage.db, unitId))]).toEqual([[user.id, { version: 'bbbbbbbbbbbbbbbb', at: T + 1 }]]);
    expect(await storedComplianceSettings(storage.db)).toEqual({ requireAcknowledgement: null, devicePolicy: null });
    await setComplianceSettings(storage.db, { devicePolicy: true }, 'quantri', T);
    await setComplianceSettings(storage.db, { devicePolicy: false, requireAcknowledgement: true }, 'quantri', T);
    expect(await storedComplianceSettings(storage.db)).toEqual({ requireAcknowledgement: true, devicePolicy: false });
  });
});
