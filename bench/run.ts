/**
 * `npm run bench [-- --quick] [--out FILE] [--search-sizes N,N] [--concurrency N] [--duration S] [--rounds N]
 *  [--max-minutes M]`
 *
 * Measures and prints (never passes or fails on time; STYLE.md): the full gateway against a bare
 * proxy, durable ledger appends on SQLite and PostgreSQL, ledger search by ID number at large
 * sizes, chain verification, and two instances on PostgreSQL against the province cap. Writes
 * every figure, with the machine it ran on, as JSON (to --out, else a file in the temp dir).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { loadKeys } from '../src/keys.js';
import { openStorage } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrations/index.js';
import { WorkerLedger } from '../src/storage/worker-ledger.js';
import { createTestDatabase, startPostgres, type PostgresServer } from '../test/support/postgres.js';
import { tempDir } from '../test/support/harness.js';
import { benchAppends, benchSearch, benchVerify, generateLedger, type AppendsResult, type SearchResult, type VerifyResult } from './ledger.js';
import { BUSY_WARNING, otherWork } from './machine.js';
import { benchThroughput } from './throughput.js';
import { benchTwoInstances } from './two-instances.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'search-sizes': { type: 'string' },
    concurrency: { type: 'string' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    'max-minutes': { type: 'string' },
  },
  strict: true,
});

const quick = flags.quick === true;
const positive = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) {
    process.stderr.write(`--${name}: expected a positive whole number, got ${raw}\n`);
    process.exit(2);
  }
  return n;
};
const plan = {
  concurrency: positive('concurrency', flags.concurrency, 32),
  warmupMs: quick ? 1000 : 2000,
  durationMs: positive('duration', flags.duration, quick ? 3 : 10) * 1000,
  rounds: positive('rounds', flags.rounds, quick ? 1 : 3),
  appends: quick ? 20_000 : 100_000,
  // Two group commits' worth of callers: one batch is being committed while the next one fills, as
  // at a gateway under load. With a single batch's worth, callers and writer take turns and the
  // figure measures the turn-taking as much as the writer.
  appendCallers: 1024,
  searchSizes: flags['search-sizes'] ? flags['search-sizes'].split(',').map((s) => positive('search-sizes', s.trim(), 1)) : quick ? [100_000] : [1_000_000, 10_000_000],
  twoInstancesCap: quick ? 2_000 : 10_000,
  maxMinutes: positive('max-minutes', flags['max-minutes'], quick ? 10 : 120),
};

// The whole run is bounded: past the limit, say so and stop (exit hooks stop PostgreSQL and the gateways).
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: stopped after ${plan.maxMinutes} minutes (--max-minutes)\n`);
  process.exit(1);
}, plan.maxMinutes * 60_000);
watchdog.unref();

const started = performance.now();
const timings: Record<string, number> = {};
const say = (s: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
/**
 * Before each part, the previous parts' writes go to disk: the ledger generator writes gigabytes
 * without fsync, and the kernel would otherwise write them back in the middle of the next part's
 * measurement (seen: verification 20–30 % slower right after a generation).
 */
function settle(): Promise<void> {
  // No `sync` here (not Linux or macOS), or it took too long: the parts run as they are.
  return new Promise((resolve) => execFile('sync', { timeout: 120_000 }, () => resolve()));
}

async function part<T>(name: string, f: () => Promise<T>): Promise<T> {
  say(`${name}…`);
  await settle();
  await sampleOthers();
  const t0 = performance.now();
  const r = await f();
  timings[name] = Math.round(performance.now() - t0);
  say(`${name} done in ${(timings[name]! / 1000).toFixed(1)} s`);
  return r;
}

