import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalOn, FINGERPRINT, newConnection, registryWorld, type RegistryWorld } from '../../../test/support/registry.js';

describe('requests and their approval workflow (R2)', () => {
  let w: RegistryWorld;
  beforeAll(async () => {
    // Friday 13/02/2026, the last working day before Tết: the earliest permitted date is Saturday 07/03.
    w = await registryWorld('2026-02-13T09:00:00+07:00');
  });
  afterAll(async () => {
    await w.close();
  });
  const post = async (who: string, url: string, payload: unknown, extra: Record<string, string> = {}) =>
    w.gw.app.inject({ method: 'POST', url, headers: { ...(await w.as(who)), ...extra }, payload: payload as object });
  const get = async (who: string, url: string) => w.gw.app.inject({ method: 'GET', url, headers: await w.as(who) });
  const ledger = (operation: string) => w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', operation).orderBy('seq').execute();

  it('refuses a planned date before the earliest permitted date, naming that date in Vietnamese and in English, and records it', async () => {
    const vi = await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-06'));
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('07/03/2026') });
    const en = await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-06'), { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('2026-03-07');
    const refused = await ledger('registration.submit');
    expect(refused.at(-1)).toMatchObject({ category: 'registration', outcome: 'INVALID_REQUEST', actor: 'lanhdao' });
    expect(JSON.parse(refused.at(-1)!.detail!)).toMatchObject({ plannedDate: '2026-03-06', submittedOn: '2026-02-13' });
  });

  it('accepts a new connection planned on its earliest date, notifies the security team and counts down 10 working days', async () => {
    const r = await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-07'));
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      kind: 'new_connection', status: 'submitted', unitCode: 'TTPVHCC', submittedOn: '2026-02-13', plannedDate: '2026-03-07', earliestPermittedDate: '2026-03-07',
      workingDaysLeft: 10, version: { version: '1.0.0', fingerprint: FINGERPRINT }, pendingStep: { name: 'assessment', role: 'security' }, submittedBy: 'lanhdao',
    });
    expect(body.appKey).toMatch(/^dck_/);
    const submitted = (await ledger('registration.submitted')).at(-1)!;
    expect(submitted).toMatchObject({ category: 'registration', app_id: body.appId, unit_code: 'TTPVHCC' });
    expect(JSON.parse(submitted.detail!)).toMatchObject({ notify: 'security', registrationId: body.id, kind: 'new_connection' });
    // The key is never shown again.
    expect((await get('lanhdao', `/api/v1/registrations/${body.id}`)).json().appKey).toBeUndefined();
    const registry = (await get('anninh1', `/api/v1/apps/${body.appId}/registry`)).json();
    expect(registry).toMatchObject({ status: 'pending', responsiblePerson: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh', securityLevel: 3, procedures: ['1.001193'], fields: ['fullName', 'dateOfBirth'] });
  });

  it('refuses a system below security level 3 (Thông tư 46/2022/TT-BCA Art. 6), an unknown procedure and a field outside the procedures', async () => {
    const low = newConnection('2026-03-09');
    low.app.securityLevel = 2;
    expect((await post('lanhdao', '/api/v1/registrations', low)).json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('46/2022/TT-BCA') });
    const unknown = newConnection('2026-03-09');
    unknown.app.procedures = ['9.999999'];
    expect((await post('lanhdao', '/api/v1/registrations', unknown)).json().error.code).toBe('UNKNOWN_PROCEDURE');
    const field = newConnection('2026-03-09');
    field.app.fields = ['religion'];
    expect((await post('lanhdao', '/api/v1/registrations', field)).json().error.code).toBe('FIELD_NOT_ALLOWED');
  });

  it('runs assessment by the security team, then the grant by an administrator, each step in order, by role, in the ledger', async () => {
    const { id, appId } = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-09'))).json();
    expect((await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'pass' })).json().error.code).toBe('FORBIDDEN');
    expect((await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn('2026-02-13') })).json().error.code).toBe('INVALID_REQUEST');
    const assessed = await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'pass', note: 'Đã kiểm tra bằng công cụ của Bộ Công an' });
    expect(assessed.json()).toMatchObject({ status: 'under_assessment', pendingStep: { name: 'grant', role: 'admin' }, steps: [{ step: 'assessment', actor: 'anninh1', result: 'passed' }] });
    expect(JSON.parse((await ledger('registration.step')).at(-1)!.detail!)).toMatchObject({ registrationId: id, step: 'assessment', notify: 'admin' });

    w.clock.set('2026-02-24T10:00:00+07:00');
    const incomplete = await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass' });
    expect(incomplete.json().error.code).toBe('INVALID_REQUEST');
    // Not before the security test report is on file (Thông tư 46/2022/TT-BCA Art. 6).
    const untested = await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn('2026-02-24') });
    expect(untested.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('kết quả kiểm tra an ninh') });
    await w.attachTestReport(id);
    const granted = await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn('2026-02-24') });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'approved', pendingStep: null, approval: approvalOn('2026-02-24'), workingDaysLeft: 8 });
    const app = (await get('thanhtra', `/api/v1/apps/${appId}/registry`)).json();
    expect(app).toMatchObject({ status: 'approved', activeFrom: '2026-03-08T17:00:00.000Z', approvalDoc: '123/C06-TTDLDC ngày 24/02/2026 (Cục Cảnh sát QLHC về TTXH (C06), Bộ Công an)', versions: [{ version: '1.0.0', status: 'approved' }] });
    expect(JSON.parse((await ledger('registration.approved')).at(-1)!.detail!)).toMatchObject({ registrationId: id, documentNumber: '123/C06-TTDLDC', signer: 'Phó Cục trưởng', notify: 'manager' });
    expect((await post('anninh2', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'reject', reason: 'muộn' })).json().error.code).toBe('INVALID_REQUEST');
    w.clock.set('2026-02-13T09:00:00+07:00');
  });

  it('never lets the submitter perform a step, even after becoming an administrator, and records the attempt', async () => {
    const { id } = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-10'))).json();
    await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'pass' });
    await w.gw.storage.db.updateTable('users').set({ role: 'admin' }).where('username', '=', 'lanhdao').execute();
    try {
      const own = await post('lanhdao', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn('2026-02-13') });
      expect(own.json().error.code).toBe('FORBIDDEN');
      const attempt = (await ledger('registration.step')).at(-1)!;
      expect(attempt).toMatchObject({ outcome: 'FORBIDDEN', actor: 'lanhdao' });
      expect(JSON.parse(attempt.detail!).reason).toBe('nobody approves their own request');
    } finally {
      await w.gw.storage.db.updateTable('users').set({ role: 'manager' }).where('username', '=', 'lanhdao').execute();
    }
  });

  it('rejects only with a reason, and a rejected new connection leaves its system rejected', async () => {
    const { id, appId } = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-11'))).json();
    expect((await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'reject' })).json().error.code).toBe('INVALID_REQUEST');
    const r = await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'reject', reason: 'Chưa có kết quả kiểm tra an ninh' });
    expect(r.json()).toMatchObject({ status: 'rejected', rejectReason: 'Chưa có kết quả kiểm tra an ninh', pendingStep: null });
    expect((await get('anninh1', `/api/v1/apps/${appId}/registry`)).json()).toMatchObject({ status: 'rejected', versions: [{ status: 'rejected' }] });
  });

  it('lets a unit head request changes only for the unit\'s own approved systems, and see only the unit\'s requests', async () => {
    const { appId } = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-12'))).json();
    await w.gw.storage.db.updateTable('apps').set({ status: 'approved' }).where('id', '=', appId).execute();
    const version = { kind: 'new_version', appId, plannedDate: '2026-03-09', description: 'Sửa lỗi hiển thị', version: { version: '1.1.0', fingerprint: FINGERPRINT } };
    expect((await post('lanhdao.khac', '/api/v1/registrations', version)).json().error.code).toBe('FORBIDDEN');
    expect((await post('anninh1', '/api/v1/registrations', version)).json().error.code).toBe('FORBIDDEN');
    const ok = await post('lanhdao', '/api/v1/registrations', version);
    expect(ok.json()).toMatchObject({ kind: 'new_version', status: 'submitted', version: { version: '1.1.0' } });
    expect((await post('lanhdao', '/api/v1/registrations', version)).json().error.code).toBe('INVALID_REQUEST');
    expect((await get('lanhdao.khac', `/api/v1/registrations/${ok.json().id}`)).json().error.code).toBe('FORBIDDEN');
    expect((await get('lanhdao.khac', '/api/v1/registrations')).json()).toEqual([]);
    expect(((await get('thanhtra', '/api/v1/registrations')).json() as unknown[]).length).toBeGreaterThan(3);
    const pending = (await get('anninh1', '/api/v1/registrations?status=submitted')).json() as Array<{ status: string }>;
    expect(pending.every((p) => p.status === 'submitted')).toBe(true);
  });

  it('approves a new device and a new function into the system\'s registry', async () => {
    const { appId } = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-13'))).json();
    await w.gw.storage.db.updateTable('apps').set({ status: 'approved' }).where('id', '=', appId).execute();
    const device = (await post('lanhdao', '/api/v1/registrations', { kind: 'new_device', appId, plannedDate: '2026-03-09', description: 'Máy chủ dự phòng', device: { hostname: 'mc-app-02', addresses: ['10.10.0.12'] } })).json();
    const fn = (await post('lanhdao', '/api/v1/registrations', { kind: 'new_function', appId, plannedDate: '2026-03-09', description: 'Thêm thủ tục đăng ký thường trú', procedures: ['1.004222'], fields: ['permanentAddress'] })).json();
    for (const r of [device, fn]) {
      await post('anninh1', `/api/v1/registrations/${r.id}/steps`, { step: 'assessment', outcome: 'pass' });
      expect((await post('quantri2', `/api/v1/registrations/${r.id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn('2026-02-13') })).json().status).toBe('approved');
    }
    const registry = (await get('quantri1', `/api/v1/apps/${appId}/registry`)).json();
    expect(registry.devices).toEqual([{ id: expect.any(Number), hostname: 'mc-app-02', addresses: ['10.10.0.12'], status: 'approved' }]);
    expect(registry.procedures).toEqual(['1.001193', '1.004222']);
    expect(registry.fields).toEqual(['fullName', 'dateOfBirth', 'permanentAddress']);
  });

  it('follows the workflow an administrator configures, for requests submitted after the change', async () => {
    const before = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-16'))).json();
    const withoutSecurity = await w.gw.app.inject({ method: 'PUT', url: '/api/v1/registrations/workflow', headers: await w.as('quantri1'), payload: { steps: [{ name: 'grant', role: 'admin', label: { vi: 'Cấp phép', en: 'Grant' } }] } });
    expect(withoutSecurity.json().error.code).toBe('INVALID_REQUEST');
    const steps = [
      { name: 'assessment', role: 'security', label: { vi: 'Thẩm định của Tổ an ninh mạng', en: 'Assessment by the cyber-security team' } },
      { name: 'approval', role: 'security', label: { vi: 'Lãnh đạo Công an tỉnh phê duyệt', en: 'Approval by the provincial police' } },
    ];
    expect((await w.gw.app.inject({ method: 'PUT', url: '/api/v1/registrations/workflow', headers: await w.as('quantri1'), payload: { steps } })).statusCode).toBe(200);
    expect((await get('motcua01', '/api/v1/registrations/workflow')).json()).toMatchObject({ steps, updatedBy: 'quantri1' });
    const after = (await post('lanhdao', '/api/v1/registrations', newConnection('2026-03-16'))).json();
    expect(after.pendingStep.name).toBe('assessment');
    await post('anninh1', `/api/v1/registrations/${after.id}/steps`, { step: 'assessment', outcome: 'pass' });
    // One person, one step: the second security step needs someone else.
    expect((await post('anninh1', `/api/v1/registrations/${after.id}/steps`, { step: 'approval', outcome: 'pass', approval: approvalOn('2026-02-13') })).json().error.code).toBe('FORBIDDEN');
    await w.attachTestReport(after.id);
    expect((await post('anninh2', `/api/v1/registrations/${after.id}/steps`, { step: 'approval', outcome: 'pass', approval: approvalOn('2026-02-13') })).json().status).toBe('approved');
    // The request submitted before keeps the workflow it was submitted under.
    await post('anninh1', `/api/v1/registrations/${before.id}/steps`, { step: 'assessment', outcome: 'pass' });
    expect((await get('anninh1', `/api/v1/registrations/${before.id}`)).json().pendingStep).toMatchObject({ name: 'grant', role: 'admin' });
  });
});
