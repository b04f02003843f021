/**
 * The chaos scenario (issue 11): two gateway processes on one PostgreSQL database, sharing keys,
 * in front of a simulator whose threshold is the province cap; paced load at both; mid-run one
 * instance is killed with SIGKILL and restarted with the same environment, and the load goes on
 * until the cap is reached. Then it checks what R1 and R6 promise whatever crashes:
 *
 * - the calls reaching the simulator never exceed the cap (and the account is never locked);
 * - every lookup answered 200 has its request id in the ledger with a `lookup.result` entry whose
 *   outcome is OK (answered 404: CITIZEN_NOT_FOUND);
 * - the ledger verifies (chain, head and signed checkpoints), with the keys from the shared data dir;
 * - almost all of the cap stayed usable: a crash may lose only the units reserved by requests in
 *   flight at that moment (docs/ARCHITECTURE.md, "Crashes").
 */
import fs from 'node:fs';
import { loadKeys } from '../../src/keys.js';
import { openStorage } from '../../src/storage/db.js';
import { verifyLedger } from '../../src/storage/ledger-store.js';
import { migrate } from '../../src/storage/migrations/index.js';
import { seedBasics, startSimulator, tempDir } from '../support/harness.js';
import { createTestDatabase, startPostgres, type PostgresServer } from '../support/postgres.js';
import { acknowledgeCurrentRules, lookupBodies, systemHeaders, usernames } from '../../bench/fixtures.js';
import { runLoad } from '../../bench/load.js';
import { freePort, spawnGateway, type GatewayProcess } from '../../bench/processes.js';

export interface ChaosOptions {
  /** Requests are paced evenly over this time. */
  durationMs: number;
  /** Requests sent in all; more than the cap, so the cap is reached during the run. */
  requests: number;
  /** SIGKILL-and-restart events, alternating between the instances, in the first 60% of the run. */
  kills: number;
  /** The simulator's daily threshold and the province cap (safety margin 0). Default 300. */
  cap?: number;
  /** The simulator's latency per call. Default 5 ms. */
  latencyMs?: number;
  /** Virtual users of the load. Default 16. */
  concurrency?: number;
  /** Admin URL of a running PostgreSQL server; by default a throwaway one is started and stopped. */
  pgUrl?: string;
  /** The least share of the cap that must reach the simulator. Default 0.99. */
  minUsable?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  ok: boolean;
  problems: string[];
  cap: number;
  /** Calls counted by the simulator at the end (its count never decreases). */
  upstreamCalls: number;
  /** The highest count seen while polling during the run. */
  maxObservedCalls: number;
  simulatorLocked: boolean;
  /** upstreamCalls / cap */
  usable: number;
  /** Reservations granted in the ledger; reservations minus calls = units lost to crashes. */
  reserved: number;
  answers: Record<string, number>;
  transportErrors: Record<string, number>;
  failovers: number;
  answered200: number;
  missingFromLedger: string[];
  ledgerEntries: number;
  verified: boolean;
  /** atMs counts from the start of the load; duringLoad: requests were still being sent then. */
  kills: Array<{ instance: string; atMs: number; restartedAfterMs: number; duringLoad: boolean }>;
  ms: number;
}