function sqliteVersion(): string {
  const db = new SqliteDatabase(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

const machine = {
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  sqlite: sqliteVersion(),
  postgres: '',
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  // Other work on the machine skews every figure: its share of the CPU, sampled before the start
  // and between the parts (bench/machine.ts); the highest is reported.
  cpuBusyByOthers: 0,
};
const sampleOthers = async () => {
  machine.cpuBusyByOthers = Math.max(machine.cpuBusyByOthers, Math.round((await otherWork(1000)) * 100) / 100);
};

const work = tempDir('dancu-bench-');
const keys = loadKeys({ dataDir: work, ledgerKey: null, checkpointKey: null, sessionSecret: null });
let pg: PostgresServer | null = null;

try {
  const throughput = await part('gateway and bare proxy throughput', () =>
    benchThroughput({ concurrency: plan.concurrency, warmupMs: plan.warmupMs, durationMs: plan.durationMs, rounds: plan.rounds }));

  const appendsSqlite = await part('ledger appends on SQLite', async () => {
    const storage = openStorage(`sqlite:${path.join(work, 'appends.sqlite')}`);
    try {
      await migrate(storage);
      return await benchAppends(storage, keys, { entries: plan.appends, callers: plan.appendCallers });
    } finally {
      await storage.close();
    }
  });

  // The gateway's own path on SQLite: the same writer in a worker thread (storage/worker-ledger.ts).
  const appendsSqliteWorker = await part('ledger appends on SQLite through the ledger worker', async () => {
    const url = `sqlite:${path.join(work, 'appends-worker.sqlite')}`;
    const storage = openStorage(url);
    const writer = new WorkerLedger(url, keys, 'bench');
    try {
      await migrate(storage);
      return await benchAppends(storage, keys, { entries: plan.appends, callers: plan.appendCallers, writer });
    } finally {
      await writer.close();
      await storage.close();
    }
  });

  // Durable as in production (fsync, synchronous_commit, full_page_writes on), with a server-sized buffer cache.
  pg = await part('PostgreSQL start (fsync on)', () => startPostgres({ fsync: true, sharedBuffers: '256MB' }));
  machine.postgres = pg.serverVersion;
  const pgUrl = pg.url;
  const appendsPostgres = await part('ledger appends on PostgreSQL', async () => {
    const storage = openStorage(await createTestDatabase(pgUrl, 'bench_appends'));
    try {
      await migrate(storage);
      return await benchAppends(storage, keys, { entries: plan.appends, callers: plan.appendCallers });
    } finally {
      await storage.close();
    }
  });

  const twoInstances = await part('two instances on PostgreSQL', () =>
    benchTwoInstances(pgUrl, { cap: plan.twoInstancesCap, concurrency: plan.concurrency, maxMs: 120_000 }));
  await pg.stop();
  pg = null;

  const search: Record<string, SearchResult & { generateMs: number }> = {};
  const verify: Record<string, VerifyResult> = {};
  for (const size of plan.searchSizes) {
    const file = path.join(work, `ledger-${size}.sqlite`);
    const gen = await part(`generate a ledger of ${size.toLocaleString('en')} entries`, () =>
      generateLedger(file, keys, size, { progress: (done) => size >= 1_000_000 && (done % 1_000_000 === 0 || done === size) && say(`  ${done.toLocaleString('en')} entries`) }));
    const storage = openStorage(`sqlite:${file}`);
    try {
      search[size] = { ...(await part(`search at ${size.toLocaleString('en')}`, () => benchSearch(storage, gen.sample, size))), generateMs: gen.ms };
      verify[size] = await part(`verify ${size.toLocaleString('en')}`, () => benchVerify(storage, keys));
    } finally {
      await storage.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
  const largest = String(Math.max(...plan.searchSizes));

  const result = {
    generatedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine,
    plan,
    gateway: throughput.gateway,
    bareProxy: throughput.bareProxy,
    ratio: throughput.ratio,
    ledgerAppendsPerSec: { sqlite: appendsSqlite.perSec, postgres: appendsPostgres.perSec, sqliteWorker: appendsSqliteWorker.perSec },
    ledgerAppends: { sqlite: appendsSqlite, postgres: appendsPostgres, sqliteWorker: appendsSqliteWorker } satisfies Record<string, AppendsResult>,
    ledgerSearchP95Ms: Object.fromEntries(Object.entries(search).map(([k, v]) => [k, v.p95Ms])),
    ledgerSearch: search,
    verifyEntriesPerSec: verify[largest]!.perSec,
    verify,
    twoInstances,
    timingsMs: timings,
    targets: {
      ratio: '≥ 0.5', ledgerAppendsPerSec: '≥ 20,000', ledgerSearchP95Ms: '≤ 20 at 10,000,000', verifyEntriesPerSec: '≥ 300,000', overshoot: '0',
    },
  };
  const out = flags.out ?? path.join(os.tmpdir(), `dancu-bench-${result.mode}-${Date.now()}.json`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(table(result) + `\nJSON written to ${out}\n`);
} finally {
  if (pg) await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

function table(r: {
  mode: string; machine: typeof machine; plan: typeof plan; gateway: { rps: number; p50Ms: number; p99Ms: number }; bareProxy: { rps: number; p50Ms: number; p99Ms: number };
  ratio: number; ledgerAppendsPerSec: { sqlite: number; postgres: number; sqliteWorker: number }; ledgerSearchP95Ms: Record<string, number>; verifyEntriesPerSec: number;
  verify: Record<string, VerifyResult>; twoInstances: { rps: number; upstreamCalls: number; cap: number; overshoot: number };
}): string {
  const n = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  const m = r.machine;
  const rows: Array<[string, string, string]> = [
    ['gateway lookups/s (p50 / p99)', `${n(r.gateway.rps)} (${n(r.gateway.p50Ms, 1)} / ${n(r.gateway.p99Ms, 1)} ms)`, ''],
    ['bare proxy lookups/s (p50 / p99)', `${n(r.bareProxy.rps)} (${n(r.bareProxy.p50Ms, 1)} / ${n(r.bareProxy.p99Ms, 1)} ms)`, ''],
    ['gateway / bare proxy', n(r.ratio, 2), '≥ 0.50'],
    [`ledger appends/s, SQLite (durable, ${n(r.plan.appendCallers)} callers)`, n(r.ledgerAppendsPerSec.sqlite), '≥ 20,000'],
    ['  the same through the ledger worker', n(r.ledgerAppendsPerSec.sqliteWorker), ''],
    ['ledger appends/s, PostgreSQL (fsync)', n(r.ledgerAppendsPerSec.postgres), '≥ 20,000'],
    ...Object.entries(r.ledgerSearchP95Ms).map(([size, p95]): [string, string, string] => [`ledger search p95 at ${n(Number(size))}`, `${n(p95, 2)} ms`, Number(size) >= 10_000_000 ? '≤ 20 ms' : '']),
    ...Object.entries(r.verify).map(([size, v]): [string, string, string] => [`verification entries/s at ${n(Number(size))}`, n(v.perSec), '≥ 300,000']),
    ['two instances: lookups/s', n(r.twoInstances.rps), ''],
    ['two instances: upstream calls / cap', `${n(r.twoInstances.upstreamCalls)} / ${n(r.twoInstances.cap)}`, ''],
    ['two instances: overshoot', n(r.twoInstances.overshoot), '0'],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  return [
    `dancu bench (${r.mode}): ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, ${m.os}, SQLite ${m.sqlite}, PostgreSQL ${m.postgres}`,
    `CPU busy between the parts (other work, other virtual machines, the bench's own database server): up to ${Math.round(m.cpuBusyByOthers * 100)} %` +
      (m.cpuBusyByOthers > BUSY_WARNING ? ' (other work was running: every figure below is skewed by it)' : ''),
    '',
    `${'figure'.padEnd(w0)}  ${'measured'.padEnd(w1)}  target`,
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`),
  ].join('\n');
}
