import { afterEach, describe, expect, it } from 'vitest';
import { buildSimulator } from './server.js';

const apps: Array<ReturnType<typeof buildSimulator>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
function sim(threshold: number) {
  const app = buildSimulator({
    accounts: [{ name: 'tinh-a', token: 'token-a' }],
    dailyThreshold: threshold,
    latencyMs: 25,
    now: () => new Date('2026-03-10T03:00:00Z'),
  });
  apps.push(app);
  return app;
}
const ids = (n: number) => Array.from({ length: n }, (_, i) => `079090${String(i).padStart(6, '0')}`);
const tally = (codes: number[]) => ({
  served: codes.filter((c) => c === 200 || c === 404).length,
  locked: codes.filter((c) => c === 423).length,
});

describe('concurrent calls', () => {
  it('serves exactly the threshold when threshold + 50 calls arrive at once', async () => {
    const threshold = 100;
    const app = sim(threshold);
    const codes = await Promise.all(
      ids(threshold + 50).map(async (idNumber) => {
        const res = await app.inject({
          method: 'POST', url: '/v1/citizens/lookup', payload: { idNumber }, headers: { authorization: 'Bearer token-a' },
        });
        return res.statusCode;
      }),
    );
    expect(tally(codes)).toEqual({ served: threshold, locked: 50 });
    const stats = (await app.inject({ method: 'GET', url: '/admin/stats' })).json();
    expect(stats.byAccount['tinh-a']).toMatchObject({ calls: threshold + 50, locked: true });
  });

  it('holds the same count over real HTTP on the loopback interface', async () => {
    const threshold = 40;
    const app = sim(threshold);
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const codes = await Promise.all(
      ids(threshold + 50).map(async (idNumber) => {
        const res = await fetch(`${base}/v1/citizens/lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer token-a' },
          body: JSON.stringify({ idNumber }),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(tally(codes)).toEqual({ served: threshold, locked: 50 });
  });

  it('waits the configured latency before answering', async () => {
    const app = sim(10);
    const started = performance.now();
    await app.inject({ method: 'POST', url: '/v1/citizens/lookup', payload: { idNumber: '079090000001' }, headers: { authorization: 'Bearer token-a' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
  });
});
