/**
 * The demo province: units with allocations, staff of every role, a procedure catalogue and two
 * approved systems, so a first start shows the whole product. Names are roles, not people.
 * The procedure codes are illustrative; administrators load the province's official catalogue.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../core/password/index.js';
import { setPassword } from '../storage/accounts.js';
import { seedComplianceDemo } from './compliance.js';
import * as dir from '../storage/directory.js';
import { setAppRegistry } from '../storage/registry.js';
import type { Database } from '../storage/schema.js';

export const DEMO_UNITS = [
  { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', dailyQuota: 3000 },
  { code: 'STP', name: 'Sở Tư pháp', dailyQuota: 1500 },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', dailyQuota: 1000 },
  { code: 'CAT', name: 'Công an tỉnh (Tổ công tác Đề án 06)', dailyQuota: 0 },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', dailyQuota: 0 },
] as const;

export const DEMO_USERS = [
  { username: 'quantri', fullName: 'Quản trị hệ thống Sở KH&CN', unit: 'SKHCN', role: 'admin' },
  { username: 'anninhmang', fullName: 'Cán bộ Tổ An ninh mạng Công an tỉnh', unit: 'CAT', role: 'security' },
  { username: 'lanhdao.ttpvhcc', fullName: 'Lãnh đạo Trung tâm Phục vụ hành chính công', unit: 'TTPVHCC', role: 'manager' },
  { username: 'motcua01', fullName: 'Cán bộ một cửa 01', unit: 'TTPVHCC', role: 'operator' },
  { username: 'motcua02', fullName: 'Cán bộ một cửa 02', unit: 'TTPVHCC', role: 'operator' },
  { username: 'hotich.stp', fullName: 'Công chức hộ tịch Sở Tư pháp', unit: 'STP', role: 'operator' },
  { username: 'dongbo.vnedu', fullName: 'Tài khoản dịch vụ đồng bộ CSDL ngành giáo dục', unit: 'SGDDT', role: 'operator' },
  { username: 'thanhtra', fullName: 'Thanh tra viên', unit: 'STP', role: 'auditor' },
] as const;

const BASIC = ['idNumber', 'fullName', 'dateOfBirth', 'gender'];

export const DEMO_PROCEDURES = [
  { code: '1.001193', name: 'Đăng ký khai sinh', fields: [...BASIC, 'nationality', 'ethnicity', 'permanentAddress', 'currentAddress'] },
  { code: '1.000894', name: 'Đăng ký kết hôn', fields: [...BASIC, 'nationality', 'maritalStatus', 'permanentAddress', 'currentAddress'] },
  { code: '1.004222', name: 'Đăng ký thường trú', fields: [...BASIC, 'permanentAddress', 'temporaryAddress', 'currentAddress', 'householdHeadRelation'] },
  { code: '1.001022', name: 'Cấp bản sao trích lục hộ tịch', fields: [...BASIC, 'placeOfBirth', 'fatherName', 'motherName'] },
  { code: '2.002482', name: 'Tuyển sinh trung học phổ thông', fields: [...BASIC, 'placeOfBirth', 'permanentAddress', 'fatherName', 'motherName'] },
] as const;

export const DEMO_APPS = [
  { name: 'Hệ thống thông tin giải quyết TTHC tỉnh', unit: 'TTPVHCC', version: '3.2.0', approvalDoc: '125/TCT-ĐA06 ngày 02/01/2026', dailyQuota: null, responsiblePerson: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh', procedures: ['1.001193', '1.000894', '1.004222', '1.001022'] },
  { name: 'Phần mềm hộ tịch Sở Tư pháp', unit: 'STP', version: '2.0.1', approvalDoc: '131/TCT-ĐA06 ngày 09/01/2026', dailyQuota: null, responsiblePerson: 'Chánh Văn phòng Sở Tư pháp', procedures: ['1.001193', '1.000894', '1.001022'] },
  { name: 'Đồng bộ CSDL ngành giáo dục', unit: 'SGDDT', version: '1.4.0', approvalDoc: '140/TCT-ĐA06 ngày 16/01/2026', dailyQuota: 800, responsiblePerson: 'Trưởng phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo', procedures: ['2.002482'] },
] as const;

export interface DemoSeedResult {
  created: boolean;
  users: Array<{ username: string; role: string; unit: string; password: string }>;
  apps: Array<{ id: string; name: string; unit: string; version: string; key: string }>;
}

/** Letters of both cases, digits and a symbol from a random source: passes the policy of letter 004. */
function demoPassword(): string {
  const r = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Dc${r}#7k`;
}

/** Seeds the demo province if the database has no units yet; a second start reuses the data. */
export async function seedDemo(db: Kysely<Database>, nowMs: number): Promise<DemoSeedResult> {
  if ((await dir.listUnits(db)).length > 0) return { created: false, users: [], apps: [] };
  const unitIds = new Map<string, number>();
  for (const u of DEMO_UNITS) unitIds.set(u.code, (await dir.addUnit(db, u, nowMs)).id);
  const users: DemoSeedResult['users'] = [];
  for (const u of DEMO_USERS) {
    const row = await dir.addUser(db, { username: u.username, fullName: u.fullName, unitId: unitIds.get(u.unit)!, role: u.role, dailyQuota: null, activationCode: dir.newActivationCode(), activationExpiresAt: nowMs }, nowMs);
    // A random password per installation, never a shared well-known one; printed once at start (R8).
    const password = demoPassword();
    await setPassword(db, row.id, await hashPassword(password), nowMs);
    await db.updateTable('users').set({ status: 'active', activated_at: nowMs, activation_code_hash: null, activation_expires_at: null }).where('id', '=', row.id).execute();
    if (u.username === 'dongbo.vnedu') {
      // R7: the sector database sync is a service account with a named responsible person.
      await db.updateTable('users').set({ service_account: 1, responsible_person: 'Trưởng phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo' }).where('id', '=', row.id).execute();
    }
    users.push({ username: u.username, role: u.role, unit: u.unit, password });
  }
  for (const p of DEMO_PROCEDURES) await dir.addProcedure(db, { code: p.code, name: p.name, fields: [...p.fields] }, nowMs);
  const apps: DemoSeedResult['apps'] = [];
  for (const a of DEMO_APPS) {
    const { app, key } = await dir.addApp(db, { name: a.name, unitId: unitIds.get(a.unit)!, version: a.version, approvalDoc: a.approvalDoc, dailyQuota: a.dailyQuota, activeFrom: null }, nowMs);
    // R2 registry: a responsible title, security level 3 (Thông tư 46/2022/TT-BCA Art. 6), the procedures served and their fields.
    const procedures: readonly string[] = a.procedures;
    await setAppRegistry(db, app.id, { responsiblePerson: a.responsiblePerson, securityLevel: 3, procedures, fields: [...new Set(DEMO_PROCEDURES.filter((p) => procedures.includes(p.code)).flatMap((p) => p.fields))] });
    apps.push({ id: app.id, name: a.name, unit: a.unit, version: a.version, key });
  }
  // R11: the province's own rules; people acknowledge them in the portal, the sync's service account starts acknowledged.
  await seedComplianceDemo(db, nowMs);
  return { created: true, users, apps };
}
