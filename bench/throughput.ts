/**
 * Part 1: lookups per second through the full gateway (every control on, durable SQLite ledger)
 * against a bare Fastify reverse proxy to the same simulator, driven by the same load generator
 * (in a child process) in the same run.
 */
import fs from 'node:fs';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { openCore, startDancu } from '../src/runtime.js';
import { DEMO_UPSTREAM_TOKEN } from '../src/simulator/server.js';
import { seedBasics, startSimulator, tempDir } from '../test/support/harness.js';
import { startBareProxy } from './bare-proxy.js';
import { acknowledgeCurrentRules, lookupBodies, systemHeaders, usernames } from './fixtures.js';
import { runLoadInChild, type LoadResult, type LoadSpec } from './load.js';

export interface ThroughputOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
}

export interface Throughput {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  answers: Record<string, number>;
  errors: Record<string, number>;
  /** rps of every round; the figures above are from the median round. */
  rounds?: number[];
}

function median(rs: LoadResult[]): LoadResult {
  return [...rs].sort((a, b) => a.rps - b.rps)[Math.floor((rs.length - 1) / 2)]!;
}

const summary = (r: LoadResult): Throughput => ({ rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, answers: r.byKey, errors: r.errors });

/** Fails loudly when the run measured something other than served lookups (a refusal, a fault). */
function assertServed(name: string, r: LoadResult): void {
  const total = Object.values(r.byKey).reduce((a, b) => a + b, 0);
  const served = (r.byKey['200'] ?? 0) + (r.byKey['404'] ?? 0) + (r.byKey['404:CITIZEN_NOT_FOUND'] ?? 0) + (r.byKey['404:NOT_FOUND'] ?? 0);
  const failed = Object.values(r.errors).reduce((a, b) => a + b, 0);
  if (total === 0 || served < total * 0.99 || failed > total * 0.01) {
    throw new Error(`${name}: the run did not measure served lookups: answers ${JSON.stringify(r.byKey)}, errors ${JSON.stringify(r.errors)}`);
  }
}

export async function benchThroughput(o: ThroughputOptions): Promise<{ gateway: Throughput; bareProxy: Throughput; ratio: number }> {
  const sim = await startSimulator({ latencyMs: 0, dailyThreshold: 1_000_000_000 });
  const dataDir = tempDir('dancu-bench-');
  const users = usernames(16);
  const config = loadConfig({
    DANCU_DATA_DIR: dataDir,
    DANCU_HOST: '127.0.0.1',
    DANCU_PORT: '0',
    DANCU_UPSTREAM_URL: sim.url,
    DANCU_UPSTREAM_DAILY_THRESHOLD: '100000000',
    DANCU_USER_LOOKUPS_PER_MINUTE: '100000',
    DANCU_INSTANCE_ID: 'bench',
    DANCU_LOG_LEVEL: 'info',
  });
  // Logging stays on at info, as in production, but goes nowhere so the table stays readable.
  const log = pino({ level: 'info', base: { service: 'dancu' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: '/dev/null', sync: true }));
  const core = await openCore(config);
  const seeded = await seedBasics(core.storage, { unitQuota: 1_000_000_000, usernames: users });
  // Every control on: the acknowledgement check (on by default) runs, and passes.
  await acknowledgeCurrentRules(core.storage, seeded.unitId, users, config.timezone);
  await core.storage.close();

  const gateway = await startDancu(config, { log });
  const proxy = await startBareProxy(sim.url, DEMO_UPSTREAM_TOKEN);
  const base: Omit<LoadSpec, 'targets'> = {
    path: '/api/v1/lookups',
    headers: systemHeaders(seeded, users),
    bodies: lookupBodies(5000),
    concurrency: o.concurrency,
    warmupMs: o.warmupMs,
    durationMs: o.durationMs,
  };
  try {
    // Alternating rounds, the median of each: other work on the machine then skews both alike.
    const bares: LoadResult[] = [];
    const fulls: LoadResult[] = [];
    for (let round = 0; round < o.rounds; round++) {
      const bare = await runLoadInChild({ ...base, targets: [proxy.url] });
      assertServed('bare proxy', bare);
      bares.push(bare);
      const full = await runLoadInChild({ ...base, targets: [gateway.url] });
      assertServed('gateway', full);
      fulls.push(full);
    }
    const bare = median(bares);
    const full = median(fulls);
    return {
      gateway: { ...summary(full), rounds: fulls.map((r) => r.rps) },
      bareProxy: { ...summary(bare), rounds: bares.map((r) => r.rps) },
      ratio: Math.round((full.rps / bare.rps) * 1000) / 1000,
    };
  } finally {
    await proxy.close();
    await gateway.close();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
