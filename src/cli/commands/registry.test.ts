import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { tempDir } from '../../../test/support/harness.js';
import { addDays } from '../../core/calendar/index.js';
import { DEFAULT_WORKFLOW } from '../../core/registry/index.js';
import { dayKey } from '../../core/time.js';
import { openStorage, type Storage } from '../../storage/db.js';
import * as dir from '../../storage/directory.js';
import { migrate } from '../../storage/migrations/index.js';
import { createRegistration, putCalendarOverride } from '../../storage/registry.js';

/** The database a `dancu` process with DANCU_DATA_DIR=dataDir uses, opened and migrated here. */
async function databaseOf(dataDir: string): Promise<Storage> {
  const storage = openStorage(`sqlite:${path.join(dataDir, 'dancu.sqlite')}`);
  await migrate(storage);
  return storage;
}

// Each command is a new Node process compiling TypeScript on the fly: seconds each on a busy machine.
describe('dancu calendar earliest and dancu registry', { timeout: 180_000 }, () => {
  it('uses the official schedules without a database, and creates none', async () => {
    const dataDir = tempDir();
    const r = await runCli(['calendar', 'earliest', '--submitted', '2026-12-24', '--json'], { DANCU_DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    // Statutory 2027: Friday 01/01 off -> Saturday 09/01/2027.
    expect(JSON.parse(r.stdout)).toMatchObject({ submitted: '2026-12-24', earliest: '2027-01-09' });
    expect(fs.existsSync(path.join(dataDir, 'dancu.sqlite'))).toBe(false);
  });

  it('uses the administrators\' overrides when the database has them, across the year end and across Tết 2026', async () => {
    const env = { DANCU_DATA_DIR: tempDir() };
    const storage = await databaseOf(env.DANCU_DATA_DIR);
    await putCalendarOverride(storage.db, 2027, {
      daysOff: [{ date: '2027-01-01', label: 'Tết Dương lịch' }, { date: '2027-01-04', label: 'Nghỉ hoán đổi' }],
      workingSaturdays: [{ date: '2027-01-09', label: 'Làm bù' }],
    }, 'quantri', Date.now());
    await storage.close();
    const yearEnd = await runCli(['calendar', 'earliest', '--submitted', '2026-12-24', '--json'], env);
    expect(JSON.parse(yearEnd.stdout).earliest).toBe('2027-01-10');
    const tet = await runCli(['calendar', 'earliest', '--submitted', '2026-02-13'], env);
    expect(tet.stdout).toContain('07/03/2026');
  });

  it('records the registry facts of a system approved before dancu, in the ledger, and lists requests with their countdown', async () => {
    const env = { DANCU_DATA_DIR: tempDir() };
    const today = dayKey(new Date(), 'Asia/Ho_Chi_Minh');
    const plannedDate = addDays(today, 60);
    const storage = await databaseOf(env.DANCU_DATA_DIR);
    const unit = await dir.addUnit(storage.db, { code: 'STP', name: 'Sở Tư pháp', dailyQuota: 10 }, Date.now());
    await dir.addProcedure(storage.db, { code: '1.001193', name: 'Đăng ký khai sinh', fields: ['fullName', 'dateOfBirth'] }, Date.now());
    const { app } = await dir.addApp(storage.db, { name: 'Hộ tịch', unitId: unit.id, version: '2.0.1', approvalDoc: '131/TCT', dailyQuota: null, activeFrom: null }, Date.now());
    await createRegistration(storage.db, {
      kind: 'new_device', unitId: unit.id, submittedBy: 'lanhdao', plannedDate, submittedOn: today, earliestDate: addDays(today, 14), description: 'Máy chủ mới',
      steps: DEFAULT_WORKFLOW, appId: app.id, device: { hostname: 'ht-02', addresses: ['10.0.0.2'] },
    }, Date.now());
    await storage.close();
    expect((await runCli(['registry', 'set', '--app', app.id, '--security-level', '7'], env)).code).toBe(2);
    const set = await runCli(['registry', 'set', '--app', app.id, '--responsible', 'Chánh Văn phòng Sở Tư pháp', '--security-level', '3', '--procedures', '1.001193', '--fields', 'fullName', '--json'], env);
    expect(set.code).toBe(0);
    const apps = JSON.parse((await runCli(['registry', 'apps', '--json'], env)).stdout);
    expect(apps).toEqual([expect.objectContaining({ id: app.id, responsiblePerson: 'Chánh Văn phòng Sở Tư pháp', securityLevel: 3, procedures: ['1.001193'], fields: ['fullName'], versions: [{ version: '2.0.1', status: 'approved', fingerprint: null }] })]);
    const ledger = JSON.parse((await runCli(['ledger', 'search', '--json', '--limit', '1'], env)).stdout);
    expect(ledger[0]).toMatchObject({ operation: 'registration.app_registry' });
    const requests = JSON.parse((await runCli(['registry', 'requests', '--json'], env)).stdout);
    expect(requests).toEqual([expect.objectContaining({ kind: 'new_device', status: 'submitted', plannedDate, workingDaysLeft: expect.any(Number) })]);
    expect(requests[0].workingDaysLeft).toBeGreaterThan(10);
  });
});

