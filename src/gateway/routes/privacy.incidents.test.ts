import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../storage/db.js';
import { freshStorage, seedBasics, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

const H = 3_600_000;

const session = (storage: Storage, userId: number) => sessionHeaders(storage, userId);

describe('personal-data breach incidents (72-hour notification, Luật 91/2025/QH15)', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  const as: Record<string, Record<string, string>> = {};
  const post = (who: string, url: string, payload: Record<string, unknown>) => gw.app.inject({ method: 'POST', url, headers: as[who]!, payload });
  const list = async (who = 'anninh01') => (await gw.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: as[who]! })).json().incidents as Array<Record<string, unknown>>;
  const ago = (hours: number) => new Date(Date.now() - hours * H).toISOString();
  let due = 0;
  let overdue = 0;

  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const s = await seedBasics(storage);
    for (const [username, role] of [['anninh01', 'security'], ['kiemtra01', 'auditor'], ['quantri01', 'admin'], ['motcua02', 'operator']] as const) {
      as[username] = await session(storage, await addStaff(storage, { username, role, unitId: s.unitId }));
    }
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('records an incident and shows the deadline and the time left', async () => {
    const r = await post('anninh01', '/api/v1/incidents', { title: 'Lộ danh sách tra cứu', description: 'Tệp xuất nhật ký bị gửi nhầm ra ngoài', discoveredAt: ago(70), severity: 'high' });
    expect(r.statusCode).toBe(201);
    const i = r.json();
    due = i.id;
    expect(i).toMatchObject({ status: 'due', reportedBy: 'anninh01', severity: 'high', notifiedAt: null });
    expect(Date.parse(i.notificationDeadline) - Date.parse(i.discoveredAt)).toBe(72 * H);
    expect(i.msLeft).toBeGreaterThan(1.9 * H);
    expect(i.msLeft).toBeLessThanOrEqual(2 * H);
    expect(i.timeLeft).toMatch(/^còn [12] giờ \d+ phút$/);
    const entry = await gw.storage.db.selectFrom('ledger').selectAll().where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ category: 'privacy', operation: 'incident.created', actor: 'anninh01' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ incidentId: due, severity: 'high', deadline: i.notificationDeadline });
  });

  it('shows an incident past 72 hours as overdue', async () => {
    const r = await post('anninh01', '/api/v1/incidents', { title: 'Tài khoản bị chiếm quyền', description: 'Phát hiện muộn', discoveredAt: ago(75), severity: 'critical' });
    overdue = r.json().id;
    const found = (await list('kiemtra01')).find((x) => x.id === overdue)!;
    expect(found).toMatchObject({ status: 'overdue' });
    expect(found.msLeft as number).toBeLessThan(-2.9 * H);
    expect(found.timeLeft).toMatch(/^quá hạn (2|3) giờ/);
    expect((await list('quantri01')).map((x) => x.id)).toEqual([overdue, due]);
  });

  it('records the notification, in time or late, once', async () => {
    const inTime = await post('anninh01', `/api/v1/incidents/${due}/notify`, { authority: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)', reference: '15/TB-STTTT' });
    expect(inTime.statusCode).toBe(200);
    expect(inTime.json()).toMatchObject({ status: 'notified', notifiedBy: 'anninh01', reference: '15/TB-STTTT', timeLeft: 'đã thông báo trong hạn' });
    const late = await post('anninh01', `/api/v1/incidents/${overdue}/notify`, { authority: 'A05', reference: '16/TB' });
    expect(late.json().status).toBe('notified_late');
    const entries = await gw.storage.db.selectFrom('ledger').select(['outcome', 'detail']).where('operation', '=', 'incident.notified').orderBy('seq').execute();
    expect(entries.map((e) => e.outcome)).toEqual(['OK', 'LATE']);
    expect(JSON.parse(entries[0]!.detail!)).toMatchObject({ incidentId: due, reference: '15/TB-STTTT' });
    expect((await post('anninh01', `/api/v1/incidents/${due}/notify`, { authority: 'A05', reference: 'x' })).json().error.code).toBe('INVALID_REQUEST');
    expect((await post('anninh01', '/api/v1/incidents/9999/notify', { authority: 'A05', reference: 'x' })).json().error.code).toBe('NOT_FOUND');
  });

  it('refuses a discovery time in the future or without a zone, and callers other than security', async () => {
    const base = { title: 't', description: 'd', severity: 'low' };
    expect((await post('anninh01', '/api/v1/incidents', { ...base, discoveredAt: new Date(Date.now() + 3 * H).toISOString() })).json().error.code).toBe('INVALID_REQUEST');
    expect((await post('anninh01', '/api/v1/incidents', { ...base, discoveredAt: '2026-03-02T08:00:00' })).json().error.code).toBe('INVALID_REQUEST');
    expect((await post('anninh01', '/api/v1/incidents', { ...base, discoveredAt: ago(1), severity: 'urgent' })).json().error.code).toBe('INVALID_REQUEST');
    expect((await post('kiemtra01', '/api/v1/incidents', { ...base, discoveredAt: ago(1) })).statusCode).toBe(403);
    expect((await gw.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: as['motcua02']! })).statusCode).toBe(403);
  });
});