const TIMEZONE = 'Asia/Ho_Chi_Minh';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const started = performance.now();
  const at = () => Math.round(performance.now() - started);
  const log = opts.log ?? (() => {});
  const cap = opts.cap ?? 300;
  const problems: string[] = [];
  let pg: PostgresServer | null = null;
  const pgAdmin = opts.pgUrl ?? (pg = await startPostgres()).url;
  const dataDir = tempDir('dancu-chaos-');
  const sim = await startSimulator({ dailyThreshold: cap, latencyMs: opts.latencyMs ?? 5 });
  const instances: Array<{ name: string; env: Record<string, string>; proc: GatewayProcess | null }> = [];
  let poll: NodeJS.Timeout | null = null;
  try {
    const dbUrl = await createTestDatabase(pgAdmin, 'chaos');
    const users = usernames(8);
    const storage = openStorage(dbUrl);
    let seeded;
    try {
      await migrate(storage);
      seeded = await seedBasics(storage, { unitQuota: 1_000_000, usernames: users });
      await acknowledgeCurrentRules(storage, seeded.unitId, users, TIMEZONE);
    } finally {
      await storage.close();
    }
    // Generated once here, then read by both instances from the shared data dir.
    loadKeys({ dataDir, ledgerKey: null, checkpointKey: null, sessionSecret: null });

    for (const name of ['chaos-a', 'chaos-b']) {
      instances.push({
        name, proc: null,
        env: {
          DANCU_DATA_DIR: dataDir, DANCU_DATABASE_URL: dbUrl, DANCU_PORT: String(await freePort()), DANCU_UPSTREAM_URL: sim.url,
          DANCU_INSTANCE_ID: name, DANCU_UPSTREAM_DAILY_THRESHOLD: String(cap), DANCU_QUOTA_SAFETY_MARGIN: '0',
          DANCU_USER_LOOKUPS_PER_MINUTE: '100000', DANCU_UPSTREAM_TIMEOUT_MS: '5000', DANCU_TIMEZONE: TIMEZONE,
        },
      });
    }
    await Promise.all(instances.map(async (i) => {
      i.proc = await spawnGateway(i.env);
    }));
    log(`instances up at ${at()} ms: ${instances.map((i) => `${i.name} ${i.proc!.url}`).join(', ')}`);

    let maxObservedCalls = 0;
    poll = setInterval(() => {
      sim.stats().then((s) => {
        maxObservedCalls = Math.max(maxObservedCalls, s.calls);
      }, () => {});
    }, 20);

    const loadStart = performance.now();
    const load = runLoad({
      targets: instances.map((i) => i.proc!.url),
      path: '/api/v1/lookups',
      headers: systemHeaders(seeded, users),
      bodies: lookupBodies(opts.requests),
      concurrency: opts.concurrency ?? 16,
      durationMs: opts.durationMs + 30_000,
      maxRequests: opts.requests,
      ratePerSec: (opts.requests * 1000) / opts.durationMs,
      requestIdPrefix: `chaos-${Date.now().toString(36)}`,
      failover: true,
      collectAnswers: true,
      timeoutMs: 10_000,
    });

    let loadDone = false;
    void load.then(() => (loadDone = true), () => (loadDone = true));
    // Kills run one after another: the next waits until the previous victim is back.
    const kills: ChaosResult['kills'] = [];
    const chaos = (async () => {
      for (let k = 0; k < opts.kills; k++) {
        const due = loadStart + (opts.durationMs * 0.6 * (k + 1)) / (opts.kills + 1);
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const victim = instances[k % instances.length]!;
        const killedAt = performance.now();
        const duringLoad = !loadDone;
        await victim.proc!.kill();
        victim.proc = await spawnGateway(victim.env);
        kills.push({ instance: victim.name, atMs: Math.round(killedAt - loadStart), restartedAfterMs: Math.round(performance.now() - killedAt), duringLoad });
        log(`killed ${victim.name} at ${Math.round(killedAt - loadStart)} ms, back after ${kills.at(-1)!.restartedAfterMs} ms`);
      }
    })();
    // Both settle before anything is thrown, so no load outlives a failed run.
    const [loaded, killed] = await Promise.allSettled([load, chaos]);
    if (killed.status === 'rejected') throw killed.reason;
    if (loaded.status === 'rejected') throw loaded.reason;
    const r = loaded.value;
    clearInterval(poll);
    poll = null;
    log(`load done at ${at()} ms: ${JSON.stringify(r.byKey)} errors ${JSON.stringify(r.errors)}`);

    // Graceful stop flushes whatever the instances still hold; then read the evidence.
    await Promise.all(instances.map((i) => i.proc!.stop()));
    for (const i of instances) {
      const p = i.proc!.problems().filter((l) => !/"ledger write failed"|ECONNRESET/.test(l));
      if (p.length > 0) log(`${i.name} logged: ${p.slice(0, 3).join(' | ')}`);
    }
    const stats = await sim.stats();
    const account = Object.values(stats.byAccount)[0];
    maxObservedCalls = Math.max(maxObservedCalls, stats.calls);

    const answers = r.answers ?? [];
    const ok200 = answers.filter((a) => a.key === '200').map((a) => a.id);
    const notFound = answers.filter((a) => a.key === '404:CITIZEN_NOT_FOUND').map((a) => a.id);
    const check = openStorage(dbUrl);
    let missing: string[] = [];
    let reserved = 0;
    let ledgerEntries = 0;
    let verified = false;
    try {
      missing = [
        ...(await missingResults(check, ok200, 'OK')),
        ...(await missingResults(check, notFound, 'CITIZEN_NOT_FOUND')),
      ];
      reserved = Number((await check.db.selectFrom('ledger').select((eb) => eb.fn.countAll().as('n'))
        .where('operation', '=', 'lookup.reserve').where('outcome', '=', 'RESERVED').executeTakeFirstOrThrow()).n);
      const v = await verifyLedger(check, loadKeys({ dataDir, ledgerKey: null, checkpointKey: null, sessionSecret: null }));
      verified = v.ok;
      ledgerEntries = v.entries;
      if (!v.ok) problems.push(`the ledger does not verify: ${JSON.stringify(v.firstBroken)}`);
    } finally {
      await check.close();
    }

    const usable = stats.calls / cap;
    if (maxObservedCalls > cap) problems.push(`the simulator counted ${maxObservedCalls} calls, over the cap of ${cap}`);
    if (account?.locked) problems.push('the simulator locked the account');
    if (missing.length > 0) problems.push(`${missing.length} answered lookups have no matching lookup.result in the ledger (first: ${missing[0]})`);
    if (usable < (opts.minUsable ?? 0.99)) problems.push(`only ${stats.calls} of the cap of ${cap} reached the simulator (${(usable * 100).toFixed(1)}%)`);
    if (!r.byKey['429:QUOTA_EXCEEDED']) problems.push('the cap was never reached: no QUOTA_EXCEEDED answer');
    if (kills.length !== opts.kills) problems.push(`${kills.length} of ${opts.kills} kills happened`);
    if (ok200.length === 0) problems.push('no lookup was answered 200');
    const unexpected = Object.keys(r.byKey).filter((k) => !['200', '404:CITIZEN_NOT_FOUND', '429:QUOTA_EXCEEDED'].includes(k));
    if (unexpected.length > 0) log(`other answers: ${unexpected.map((k) => `${k} × ${r.byKey[k]}`).join(', ')}`);

    return {
      ok: problems.length === 0, problems, cap, upstreamCalls: stats.calls, maxObservedCalls, simulatorLocked: account?.locked ?? false,
      usable: Math.round(usable * 10_000) / 10_000, reserved, answers: r.byKey, transportErrors: r.errors, failovers: r.failovers,
      answered200: ok200.length, missingFromLedger: missing.slice(0, 20), ledgerEntries, verified, kills, ms: at(),
    };
  } finally {
    if (poll) clearInterval(poll);
    await Promise.all(instances.map((i) => i.proc?.stop(2_000)));
    await sim.close();
    if (pg) await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The request ids among `ids` with no `lookup.result` entry of the given outcome. */
async function missingResults(storage: ReturnType<typeof openStorage>, ids: string[], outcome: string): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await storage.db.selectFrom('ledger').select('request_id')
      .where('request_id', 'in', chunk).where('operation', '=', 'lookup.result').where('outcome', '=', outcome).execute();
    for (const row of rows) found.add(row.request_id);
  }
  return ids.filter((id) => !found.has(id));
}
