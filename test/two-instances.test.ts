/** Two gateway instances on one PostgreSQL database share every cap exactly and one ledger chain. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyLedger } from '../src/storage/ledger-store.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from './support/harness.js';

describe('two gateway instances on one PostgreSQL database', () => {
  let sim: SimulatorHandle;
  let a: TestGateway;
  let b: TestGateway;
  let s: Seeded;
  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 3 });
    const { storage, url, dataDir } = await freshStorage('postgres', inject('pgUrl'));
    s = await seedBasics(storage, { unitQuota: 40 });
    await storage.close();
    const env = { DANCU_UPSTREAM_DAILY_THRESHOLD: '1000', DANCU_USER_LOOKUPS_PER_MINUTE: '100000' };
    a = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env, instanceId: 'gw-a' });
    b = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env, instanceId: 'gw-b' });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await sim.close();
  });

  it('grants exactly the unit allocation across both instances and calls the upstream exactly that often', async () => {
    const rs = await Promise.all(Array.from({ length: 160 }, (_, i) => (i % 2 ? a : b).app.inject(lookupRequest(s, { idNumber: idNumber(i + 1) }))));
    const served = rs.filter((r) => r.statusCode === 200 || r.statusCode === 404).length;
    expect(served).toBe(40);
    expect(rs.filter((r) => r.statusCode === 429)).toHaveLength(120);
    expect((await sim.stats()).calls).toBe(40);
  });

  it('keeps one verifiable chain written by both instances', async () => {
    const r = await verifyLedger(a.storage, a.keys);
    expect(r.ok).toBe(true);
    const writers = await a.storage.db.selectFrom('ledger').select('instance_id').distinct().execute();
    expect(writers.map((w) => w.instance_id).sort()).toEqual(['gw-a', 'gw-b']);
  });
});
