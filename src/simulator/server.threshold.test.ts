import { afterEach, describe, expect, it } from 'vitest';
import { buildSimulator, type SimulatorOptions } from './server.js';

const apps: Array<ReturnType<typeof buildSimulator>> = [];
let clock = new Date('2026-03-10T03:00:00Z');
function sim(opts: Partial<SimulatorOptions> = {}) {
  const app = buildSimulator({
    accounts: [{ name: 'tinh-a', token: 'token-a' }, { name: 'tinh-b', token: 'token-b' }],
    dailyThreshold: 3,
    now: () => clock,
    ...opts,
  });
  apps.push(app);
  return app;
}
afterEach(async () => {
  clock = new Date('2026-03-10T03:00:00Z');
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
type App = ReturnType<typeof sim>;
const lookup = (app: App, token = 'token-a', payload: object = { idNumber: '074085123456' }) =>
  app.inject({ method: 'POST', url: '/v1/citizens/lookup', payload, headers: { authorization: `Bearer ${token}` } });
const statuses = async (app: App, n: number, token = 'token-a') => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await lookup(app, token)).statusCode);
  return out;
};
const stats = async (app: App) => (await app.inject({ method: 'GET', url: '/admin/stats' })).json();
const unlock = (app: App, name: string) => app.inject({ method: 'POST', url: `/admin/accounts/${name}/unlock` });

describe('the daily threshold', () => {
  it('serves up to the threshold and locks on the call past it, answering 423 ACCOUNT_LOCKED', async () => {
    const app = sim();
    expect(await statuses(app, 5)).toEqual([200, 200, 200, 423, 423]);
    expect((await lookup(app)).json()).toEqual({ code: 'ACCOUNT_LOCKED' });
    expect((await stats(app)).byAccount['tinh-a']).toEqual({ calls: 6, totalCalls: 6, locked: true, threshold: 3 });
  });

  it('counts 404s, 400s and injected faults like any other call', async () => {
    const app = sim({ errorRate: 1 });
    expect((await lookup(app, 'token-a', { idNumber: '079227000001' })).statusCode).toBe(500);
    expect((await lookup(app, 'token-a', { idNumber: 'nope' })).statusCode).toBe(400);
    const broken = await app.inject({
      method: 'POST', url: '/v1/citizens/lookup', payload: '{', headers: { authorization: 'Bearer token-a', 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect((await lookup(app)).statusCode).toBe(423);
  });

  it('counts a lookup of nobody toward the threshold', async () => {
    const app = sim();
    for (let i = 0; i < 3; i++) expect((await lookup(app, 'token-a', { idNumber: '079227000001' })).statusCode).toBe(404);
    expect((await lookup(app)).statusCode).toBe(423);
  });

  it('counts verifications on the same account as lookups', async () => {
    const app = sim();
    const verify = { idNumber: '074085123456', fullName: 'A', dateOfBirth: '1985-01-01' };
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'POST', url: '/v1/citizens/verify', payload: verify, headers: { authorization: 'Bearer token-a' } });
      expect(res.statusCode).toBe(200);
    }
    expect((await lookup(app)).statusCode).toBe(423);
  });

  it('locks one account without touching another', async () => {
    const app = sim();
    await statuses(app, 4, 'token-a');
    expect(await statuses(app, 3, 'token-b')).toEqual([200, 200, 200]);
  });

  it('honours a per-account threshold', async () => {
    const app = sim({ accounts: [{ name: 'tinh-a', token: 'token-a', dailyThreshold: 1 }] });
    expect(await statuses(app, 2)).toEqual([200, 423]);
  });
});

describe('the lock', () => {
  it('stays until unlocked, then the day starts again from zero', async () => {
    const app = sim();
    await statuses(app, 4);
    expect((await unlock(app, 'tinh-a')).json()).toEqual({ account: 'tinh-a', locked: false, calls: 0 });
    expect(await statuses(app, 4)).toEqual([200, 200, 200, 423]);
  });

  it('survives local midnight: a new day does not unlock the account', async () => {
    const app = sim();
    await statuses(app, 4);
    clock = new Date('2026-03-11T03:00:00Z');
    expect(await statuses(app, 2)).toEqual([423, 423]);
    expect((await stats(app)).byAccount['tinh-a']).toMatchObject({ calls: 2, totalCalls: 6, locked: true });
  });
});

describe('the day', () => {
  it('resets the count at midnight in Vietnam, not at midnight UTC', async () => {
    const app = sim();
    clock = new Date('2026-03-10T16:59:59Z'); // 23:59:59 in Hà Nội (UTC+7)
    expect(await statuses(app, 3)).toEqual([200, 200, 200]);
    clock = new Date('2026-03-10T17:00:00Z'); // 00:00:00 on 11/3 in Hà Nội
    expect(await statuses(app, 3)).toEqual([200, 200, 200]);
    expect((await stats(app)).byAccount['tinh-a'].calls).toBe(3);
    expect((await stats(app)).calls).toBe(6);
  });

  it('does not reset at UTC midnight when the day runs in Vietnam', async () => {
    const app = sim();
    clock = new Date('2026-03-10T23:59:59Z');
    await statuses(app, 3);
    clock = new Date('2026-03-11T00:00:01Z');
    expect(await statuses(app, 1)).toEqual([423]);
  });

  it('follows a configured time zone', async () => {
    const app = sim({ timezone: 'UTC' });
    clock = new Date('2026-03-10T23:59:59Z');
    await statuses(app, 3);
    clock = new Date('2026-03-11T00:00:01Z');
    expect(await statuses(app, 1)).toEqual([200]);
  });

  it('shows the lapsed count of an earlier day as zero in the stats', async () => {
    const app = sim();
    await statuses(app, 2);
    clock = new Date('2026-03-12T03:00:00Z');
    expect((await stats(app)).byAccount['tinh-a']).toMatchObject({ calls: 0, totalCalls: 2, locked: false });
  });
});
