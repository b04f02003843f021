import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeys, type Keys } from '../keys.js';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import type { Storage } from './db.js';
import { verifyLedger } from './ledger-store.js';
import { draft } from './ledger-writer.js';
import { WorkerLedger } from './worker-ledger.js';

describe('the SQLite ledger writer in a worker thread', () => {
  let storage: Storage;
  let keys: Keys;
  let url = '';
  beforeAll(async () => {
    ({ storage, url } = await freshStorage('sqlite'));
    keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
  });
  afterAll(async () => {
    await storage.close();
  });

  it('commits appends and exact reservations that the main thread then reads and verifies', async () => {
    const ledger = new WorkerLedger(url, keys, 'worker-test');
    await ledger.init();
    const req = { day: '2026-11-23', scopes: [{ scope: 'province', cap: 10, code: 'QUOTA_EXCEEDED' as const }] };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ledger.reserve(req, draft({ request_id: `w${i}`, category: 'lookup', operation: 'lookup.reserve', outcome: 'PENDING' }))));
    expect(results.filter((r) => r.decision.granted)).toHaveLength(10);
    await ledger.append(draft({ request_id: 'w-end', category: 'test', operation: 'op', outcome: 'OK' }));
    await ledger.close();
    const report = await verifyLedger(storage, keys);
    expect(report).toMatchObject({ ok: true, entries: 31 });
  });

  it('fails closed once the worker is gone: every later write is refused', async () => {
    const ledger = new WorkerLedger(url, keys, 'worker-dead');
    await ledger.init();
    await (ledger as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(ledger.append(draft({ request_id: 'after', category: 'test', operation: 'op', outcome: 'OK' }))).rejects.toThrow(/exited/);
  });
});
