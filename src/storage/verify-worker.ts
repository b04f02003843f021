/**
 * Worker thread that checks ranges of the ledger's chain for ledger-verify-workers.ts: its own
 * connection (from the storage URL), one range at a time, a small summary back for each. It opens
 * the driver directly rather than through db.ts: loading Kysely would triple the worker's start-up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rangeReader, verifyRange, type LedgerDriver } from './ledger-verify-read.js';
import type { VerifyWorkerData, VerifyWorkerReply, VerifyWorkerRequest } from './ledger-verify-workers.js';

const data = workerData as VerifyWorkerData;
const keys = { chainKey: Buffer.from(data.chainKey, 'hex'), checkpointPublicKeyPem: data.checkpointPublicKeyPem };
const reader = rangeReader(await openDriver(data.url), keys.chainKey);
const reply = (m: VerifyWorkerReply) => parentPort!.postMessage(m);

async function openDriver(url: string): Promise<LedgerDriver> {
  if (url.startsWith('sqlite:')) {
    // Read-only beside the writer: WAL mode lets readers run while it commits.
    const { default: SqliteDatabase } = await import('better-sqlite3');
    const sqlite = new SqliteDatabase(url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 10000');
    return { kind: 'sqlite', sqlite };
  }
  const { default: pg } = await import('pg');
  // As in db.ts (this thread has its own copy of pg): int8 columns hold seqs and epoch milliseconds, below 2^53.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  return { kind: 'postgres', pool };
}

parentPort!.on('message', (m: VerifyWorkerRequest) => {
  verifyRange(reader, keys, m.range, data.pageSize).then(
    (summary) => reply({ type: 'summary', index: m.index, summary }),
    (err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
});
reply({ type: 'ready' });
