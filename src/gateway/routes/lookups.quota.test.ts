import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as dir from '../../storage/directory.js';
import { freshStorage, idNumber, lookupRequest, seedBasics, startGateway, startSimulator, type Seeded, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';

async function burst(gw: TestGateway, s: Seeded, n: number, headers: Record<string, string> = {}, offset = 0) {
  const rs = await Promise.all(Array.from({ length: n }, (_, i) => gw.app.inject(lookupRequest(s, { idNumber: idNumber(offset + i + 1) }, headers))));
  const codes = rs.map((r) => (r.statusCode === 200 ? 'OK' : r.statusCode === 404 ? 'NF' : r.json().error.code));
  return { ok: codes.filter((c) => c === 'OK' || c === 'NF').length, codes };
}

describe.each(['sqlite', 'postgres'] as const)('quotas on %s', (engine) => {
  let sim: SimulatorHandle;
  const gws: TestGateway[] = [];
  async function gateway(o: { unitQuota?: number; userQuota?: number | null; appQuota?: number | null; env?: Record<string, string>; now?: () => Date }) {
    const { storage, url, dataDir } = await freshStorage(engine, inject('pgUrl'));
    const s = await seedBasics(storage, o);
    await storage.close();
    const gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env: { DANCU_USER_LOOKUPS_PER_MINUTE: '100000', ...o.env }, ...(o.now ? { now: o.now } : {}) });
    gws.push(gw);
    return { gw, s };
  }
  beforeAll(async () => {
    sim = await startSimulator({ latencyMs: 2 });
  });
  afterAll(async () => {
    for (const gw of gws) await gw.close();
    await sim.close();
  });

  it('with a unit allocation of N, exactly N of 4N concurrent lookups reach the upstream', async () => {
    const { gw, s } = await gateway({ unitQuota: 25 });
    const before = (await sim.stats()).calls;
    const r = await burst(gw, s, 100);
    expect(r.ok).toBe(25);
    expect(r.codes.filter((c) => c === 'QUOTA_EXCEEDED')).toHaveLength(75);
    expect((await sim.stats()).calls - before).toBe(25);
  });

  it('never lets the province exceed its threshold less the safety margin', async () => {
    const { gw, s } = await gateway({ unitQuota: 1000, env: { DANCU_UPSTREAM_DAILY_THRESHOLD: '40', DANCU_QUOTA_SAFETY_MARGIN: '0.25' } });
    const before = (await sim.stats()).calls;
    const r = await burst(gw, s, 120);
    expect(r.ok).toBe(30);
    expect((await sim.stats()).calls - before).toBe(30);
  });

  it('applies a person\'s and an app\'s daily caps', async () => {
    const u = await gateway({ unitQuota: 1000, userQuota: 7 });
    expect((await burst(u.gw, u.s, 20)).ok).toBe(7);
    const a = await gateway({ unitQuota: 1000, appQuota: 5 });
    expect((await burst(a.gw, a.s, 20)).ok).toBe(5);
  });

  it('rate-limits a person per minute with RATE_LIMITED, spending nothing', async () => {
    const { gw, s } = await gateway({ unitQuota: 1000, env: { DANCU_USER_LOOKUPS_PER_MINUTE: '10' }, now: () => new Date('2026-11-23T03:00:30Z') });
    const r = await burst(gw, s, 30);
    expect(r.ok).toBe(10);
    expect(r.codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20);
  });

  it('starts a new quota day at 00:00 in Asia/Ho_Chi_Minh, not at 00:00 UTC', async () => {
    let now = new Date('2026-11-23T16:59:00Z'); // 23:59 in Hà Nội
    const { gw, s } = await gateway({ unitQuota: 3, now: () => now });
    expect((await burst(gw, s, 5)).ok).toBe(3);
    now = new Date('2026-11-23T17:00:00Z'); // 00:00 on 24/11 in Hà Nội, still 23/11 in UTC
    expect((await burst(gw, s, 5, {}, 100)).ok).toBe(3);
  });

  it('lets an administrator raise a unit\'s allocation during the day', async () => {
    const { gw, s } = await gateway({ unitQuota: 2 });
    expect((await burst(gw, s, 4)).ok).toBe(2);
    await dir.setUnitQuota(gw.storage.db, 'UBND-X', 5);
    expect((await burst(gw, s, 6, {}, 50)).ok).toBe(3);
  });
});
