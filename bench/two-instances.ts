/**
 * Part 5: two gateway processes on one PostgreSQL database, with the province cap set low, loaded
 * until the quota refusals begin. Reports the throughput of served lookups and the calls that
 * reached the simulator against the cap (overshoot must be zero).
 */
import fs from 'node:fs';
import { loadKeys } from '../src/keys.js';
import { openStorage } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrations/index.js';
import { createTestDatabase } from '../test/support/postgres.js';
import { seedBasics, startSimulator, tempDir } from '../test/support/harness.js';
import { acknowledgeCurrentRules, lookupBodies, systemHeaders, usernames } from './fixtures.js';
import { runLoadInChild } from './load.js';
import { spawnGateway, type GatewayProcess } from './processes.js';

export interface TwoInstancesResult {
  rps: number;
  upstreamCalls: number;
  cap: number;
  overshoot: number;
  served: number;
  answers: Record<string, number>;
  errors: Record<string, number>;
  simulatorLocked: boolean;
}

const TIMEZONE = 'Asia/Ho_Chi_Minh';

export async function benchTwoInstances(pgAdminUrl: string, o: { cap: number; concurrency: number; maxMs: number }): Promise<TwoInstancesResult> {
  const dbUrl = await createTestDatabase(pgAdminUrl, 'bench_two');
  const dataDir = tempDir('dancu-bench-two-');
  const users = usernames(16);
  const storage = openStorage(dbUrl);
  let seeded;
  try {
    await migrate(storage);
    seeded = await seedBasics(storage, { unitQuota: 1_000_000_000, usernames: users });
    await acknowledgeCurrentRules(storage, seeded.unitId, users, TIMEZONE);
  } finally {
    await storage.close();
  }
  // Both instances read the same generated keys (README: instances sharing a database share keys).
  loadKeys({ dataDir, ledgerKey: null, checkpointKey: null, sessionSecret: null });
  // The simulator's threshold is the cap itself: a single call too many would lock the account.
  const sim = await startSimulator({ dailyThreshold: o.cap, latencyMs: 0 });
  const env = (id: string) => ({
    DANCU_DATA_DIR: dataDir, DANCU_DATABASE_URL: dbUrl, DANCU_PORT: '0', DANCU_UPSTREAM_URL: sim.url, DANCU_INSTANCE_ID: id,
    DANCU_UPSTREAM_DAILY_THRESHOLD: String(o.cap), DANCU_QUOTA_SAFETY_MARGIN: '0', DANCU_USER_LOOKUPS_PER_MINUTE: '100000', DANCU_TIMEZONE: TIMEZONE,
  });
  const gateways: GatewayProcess[] = [];
  try {
    gateways.push(...(await Promise.all([spawnGateway(env('bench-a')), spawnGateway(env('bench-b'))])));
    const r = await runLoadInChild({
      targets: gateways.map((g) => g.url),
      path: '/api/v1/lookups',
      headers: systemHeaders(seeded, users),
      bodies: lookupBodies(5000),
      concurrency: o.concurrency,
      durationMs: o.maxMs,
      stopAfter: { key: '429:QUOTA_EXCEEDED', count: 200 },
    });
    const served = (r.byKey['200'] ?? 0) + (r.byKey['404:CITIZEN_NOT_FOUND'] ?? 0);
    const lastServedMs = Math.max(r.lastAtMs['200'] ?? 0, r.lastAtMs['404:CITIZEN_NOT_FOUND'] ?? 0);
    const stats = await sim.stats();
    const account = Object.values(stats.byAccount)[0];
    return {
      rps: lastServedMs > 0 ? Math.round((served * 1000 * 100) / lastServedMs) / 100 : 0,
      upstreamCalls: stats.calls,
      cap: o.cap,
      overshoot: Math.max(0, stats.calls - o.cap),
      served,
      answers: r.byKey,
      errors: r.errors,
      simulatorLocked: account?.locked ?? false,
    };
  } finally {
    await Promise.all(gateways.map((g) => g.stop()));
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
