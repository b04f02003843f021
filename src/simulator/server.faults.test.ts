import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from './prng.js';
import { buildSimulator, type SimulatorOptions } from './server.js';

const apps: Array<ReturnType<typeof buildSimulator>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
function sim(opts: Partial<SimulatorOptions>) {
  const app = buildSimulator({
    accounts: [{ name: 'tinh-a', token: 'token-a' }],
    dailyThreshold: 10_000,
    now: () => new Date('2026-03-10T03:00:00Z'),
    ...opts,
  });
  apps.push(app);
  return app;
}
const lookup = (app: ReturnType<typeof sim>, idNumber = '074085123456') =>
  app.inject({ method: 'POST', url: '/v1/citizens/lookup', payload: { idNumber }, headers: { authorization: 'Bearer token-a' } });

describe('fault injection', () => {
  it('answers every servable call 500 UPSTREAM_FAULT at an error rate of 1', async () => {
    const app = sim({ errorRate: 1 });
    const res = await lookup(app);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'UPSTREAM_FAULT' });
    const verify = await app.inject({
      method: 'POST', url: '/v1/citizens/verify', headers: { authorization: 'Bearer token-a' },
      payload: { idNumber: '074085123456', fullName: 'A', dateOfBirth: '1985-01-01' },
    });
    expect(verify.statusCode).toBe(500);
  });

  it('fails about the configured share of calls', async () => {
    const app = sim({ errorRate: 0.3, random: seededRandom('faults-test') });
    let faults = 0;
    for (let i = 0; i < 1_000; i++) if ((await lookup(app)).statusCode === 500) faults += 1;
    expect(faults).toBeGreaterThan(250);
    expect(faults).toBeLessThan(350);
  });

  it('uses the random source it is given', async () => {
    const draws = [0.05, 0.5, 0.05];
    const app = sim({ errorRate: 0.1, random: () => draws.shift() ?? 1 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await lookup(app)).statusCode);
    expect(codes).toEqual([500, 200, 500, 200]);
  });

  it('injects no faults by default', async () => {
    const app = sim({});
    for (let i = 0; i < 200; i++) expect((await lookup(app)).statusCode).toBe(200);
  });

  it('reproduces the same faults from the same default seed', async () => {
    const run = async () => {
      const app = sim({ errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 50; i++) out.push((await lookup(app)).statusCode);
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});
