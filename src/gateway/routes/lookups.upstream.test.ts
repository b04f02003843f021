import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearUpstreamLock, upstreamState } from '../../storage/quota-store.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';

describe('when the upstream locks the province account', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  let s: Seeded;
  beforeAll(async () => {
    sim = await startSimulator({ dailyThreshold: 5 });
    const { storage, url, dataDir } = await freshStorage('sqlite');
    s = await seedBasics(storage, { unitQuota: 1000 });
    await storage.close();
    // The gateway believes the threshold is higher than the upstream's: the incident of the letters.
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env: { DANCU_UPSTREAM_DAILY_THRESHOLD: '100', DANCU_USER_LOOKUPS_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('answers UPSTREAM_LOCKED and makes no further upstream call until the lock is cleared', async () => {
    for (let i = 1; i <= 5; i++) expect([200, 404]).toContain((await gw.app.inject(lookupRequest(s, { idNumber: idNumber(i) }))).statusCode);
    const sixth = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(6) }));
    expect(sixth.statusCode).toBe(503);
    expect(sixth.json().error.code).toBe('UPSTREAM_LOCKED');
    expect((await upstreamState(gw.storage.db))?.locked).toBe(1);
    const callsAfterLock = (await sim.stats()).calls;
    for (let i = 7; i <= 12; i++) {
      const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(i) }));
      expect(r.json().error.code).toBe('UPSTREAM_LOCKED');
    }
    expect((await sim.stats()).calls).toBe(callsAfterLock);
    const critical = await gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'upstream.locked').execute();
    expect(critical).toHaveLength(1);

    await sim.app.inject({ method: 'POST', url: '/admin/accounts/tinh-demo/unlock' });
    expect(await clearUpstreamLock(gw.storage.db, 'test', Date.now())).toBe(true);
    const again = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(13) }));
    expect([200, 404]).toContain(again.statusCode);
    expect((await sim.stats()).calls).toBe(callsAfterLock + 1);
  });
});

describe('when the upstream fails or is slow', () => {
  let gw: TestGateway | null = null;
  let sim: SimulatorHandle | null = null;
  afterEach(async () => {
    await gw?.close();
    await sim?.close();
    gw = sim = null;
  });

  it('never refunds a call that timed out, and answers UPSTREAM_TIMEOUT', async () => {
    sim = await startSimulator({ latencyMs: 400 });
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const s = await seedBasics(storage, { unitQuota: 3 });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env: { DANCU_UPSTREAM_TIMEOUT_MS: '100' } });
    for (let i = 1; i <= 3; i++) expect((await gw.app.inject(lookupRequest(s, { idNumber: idNumber(i) }))).json().error.code).toBe('UPSTREAM_TIMEOUT');
    const fourth = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(4) }));
    expect(fourth.json().error.code).toBe('QUOTA_EXCEEDED');
  });

  it('opens the circuit breaker after repeated failures instead of hammering the upstream', async () => {
    sim = await startSimulator({ errorRate: 1 });
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const s = await seedBasics(storage, { unitQuota: 100 });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
    const codes: string[] = [];
    for (let i = 1; i <= 8; i++) codes.push((await gw.app.inject(lookupRequest(s, { idNumber: idNumber(i) }))).json().error.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UPSTREAM_ERROR'));
    expect(codes.slice(5)).toEqual(Array(3).fill('UPSTREAM_UNAVAILABLE'));
    expect((await sim.stats()).calls).toBe(5);
  });

  it('fails closed: when the ledger cannot be written, nothing goes upstream', async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const s = await seedBasics(storage, { unitQuota: 100 });
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url });
    await gw.storage.db.schema.dropTable('ledger_head').execute();
    const r = await gw.app.inject(lookupRequest(s, { idNumber: idNumber(1) }));
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe('LEDGER_UNAVAILABLE');
    expect((await sim.stats()).calls).toBe(0);
  });
});
