/** The alert lifecycle through the API: open → acknowledged → resolved with a note, each step in the ledger. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDraft } from '../../core/monitoring/index.js';
import { scriptedProvince, vn, type ScriptedProvince } from '../../jobs/fixtures.js';
import { applyDetection } from '../../storage/alerts.js';

const draftOf = (rule: AlertDraft['rule'], unit: string, actor?: string): AlertDraft => ({
  rule, severity: 'high', requirement: 'R3', dedupKey: `${rule}|${actor ?? unit}|2026-03-05`, subject: { unit, ...(actor ? { actor } : {}) },
  title: { vi: `Cảnh báo ${rule} của ${actor ?? unit}`, en: `Alert ${rule}` }, evidence: { count: 40, lastSeq: 80, idMasked: '001******042' },
});

describe('alerts through the API', { timeout: 120_000 }, () => {
  let p: ScriptedProvince;
  let security: Record<string, string>;
  let manager: Record<string, string>;
  let auditor: Record<string, string>;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    p = await scriptedProvince({
      units: [{ code: 'U-XA1', quota: 100 }, { code: 'U-XA3', quota: 100 }, { code: 'CAT', quota: 0 }], operators: [{ username: 'motcua09', unit: 'U-XA3' }],
      staff: [{ username: 'anninhmang', unit: 'CAT', role: 'security' }, { username: 'lanhdao.xa1', unit: 'U-XA1', role: 'manager' }, { username: 'thanhtra', unit: 'CAT', role: 'auditor' }],
      start: vn('2026-03-05T22:00'),
    });
    for (const [name, d] of [['tool', draftOf('machine-cadence', 'U-XA3', 'motcua09')], ['quota', draftOf('quota.95', 'U-XA1')]] as const) {
      ids[name] = (await applyDetection(p.storage.db, d, { action: 'create' }, undefined, { nowMs: p.clock.ms, notifyChannels: [] }))!.id;
    }
    security = await p.session('anninhmang');
    manager = await p.session('lanhdao.xa1');
    auditor = await p.session('thanhtra');
  });
  afterAll(async () => {
    await p?.close();
  });

  const post = (url: string, headers: Record<string, string>, body?: unknown) =>
    p.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body ?? {}) });

  it('lists every alert for security and auditors, with rule, severity, status and evidence', async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auditor });
    expect(r.statusCode).toBe(200);
    const alerts = r.json().alerts;
    expect(alerts.map((a: { rule: string }) => a.rule).sort()).toEqual(['machine-cadence', 'quota.95']);
    expect(alerts.find((a: { rule: string }) => a.rule === 'machine-cadence')).toMatchObject({
      severity: 'high', status: 'open', owner: 'security', subject: { actor: 'motcua09', unit: 'U-XA3', app: null }, evidence: { count: 40, idMasked: '001******042' },
    });
    expect(Object.keys(alerts[0]).sort()).not.toContain('dedupKey');
  });

  it('shows a unit head only the alerts about the own unit, and refuses another unit', async () => {
    const r = await p.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: manager });
    expect(r.json().alerts.map((a: { rule: string }) => a.rule)).toEqual(['quota.95']);
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/alerts?unit=U-XA3', headers: manager })).statusCode).toBe(403);
  });

  it('acknowledges, then resolves with a note, recording each step in the ledger', async () => {
    p.clock.ms += 60_000;
    const ack = await post(`/api/v1/alerts/${ids['tool']}/acknowledge`, security);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'anninhmang' });
    expect((await post(`/api/v1/alerts/${ids['tool']}/acknowledge`, security)).json().error.code).toBe('INVALID_REQUEST');
    expect((await post(`/api/v1/alerts/${ids['tool']}/resolve`, security, { note: '' })).statusCode).toBe(400);
    const resolved = await post(`/api/v1/alerts/${ids['tool']}/resolve`, security, { note: 'Đã làm việc với UBND xã, gỡ công cụ tự viết, đổi mật khẩu tài khoản' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: 'anninhmang', resolutionNote: 'Đã làm việc với UBND xã, gỡ công cụ tự viết, đổi mật khẩu tài khoản' });
    const again = await post(`/api/v1/alerts/${ids['tool']}/resolve`, security, { note: 'lại' });
    expect(again.json().error).toMatchObject({ code: 'INVALID_REQUEST', message: 'Cảnh báo đã được xử lý xong' });

    const entries = await p.storage.db.selectFrom('ledger').select(['operation', 'outcome', 'actor', 'unit_code', 'detail']).where('category', '=', 'alert').orderBy('seq').execute();
    expect(entries.map((e) => `${e.operation}:${e.outcome}`)).toEqual(['alert.acknowledge:OK', 'alert.acknowledge:INVALID_REQUEST', 'alert.resolve:OK', 'alert.resolve:INVALID_REQUEST']);
    expect(entries[2]).toMatchObject({ actor: 'anninhmang', unit_code: 'U-XA3' });
    expect(JSON.parse(entries[2]!.detail!)).toMatchObject({ alertId: ids['tool'], rule: 'machine-cadence', from: 'acknowledged', to: 'resolved' });
    expect((await p.app.inject({ method: 'GET', url: '/api/v1/alerts?status=resolved', headers: security })).json().alerts.map((a: { id: number }) => a.id)).toEqual([ids['tool']]);
  });

  it('refuses a resolution note bearing a state-secret marking (R5)', async () => {
    const r = await post(`/api/v1/alerts/${ids['quota']}/resolve`, security, { note: 'Độ mật: Tối mật' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('STATE_SECRET_BLOCKED');
  });

  it('answers NOT_FOUND for an alert that does not exist', async () => {
    expect((await post('/api/v1/alerts/424242/acknowledge', security)).json().error.code).toBe('NOT_FOUND');
  });
});
