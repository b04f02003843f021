/**
 * Parts 2–4: durable ledger appends through the LedgerWriter (group commit), a bulk generator of
 * large valid ledgers, search by ID number on them, and whole-chain verification.
 */
import { randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { CHAINED_COLUMNS, chainHash, GENESIS_HASH, type LedgerFields } from '../src/core/ledger/chain.js';
import { signCheckpoint } from '../src/core/ledger/checkpoint.js';
import { maskIdNumber } from '../src/core/id-number.js';
import { idNumberHmac, type Keys } from '../src/keys.js';
import { openStorage, type Storage } from '../src/storage/db.js';
import { searchLedger, searchQuery, verifyLedger } from '../src/storage/ledger-store.js';
import { draft, LedgerWriter, type Ledger } from '../src/storage/ledger-writer.js';
import { migrate } from '../src/storage/migrations/index.js';
import { percentile } from './load.js';
import { mulberry32 } from '../src/core/random.js';

const round = (n: number, d = 0): number => Math.round(n * 10 ** d) / 10 ** d;

export const prng = mulberry32;

/** The k-th citizen of the generated population: a plausible 12-digit ID number. */
export function citizenId(k: number): string {
  const province = ['001', '079', '031', '048', '092', '036'][k % 6]!;
  const serial = Math.floor(k / 6);
  const yy = 40 + Math.floor(serial / 1_000_000) % 60;
  return `${province}${k % 2}${String(yy).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Part 2: appends

export interface AppendsResult {
  entries: number;
  callers: number;
  ms: number;
  perSec: number;
}

/**
 * `entries` appends from `callers` concurrent callers, each waiting for its commit before the next,
 * through `writer` (default: a LedgerWriter in this thread on `storage`).
 */
export async function benchAppends(storage: Storage, keys: Keys, o: { entries: number; callers: number; writer?: Ledger }): Promise<AppendsResult> {
  const writer = o.writer ?? new LedgerWriter(storage, keys, { instanceId: 'bench' });
  await writer.init();
  const entry = (i: number) => {
    const id = citizenId(i);
    return draft({
      request_id: randomUUID(), category: 'lookup', operation: 'lookup.result', outcome: 'OK', app_id: 'app_00112233445566aa', app_version: '3.2.0',
      actor: `canbo${i % 200}`, unit_code: `UBND-${i % 20}`, client_ip: '10.0.0.12', id_hmac: idNumberHmac(keys, id), id_masked: maskIdNumber(id),
      procedure_code: '1.001193', dossier_code: `H12.01-260101-${i}`, purpose: 'Giải quyết hồ sơ đăng ký khai sinh',
      fields_returned: 'idNumber,fullName,dateOfBirth,gender,permanentAddress', upstream_ms: 12,
    });
  };
  const run = async (n: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: o.callers }, async () => {
      while (next < n) {
        const i = next++;
        await writer.append(entry(i));
      }
    }));
  };
  await run(Math.min(2000, o.entries)); // warm-up: connections, statement paths, JIT
  const t0 = performance.now();
  await run(o.entries);
  const ms = performance.now() - t0;
  await writer.drain();
  return { entries: o.entries, callers: o.callers, ms: round(ms), perSec: round((o.entries * 1000) / ms) };
}

// ---------------------------------------------------------------------------------------------
// Part 3: a large, valid ledger, generated fast

/** The generator writes rows in the chain's own column order. */
const COLUMNS = CHAINED_COLUMNS;

export interface Generated {
  file: string;
  entries: number;
  distinctIds: number;
  ms: number;
  /** ID HMACs of citizens that were looked up, for the search sample. */
  sample: string[];
}

/**
 * Writes `n` hash-chained entries (with signed checkpoints every 1,000 entries and the head row)
 * straight into a migrated SQLite ledger: lookups as reserve/result pairs, some refusals, over
 * `n / 3` distinct citizens. Indexes are dropped during the load and rebuilt after (the same
 * definitions, read back from the schema), which is what makes ten million rows affordable.
 */
export async function generateLedger(file: string, keys: Keys, n: number, o: { seed?: number; sampleSize?: number; progress?: (done: number) => void } = {}): Promise<Generated> {
  const t0 = performance.now();
  const storage = openStorage(`sqlite:${file}`);
  await migrate(storage);
  await storage.close();

  const db = new SqliteDatabase(file);
  // Generation only, no journal and no syncs: the measured parts reopen the file in WAL mode with
  // the product's durable settings (storage/db.ts).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const indexes = db.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'ledger' and sql is not null").all() as Array<{ name: string; sql: string }>;
  for (const ix of indexes) db.exec(`drop index "${ix.name}"`);

  const rowsPerStatement = 400;
  const placeholders = `(${COLUMNS.map(() => '?').join(',')})`;
  const insertMany = db.prepare(`insert into ledger (${COLUMNS.join(',')}) values ${Array.from({ length: rowsPerStatement }, () => placeholders).join(',')}`);
  const insertOne = db.prepare(`insert into ledger (${COLUMNS.join(',')}) values ${placeholders}`);
  const insertCheckpoint = db.prepare('insert into checkpoints (seq, ts, hash, public_key, signature) values (?, ?, ?, ?, ?)');

  const random = prng(o.seed ?? 20261123);
  const distinct = Math.max(1, Math.floor(n / 3));
  const sampleSize = o.sampleSize ?? 500;
  const sample: string[] = [];
  let requests = 0;
  const startTs = Date.UTC(2025, 0, 1);
  const stepMs = Math.max(1, Math.floor((365 * 86_400_000) / Math.max(1, n)));
  let prev = GENESIS_HASH;
  let values: unknown[] = [];
  let pending = 0;
  let pair: { hmac: string; masked: string; request: string; actor: string; unit: string; dossier: string; notFound: boolean } | null = null;

  db.exec('begin');
  for (let seq = 1; seq <= n; seq++) {
    let operation: string;
    let outcome: string;
    let returned: string | null = null;
    let upstreamMs: number | null = null;
    if (pair === null) {
      const k = Math.floor(random() * distinct);
      const id = citizenId(k);
      const hmac = idNumberHmac(keys, id);
      requests++;
      if (sample.length < sampleSize) sample.push(hmac);
      else if (random() < sampleSize / requests) sample[Math.floor(random() * sampleSize)] = hmac;
      pair = {
        hmac, masked: maskIdNumber(id), request: randomUUID(), actor: `canbo${Math.floor(random() * 400)}`, unit: `UBND-${Math.floor(random() * 40)}`,
        dossier: `H12.01-${String(260101 + (seq % 365))}-${String(seq).padStart(6, '0')}`, notFound: random() < 0.02,
      };
      const refused = random() < 0.04;
      operation = refused ? 'lookup' : 'lookup.reserve';
      outcome = refused ? (random() < 0.5 ? 'QUOTA_EXCEEDED' : 'RATE_LIMITED') : 'RESERVED';
    } else {
      operation = 'lookup.result';
      outcome = pair.notFound ? 'CITIZEN_NOT_FOUND' : 'OK';
      returned = pair.notFound ? null : 'idNumber,fullName,dateOfBirth,gender,permanentAddress';
      upstreamMs = 5 + Math.floor(random() * 60);
    }
    const f: LedgerFields = {
      seq, ts: startTs + seq * stepMs, request_id: pair.request, instance_id: seq % 2 ? 'gw-a' : 'gw-b', category: 'lookup', operation, outcome,
      app_id: 'app_00112233445566aa', app_version: '3.2.0', actor: pair.actor, unit_code: pair.unit, client_ip: '10.0.3.17',
      id_hmac: pair.hmac, id_masked: pair.masked, procedure_code: '1.001193', dossier_code: pair.dossier, purpose: 'Giải quyết hồ sơ đăng ký khai sinh',
      fields_requested: null, fields_returned: returned, upstream_ms: upstreamMs, detail: null,
    };
    if (operation !== 'lookup.reserve') pair = null;
    const hash = chainHash(keys.chainKey, prev, f);
    values.push(f.seq, f.ts, f.request_id, f.instance_id, f.category, f.operation, f.outcome, f.app_id, f.app_version, f.actor, f.unit_code, f.client_ip,
      f.id_hmac, f.id_masked, f.procedure_code, f.dossier_code, f.purpose, f.fields_requested, f.fields_returned, f.upstream_ms, f.detail, prev, hash);
    prev = hash;
    if (++pending === rowsPerStatement) {
      insertMany.run(values);
      values = [];
      pending = 0;
    }
    if (seq % 1000 === 0 || seq === n) insertCheckpoint.run(seq, f.ts, hash, keys.checkpointPublicKeyPem, signCheckpoint(keys.checkpointPrivateKey, seq, hash));
    if (seq % 200_000 === 0) {
      db.exec('commit');
      o.progress?.(seq);
      // Let timers and I/O run between chunks (the bench's own time limits, signals).
      await new Promise((r) => setImmediate(r));
      db.exec('begin');
    }
  }
  for (let i = 0; i < pending; i++) insertOne.run(values.slice(i * COLUMNS.length, (i + 1) * COLUMNS.length));
  if (n % 200_000 !== 0) o.progress?.(n);
  db.prepare('insert into ledger_head (id, seq, hash) values (1, ?, ?) on conflict (id) do update set seq = excluded.seq, hash = excluded.hash').run(n, prev);
  db.exec('commit');
  for (const ix of indexes) db.exec(ix.sql);
  db.pragma('journal_mode = WAL');
  db.close();
  return { file, entries: n, distinctIds: distinct, ms: round(performance.now() - t0), sample };
}

export interface SearchResult {
  entries: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanRows: number;
  plan: string;
}

/** p95 of `searchLedger(db, { idHmac, limit: 50 })` over `samples` random looked-up citizens. */
export async function benchSearch(storage: Storage, hmacs: string[], entries: number, samples = 200): Promise<SearchResult> {
  const random = prng(7);
  const pick = () => hmacs[Math.floor(random() * hmacs.length)]!;
  for (let i = 0; i < 20; i++) await searchLedger(storage.db, { idHmac: pick(), limit: 50 });
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < samples; i++) {
    const idHmac = pick();
    const t0 = performance.now();
    const r = await searchLedger(storage.db, { idHmac, limit: 50 });
    times.push(performance.now() - t0);
    rows += r.length;
  }
  const sorted = Float64Array.from(times).sort();
  const compiled = searchQuery(storage.db, { idHmac: hmacs[0]!, limit: 50 }).compile();
  const plan = storage.kind === 'sqlite' ? storage.sqlite.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters).map((r) => (r as { detail: string }).detail).join('; ') : '';
  return {
    entries, samples,
    p50Ms: round(percentile(sorted, 50), 3), p95Ms: round(percentile(sorted, 95), 3), p99Ms: round(percentile(sorted, 99), 3),
    meanRows: round(rows / samples, 2), plan,
  };
}

export interface VerifyResult {
  entries: number;
  ms: number;
  perSec: number;
  ok: boolean;
}

export async function benchVerify(storage: Storage, keys: Keys): Promise<VerifyResult> {
  const r = await verifyLedger(storage, keys);
  if (!r.ok) throw new Error(`generated ledger does not verify: ${JSON.stringify(r.firstBroken)}`);
  return { entries: r.entries, ms: round(r.ms), perSec: round((r.entries * 1000) / r.ms), ok: r.ok };
}
