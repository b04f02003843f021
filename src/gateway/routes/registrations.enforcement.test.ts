/**
 * R2 at the gateway: a system's key works only while its registration is approved and its planned
 * date has come, and only with an approved version; each refusal has its code and a ledger entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber, lookupRequest, type Seeded } from '../../../test/support/harness.js';
import { approvalOn, FINGERPRINT, newConnection, registryWorld, type RegistryWorld } from '../../../test/support/registry.js';

describe('enforcement of the registry at the gateway (R2)', () => {
  let w: RegistryWorld;
  beforeAll(async () => {
    w = await registryWorld('2026-02-13T09:00:00+07:00');
  });
  afterAll(async () => {
    await w.close();
  });
  const post = async (who: string, url: string, payload: unknown) => w.gw.app.inject({ method: 'POST', url, headers: await w.as(who), payload: payload as object });
  const submit = async (plannedDate: string) => {
    const r = (await post('lanhdao', '/api/v1/registrations', newConnection(plannedDate))).json();
    return { id: r.id as number, app: { appKey: r.appKey, appId: r.appId, version: '1.0.0', unitId: w.unitId } as Seeded };
  };
  const grant = async (id: number, day: string) => {
    expect((await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'pass' })).statusCode).toBe(200);
    await w.attachTestReport(id);
    expect((await post('quantri1', `/api/v1/registrations/${id}/steps`, { step: 'grant', outcome: 'pass', approval: approvalOn(day) })).json().status).toBe('approved');
  };
  let n = 0;
  /** A lookup by the system; returns the answer and the ledger entries of its request id. */
  const lookup = async (s: Seeded, headers: Record<string, string> = {}) => {
    const requestId = `enf-${++n}`;
    const r = await w.gw.app.inject(lookupRequest(s, { idNumber: idNumber(n) }, { 'x-request-id': requestId, ...headers }));
    const entries = await w.gw.storage.db.selectFrom('ledger').selectAll().where('request_id', 'in', [requestId, `${requestId}:change`]).orderBy('seq').execute();
    return { status: r.statusCode, code: r.statusCode === 200 ? 'OK' : (r.json().error.code as string), entries, requestId };
  };
  const refusedWith = async (s: Seeded, code: string, reason: string) => {
    const r = await lookup(s);
    expect(r.status).toBe(403);
    expect(r.code).toBe(code);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ category: 'lookup', outcome: code, app_id: s.appId });
    expect(JSON.parse(r.entries[0]!.detail!).reason).toBe(reason);
  };

  it('refuses a pending system (submitted, not yet granted)', async () => {
    const { app } = await submit('2026-03-07');
    await refusedWith(app, 'APP_NOT_APPROVED', 'app is pending');
  });

  it('refuses a rejected system', async () => {
    const { id, app } = await submit('2026-03-07');
    await post('anninh1', `/api/v1/registrations/${id}/steps`, { step: 'assessment', outcome: 'reject', reason: 'Không đạt kiểm tra an ninh' });
    await refusedWith(app, 'APP_NOT_APPROVED', 'app is rejected');
  });

  describe('an approved system', () => {
    let app: Seeded;
    beforeAll(async () => {
      const r = await submit('2026-03-09');
      app = r.app;
      w.clock.set('2026-02-24T10:00:00+07:00');
      await grant(r.id, '2026-02-24');
    });

    it('is refused before its planned date, up to the last minute of the day before in DANCU_TIMEZONE', async () => {
      await refusedWith(app, 'APP_NOT_APPROVED', 'start date not reached');
      w.clock.set('2026-03-08T23:59:00+07:00');
      await refusedWith(app, 'APP_NOT_APPROVED', 'start date not reached');
    });

    it('works from 00:00 of its planned date', async () => {
      w.clock.set('2026-03-09T00:00:30+07:00');
      expect((await lookup(app)).code).toBe('OK');
    });

    it('refuses an unregistered version with APP_VERSION_NOT_APPROVED and raises an unapproved-change entry', async () => {
      const r = await lookup(app, { 'x-client-version': '1.0.1-hotfix' });
      expect(r.status).toBe(403);
      expect(r.code).toBe('APP_VERSION_NOT_APPROVED');
      const [change, refusal] = r.entries;
      expect(refusal).toMatchObject({ request_id: r.requestId, category: 'lookup', outcome: 'APP_VERSION_NOT_APPROVED', app_version: '1.0.1-hotfix' });
      expect(change).toMatchObject({ category: 'registration', operation: 'registration.unapproved_change', outcome: 'UNAPPROVED_CHANGE', app_id: app.appId, app_version: '1.0.1-hotfix', actor: 'motcua01', unit_code: 'TTPVHCC' });
      expect(JSON.parse(change!.detail!)).toEqual({ severity: 'high', notify: 'security', requestId: r.requestId, versionStatus: 'unregistered' });
    });

    it('accepts a new version only once its own request is granted and its planned date has come', async () => {
      const req = (await post('lanhdao', '/api/v1/registrations', { kind: 'new_version', appId: app.appId, plannedDate: '2026-03-24', description: 'Bản vá bảo mật', version: { version: '1.1.0', fingerprint: FINGERPRINT } })).json();
      expect(req.earliestPermittedDate).toBe('2026-03-24');
      const pending = await lookup(app, { 'x-client-version': '1.1.0' });
      expect(pending.code).toBe('APP_VERSION_NOT_APPROVED');
      expect(JSON.parse(pending.entries[0]!.detail!).versionStatus).toBe('pending');
      await grant(req.id, '2026-03-09');
      const early = await lookup(app, { 'x-client-version': '1.1.0' });
      expect(early.code).toBe('APP_VERSION_NOT_APPROVED');
      expect(JSON.parse(early.entries[0]!.detail!).versionStatus).toBe('not_started');
      w.clock.set('2026-03-24T00:00:30+07:00');
      expect((await lookup(app, { 'x-client-version': '1.1.0' })).code).toBe('OK');
    });

    it('is refused from the next request once suspended, works again once reinstated, and for good once revoked', async () => {
      const act = async (action: string, who = 'anninh2') => post(who, `/api/v1/apps/${app.appId}/${action}`, { reason: 'Phát hiện truy vấn bất thường' });
      expect((await act('suspend')).json()).toMatchObject({ status: 'suspended', statusReason: 'Phát hiện truy vấn bất thường' });
      await refusedWith(app, 'APP_NOT_APPROVED', 'app is suspended');
      const suspended = await w.gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'registration.app_suspend').executeTakeFirstOrThrow();
      expect(suspended).toMatchObject({ category: 'registration', actor: 'anninh2', app_id: app.appId });
      expect((await act('reinstate', 'quantri2')).json().status).toBe('approved');
      expect((await lookup(app)).code).toBe('OK');
      expect((await act('revoke')).json().status).toBe('revoked');
      await refusedWith(app, 'APP_NOT_APPROVED', 'app is revoked');
      expect((await act('reinstate')).json().error.code).toBe('INVALID_REQUEST');
      expect((await act('suspend', 'lanhdao')).json().error.code).toBe('FORBIDDEN');
    });
  });
});
