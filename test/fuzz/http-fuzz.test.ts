/**
 * HTTP fuzz: 10,000 malformed requests across every route, as anonymous callers, a connected system
 * and staff of several roles. No answer may be a 500 (the upstream is healthy, so no 502–504 either),
 * every error keeps the one error shape, and the gateway still answers /healthz afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStorage, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../support/harness.js';
import { addStaff, sessionHeaders } from '../support/staff.js';

const REQUESTS = 10_000;

const junkString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '../../etc/passwd', '%00', '\u0000', 'null', '-1', '1e309', '0x1F', '<script>', "' OR 1=1 --", 'MẬT', '001085000001', 'a'.repeat(300)),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), junkString, fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(junkString, tie('value'), { maxKeys: 6 })),
})).value;

describe('the gateway under malformed requests', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  const callers: Record<string, Record<string, string>> = { anonymous: {} };
  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 1_000_000 });
    for (const role of ['admin', 'security', 'manager', 'operator', 'auditor']) {
      callers[role] = await sessionHeaders(storage, await addStaff(storage, { username: `fuzz-${role}`, role, unitId: s.unitId }));
    }
    callers['app'] = { authorization: `Bearer ${s.appKey}`, 'x-on-behalf-of': 'motcua01', 'x-client-version': s.version };
    await storage.close();
    // Sessions never go idle during the run: the clock stands still.
    const now = new Date();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, now: () => now, env: { DANCU_USER_LOOKUPS_PER_MINUTE: '100000', DANCU_UPSTREAM_DAILY_THRESHOLD: '100000000' } });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it(`answers ${REQUESTS.toLocaleString('en')} malformed requests without a single 500`, async () => {
    const routes = gw.app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url === '/healthz' || r.url === '/readyz' || r.url === '/metrics');
    const request = fc.record({
      route: fc.constantFrom(...routes),
      caller: fc.constantFrom(...Object.keys(callers)),
      param: junkString,
      query: fc.array(fc.tuple(junkString, junkString), { maxLength: 4 }),
      contentType: fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined),
      body: fc.oneof(jsonValue.map((v) => JSON.stringify(v) ?? 'null'), junkString, fc.constantFrom('{', '{"a":', '[1,2', '\u0000\u0001', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}')),
    });
    const samples = fc.sample(request, { numRuns: REQUESTS, seed: 20261123 });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const r of samples) {
      const url = r.route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(r.param)) + (r.query.length ? '?' + r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : '');
      const headers: Record<string, string> = { ...callers[r.caller] };
      if (r.contentType) headers['content-type'] = r.contentType;
      const res = await gw.app.inject({ method: r.route.method as 'GET', url, headers, payload: r.route.method === 'GET' ? undefined : r.body });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${r.route.method} ${url} as ${r.caller}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400) {
        const body = res.json() as { error?: { code?: string; requestId?: string } };
        if (!body.error?.code || !body.error.requestId) failures.push(`${r.route.method} ${url}: error without the error shape: ${res.body.slice(0, 200)}`);
      }
      if (failures.length > 20) break;
    }
    console.log(`http fuzz: ${samples.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    expect(failures).toEqual([]);
    expect((await gw.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 600_000);
});
