import { afterEach, describe, expect, it } from 'vitest';
import { citizenFor } from './citizens.js';
import { buildSimulator, DEMO_UPSTREAM_ACCOUNT, DEMO_UPSTREAM_TOKEN } from './server.js';

const NOW = new Date('2026-03-10T03:00:00Z');
const apps: Array<ReturnType<typeof buildSimulator>> = [];
function sim() {
  const app = buildSimulator({
    accounts: [{ name: DEMO_UPSTREAM_ACCOUNT, token: DEMO_UPSTREAM_TOKEN }],
    dailyThreshold: 1_000,
    now: () => NOW,
  });
  apps.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
const auth = { authorization: `Bearer ${DEMO_UPSTREAM_TOKEN}` };
const lookup = (app: ReturnType<typeof sim>, payload: unknown, headers: Record<string, string> = auth) =>
  app.inject({ method: 'POST', url: '/v1/citizens/lookup', payload: payload as object, headers });
const callsOf = async (app: ReturnType<typeof sim>) =>
  (await app.inject({ method: 'GET', url: '/admin/stats' })).json().byAccount[DEMO_UPSTREAM_ACCOUNT].calls as number;

function nobody(): string {
  for (let i = 0; ; i++) {
    const id = `001090${String(i).padStart(6, '0')}`;
    if (citizenFor(id, { year: 2026, month: 3, day: 10 }) === null) return id;
  }
}

describe('POST /v1/citizens/lookup', () => {
  it('returns the citizen for a known number, the same each time', async () => {
    const app = sim();
    const a = await lookup(app, { idNumber: '074085123456' });
    const b = await lookup(app, { idNumber: '074085123456' });
    expect(a.statusCode).toBe(200);
    expect(a.json().citizen).toMatchObject({ idNumber: '074085123456', gender: 'Nam', birthRegistrationPlace: 'Tỉnh Bình Dương' });
    expect(a.json().citizen.dateOfBirth).toMatch(/^1985-/);
    expect(b.json()).toEqual(a.json());
  });

  it('answers 404 NOT_FOUND for a number that belongs to nobody', async () => {
    const res = await lookup(sim(), { idNumber: nobody() });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND' });
  });

  it('answers 404 for a birth year still ahead in the simulator\'s own calendar', async () => {
    const res = await lookup(sim(), { idNumber: '079227000001' });
    expect(res.statusCode).toBe(404);
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrong' }],
    ['another scheme', { authorization: `Basic ${DEMO_UPSTREAM_TOKEN}` }],
    ['the bare token', { authorization: DEMO_UPSTREAM_TOKEN }],
  ])('answers 401 UNAUTHORIZED for %s, without counting the call', async (_label, headers) => {
    const app = sim();
    const res = await lookup(app, { idNumber: '074085123456' }, headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHORIZED' });
    expect(await callsOf(app)).toBe(0);
  });

  it('accepts the scheme name in any case', async () => {
    const res = await lookup(sim(), { idNumber: '074085123456' }, { authorization: `bearer ${DEMO_UPSTREAM_TOKEN}` });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['no idNumber', {}],
    ['a numeric idNumber', { idNumber: 74085123456 }],
    ['an 11-digit idNumber', { idNumber: '07408512345' }],
    ['a padded idNumber', { idNumber: ' 074085123456' }],
    ['an array', [{ idNumber: '074085123456' }]],
  ])('answers 400 INVALID_REQUEST for %s', async (_label, payload) => {
    const res = await lookup(sim(), payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'INVALID_REQUEST' });
  });

  it('answers 400 INVALID_REQUEST for broken JSON and for a non-JSON body', async () => {
    const app = sim();
    const broken = await app.inject({
      method: 'POST', url: '/v1/citizens/lookup', payload: '{"idNumber":', headers: { ...auth, 'content-type': 'application/json' },
    });
    const text = await app.inject({
      method: 'POST', url: '/v1/citizens/lookup', payload: '074085123456', headers: { ...auth, 'content-type': 'text/plain' },
    });
    expect([broken.statusCode, text.statusCode]).toEqual([400, 400]);
    expect(broken.json()).toEqual({ code: 'INVALID_REQUEST' });
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const res = await lookup(sim(), { idNumber: '074085123456', pad: 'x'.repeat(65 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers unknown routes with a code that cannot be mistaken for a missing citizen', async () => {
    const res = await sim().inject({ method: 'POST', url: '/v1/citizen/lookup', payload: {}, headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NO_SUCH_ROUTE' });
  });
});
