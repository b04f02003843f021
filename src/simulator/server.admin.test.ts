import { afterEach, describe, expect, it } from 'vitest';
import { buildSimulator, type SimulatorOptions } from './server.js';

const apps: Array<ReturnType<typeof buildSimulator>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
function sim(opts: Partial<SimulatorOptions> = {}) {
  const app = buildSimulator({
    accounts: [{ name: 'tinh-a', token: 'token-a' }, { name: 'tinh-b', token: 'token-b' }],
    dailyThreshold: 2,
    now: () => new Date('2026-03-10T03:00:00Z'),
    ...opts,
  });
  apps.push(app);
  return app;
}
type App = ReturnType<typeof sim>;
const call = (app: App, token: string) =>
  app.inject({ method: 'POST', url: '/v1/citizens/lookup', payload: { idNumber: '074085123456' }, headers: { authorization: `Bearer ${token}` } });
const stats = async (app: App, headers: Record<string, string> = {}) =>
  (await app.inject({ method: 'GET', url: '/admin/stats', headers })).json();

describe('admin routes', () => {
  it('report every authenticated call in total and per account', async () => {
    const app = sim();
    for (let i = 0; i < 3; i++) await call(app, 'token-a');
    await call(app, 'token-b');
    await call(app, 'not-a-token');
    expect(await stats(app)).toEqual({
      calls: 4,
      day: '2026-03-10',
      byAccount: {
        'tinh-a': { calls: 3, totalCalls: 3, locked: true, threshold: 2 },
        'tinh-b': { calls: 1, totalCalls: 1, locked: false, threshold: 2 },
      },
    });
  });

  it('reset brings everything back to zero and unlocked', async () => {
    const app = sim();
    for (let i = 0; i < 3; i++) await call(app, 'token-a');
    const res = await app.inject({ method: 'POST', url: '/admin/reset' });
    expect(res.statusCode).toBe(200);
    expect(res.json().calls).toBe(0);
    expect((await stats(app)).byAccount['tinh-a']).toEqual({ calls: 0, totalCalls: 0, locked: false, threshold: 2 });
    expect((await call(app, 'token-a')).statusCode).toBe(200);
  });

  it('unlock accepts an empty JSON body and answers 404 for an unknown account', async () => {
    const app = sim();
    const ok = await app.inject({ method: 'POST', url: '/admin/accounts/tinh-a/unlock', headers: { 'content-type': 'application/json' } });
    expect(ok.statusCode).toBe(200);
    const unknown = await app.inject({ method: 'POST', url: '/admin/accounts/tinh-x/unlock' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ code: 'NOT_FOUND' });
  });

  it('require the admin token when one is configured, and refuse the account tokens', async () => {
    const app = sim({ adminToken: 'admin-secret' });
    expect((await app.inject({ method: 'GET', url: '/admin/stats' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/admin/stats', headers: { authorization: 'Bearer token-a' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/admin/reset' })).statusCode).toBe(401);
    expect((await stats(app, { authorization: 'Bearer admin-secret' })).calls).toBe(0);
  });

  it('do not accept the admin token on the citizen routes', async () => {
    const app = sim({ adminToken: 'admin-secret' });
    expect((await call(app, 'admin-secret')).statusCode).toBe(401);
  });
});
