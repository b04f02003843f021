/**
 * A province for the registry's route tests (R2): units, a procedure catalogue, a unit head, the
 * security team and administrators with sessions made at the test clock's time, and request bodies.
 */
import * as dir from '../../src/storage/directory.js';
import { freshStorage, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from './harness.js';
import { addStaff } from './staff.js';

export const FINGERPRINT = `sha256:${'ab12'.repeat(16)}`;

/** A clock the tests move: sessions are made at its time, so moving it means signing in again. */
export interface TestClock {
  now: Date;
  set(iso: string): void;
}

export function testClock(iso: string): TestClock {
  const c: TestClock = { now: new Date(iso), set: (v) => { c.now = new Date(v); } };
  return c;
}

export interface RegistryWorld {
  gw: TestGateway;
  sim: SimulatorHandle;
  clock: TestClock;
  unitId: number;
  otherUnitId: number;
  /** Headers of a fresh session of `username` at the clock's time. */
  as(username: string): Promise<Record<string, string>>;
  /** The security team attaches the system's security test report to request `id` (needed to grant a connection or version). */
  attachTestReport(id: number): Promise<void>;
  close(): Promise<void>;
}

/** Staff: `lanhdao` (manager, unit TTPVHCC), `lanhdao.khac` (manager, another unit), `anninh1`, `anninh2` (security), `quantri1`, `quantri2` (admin), `thanhtra` (auditor), `motcua01` (operator). */
export async function registryWorld(startIso: string): Promise<RegistryWorld> {
  const sim = await startSimulator();
  const { storage, url, dataDir } = await freshStorage('sqlite');
  const now = Date.now();
  const unit = await dir.addUnit(storage.db, { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', dailyQuota: 1000 }, now);
  const other = await dir.addUnit(storage.db, { code: 'STP', name: 'Sở Tư pháp', dailyQuota: 1000 }, now);
  const cat = await dir.addUnit(storage.db, { code: 'CAT', name: 'Công an tỉnh', dailyQuota: 0 }, now);
  const ids = new Map<string, number>();
  for (const [username, role, unitId] of [
    ['lanhdao', 'manager', unit.id], ['lanhdao.khac', 'manager', other.id], ['anninh1', 'security', cat.id], ['anninh2', 'security', cat.id],
    ['quantri1', 'admin', cat.id], ['quantri2', 'admin', cat.id], ['thanhtra', 'auditor', other.id], ['motcua01', 'operator', unit.id],
  ] as const) ids.set(username, await addStaff(storage, { username, role, unitId }));
  await dir.addProcedure(storage.db, { code: '1.001193', name: 'Đăng ký khai sinh', fields: ['idNumber', 'fullName', 'dateOfBirth', 'gender', 'permanentAddress'] }, now);
  await dir.addProcedure(storage.db, { code: '1.004222', name: 'Đăng ký thường trú', fields: ['idNumber', 'fullName', 'permanentAddress', 'householdHeadRelation'] }, now);
  await storage.close();
  const clock = testClock(startIso);
  const gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, now: () => clock.now });
  return {
    gw, sim, clock, unitId: unit.id, otherUnitId: other.id,
    async as(username) {
      return sessionHeaders(gw.storage, ids.get(username)!, clock.now.getTime());
    },
    async attachTestReport(id) {
      const content = Buffer.from('KẾT QUẢ KIỂM TRA AN NINH\nHệ thống đạt yêu cầu kết nối; không phát hiện lỗ hổng nghiêm trọng.\n').toString('base64');
      const r = await gw.app.inject({
        method: 'POST', url: `/api/v1/registrations/${id}/attachments`, headers: await sessionHeaders(gw.storage, ids.get('anninh2')!, clock.now.getTime()),
        payload: { kind: 'security_test_report', filename: 'ket-qua-kiem-tra.txt', mediaType: 'text/plain', contentBase64: content },
      });
      if (r.statusCode !== 200) throw new Error(`attaching the test report failed: ${r.statusCode} ${r.body}`);
    },
    async close() {
      await gw.close();
      await sim.close();
    },
  };
}

import { sessionHeaders } from './staff.js';

export { sessionHeaders };

export function newConnection(plannedDate: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'new_connection', plannedDate, description: 'Kết nối Hệ thống một cửa điện tử của Trung tâm với CSDLQG về dân cư',
    app: { name: 'Một cửa điện tử', responsiblePerson: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh', securityLevel: 3, procedures: ['1.001193'], fields: ['fullName', 'dateOfBirth'] },
    version: { version: '1.0.0', fingerprint: FINGERPRINT },
    ...extra,
  };
}

export function approvalOn(documentDate: string) {
  return { approvingBody: 'Cục Cảnh sát QLHC về TTXH (C06), Bộ Công an', documentNumber: '123/C06-TTDLDC', documentDate, signer: 'Phó Cục trưởng' };
}
