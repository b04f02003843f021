/** The registry's storage on SQLite and PostgreSQL alike: requests, guarded steps, effects, bytes, overrides. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_WORKFLOW, effectsOf } from '../core/registry/index.js';
import { freshStorage } from '../../test/support/harness.js';
import type { Storage } from './db.js';
import * as dir from './directory.js';
import * as reg from './registry.js';

describe.each(['sqlite', 'postgres'] as const)('registry storage on %s', (engine) => {
  let storage: Storage;
  let unitId: number;
  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    unitId = (await dir.addUnit(storage.db, { code: 'TTPVHCC', name: 'Trung tâm', dailyQuota: 10 }, Date.now())).id;
  });
  afterAll(async () => {
    await storage.close();
  });

  const connection = () => reg.createRegistration(storage.db, {
    kind: 'new_connection', unitId, submittedBy: 'lanhdao', plannedDate: '2026-03-07', submittedOn: '2026-02-13', earliestDate: '2026-03-07',
    description: 'Kết nối mới', steps: DEFAULT_WORKFLOW, newApp: { name: 'Một cửa', responsiblePerson: 'Giám đốc Trung tâm', securityLevel: 3, dailyQuota: null },
    version: { version: '1.0.0', fingerprint: 'sha256:abcdef01' }, device: { hostname: 'mc-app-01', addresses: ['10.1.2.3'] }, procedures: ['1.001193'], fields: ['fullName'],
  }, Date.now());

  it('stores a new connection with its pending system, version and device, and a key that only works by its hash', async () => {
    const { id, appId, appKey } = await connection();
    expect(appKey).toMatch(/^dck_/);
    expect((await dir.appByKey(storage.db, appKey!))?.id).toBe(appId);
    const r = (await reg.registrationById(storage.db, id))!;
    expect(r).toMatchObject({ kind: 'new_connection', status: 'submitted', app_status: 'pending', app_security_level: 3, unit_code: 'TTPVHCC', device_hostname: 'mc-app-01', current_step: 0 });
    expect(await dir.appVersionStatus(storage.db, appId, '1.0.0')).toBe('pending');
    expect((await reg.devicesOf(storage.db, [appId]))[0]).toMatchObject({ hostname: 'mc-app-01', status: 'pending' });
  });

  it('applies a step once: the second of two people acting on the same step loses', async () => {
    const { id } = await connection();
    const step = { registrationId: id, expectedStep: 0, next: { status: 'under_assessment', currentStep: 1 }, step: { name: 'assessment', role: 'security' }, actor: 'anninh1', result: 'passed' as const, note: null, rejectReason: null, approval: null, effects: {} };
    expect(await reg.applyStep(storage.db, step, Date.now())).toBe(true);
    expect(await reg.applyStep(storage.db, { ...step, actor: 'anninh2' }, Date.now())).toBe(false);
    expect((await reg.stepsOf(storage.db, [id])).map((s) => s.actor)).toEqual(['anninh1']);
  });

  it('applies the grant\'s effects in the same commit, and grants nothing to a system revoked meanwhile', async () => {
    const approval = { approvingBody: 'C06', documentNumber: '123/C06', documentDate: '2026-02-24', signer: 'Phó Cục trưởng' };
    const grant = (id: number) => ({ registrationId: id, expectedStep: 1, next: { status: 'approved', currentStep: 1 }, step: { name: 'grant', role: 'admin' }, actor: 'quantri1', result: 'approved' as const, note: null, rejectReason: null, approval, effects: effectsOf('new_connection', 'approved', '2026-03-07', approval, 'Asia/Ho_Chi_Minh') });
    for (const c of [await connection(), await connection()]) await storage.db.updateTable('registrations').set({ current_step: 1, status: 'under_assessment' }).where('id', '=', c.id).execute();
    const [a, b] = (await reg.listRegistrations(storage.db, { status: 'under_assessment', limit: 2 })).map((r) => r);
    expect(await reg.applyStep(storage.db, grant(a!.id), Date.now())).toBe(true);
    const app = (await reg.appWithUnit(storage.db, a!.app_id))!;
    expect(app).toMatchObject({ status: 'approved', active_from: Date.parse('2026-03-07T00:00:00+07:00'), approval_doc: '123/C06 ngày 24/02/2026 (C06)' });
    expect(await dir.appVersionStatus(storage.db, a!.app_id, '1.0.0')).toBe('approved');
    expect((await reg.registrationById(storage.db, a!.id))).toMatchObject({ status: 'approved', document_number: '123/C06', signer: 'Phó Cục trưởng' });

    expect(await reg.changeAppStatus(storage.db, b!.app_id, 'pending', 'revoked', 'thu hồi')).toBe(true);
    expect(await reg.applyStep(storage.db, grant(b!.id), Date.now())).toBe(false);
    expect((await reg.registrationById(storage.db, b!.id))?.status).toBe('under_assessment');
    expect(await dir.appVersionStatus(storage.db, b!.app_id, '1.0.0')).toBe('pending');
  });

  it('keeps attachment bytes exactly, zero bytes included', async () => {
    const { id } = await connection();
    const content = Buffer.from([0, 1, 2, 255, 0, 37, 80, 68, 70]);
    const attId = await reg.addAttachment(storage.db, { registrationId: id, kind: 'written_report', filename: 'Báo cáo.pdf', mediaType: 'application/pdf', sha256: 'x'.repeat(64), textChecked: true, content, uploadedBy: 'lanhdao' }, Date.now());
    const back = (await reg.attachmentContent(storage.db, id, attId))!;
    expect(Buffer.from(back.content).equals(content)).toBe(true);
    expect(await reg.attachmentContent(storage.db, id + 1000, attId)).toBeUndefined();
    expect((await reg.attachmentsOf(storage.db, [id]))[0]).toMatchObject({ filename: 'Báo cáo.pdf', size: content.length, text_checked: 1 });
  });

  it('stores, replaces and removes a year\'s calendar override, and the workflow\'s steps', async () => {
    const o = { daysOff: [{ date: '2027-01-01', label: 'Tết Dương lịch' }], workingSaturdays: [{ date: '2027-01-09', label: 'Làm bù' }] };
    await reg.putCalendarOverride(storage.db, 2027, o, 'quantri1', 1);
    await reg.putCalendarOverride(storage.db, 2027, { ...o, daysOff: [...o.daysOff, { date: '2027-01-04', label: 'Nghỉ hoán đổi' }] }, 'quantri2', 2);
    expect((await reg.calendarOverride(storage.db, 2027))).toMatchObject({ updatedBy: 'quantri2', daysOff: [{ date: '2027-01-01' }, { date: '2027-01-04' }] });
    expect((await reg.workingCalendar(storage.db)).isWorkingDay('2027-01-09')).toBe(true);
    expect(await reg.deleteCalendarOverride(storage.db, 2027)).toBe(true);
    expect(await reg.deleteCalendarOverride(storage.db, 2027)).toBe(false);
    expect((await reg.workingCalendar(storage.db)).isWorkingDay('2027-01-09')).toBe(false);

    expect((await reg.currentWorkflow(storage.db)).steps.map((s) => s.name)).toEqual(['assessment', 'grant']);
    await reg.putWorkflow(storage.db, [DEFAULT_WORKFLOW[0]!], 'quantri1', 3);
    expect(await reg.currentWorkflow(storage.db)).toMatchObject({ steps: [{ name: 'assessment', role: 'security' }], updatedBy: 'quantri1' });
  });
});
