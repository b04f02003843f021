import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { loadKeys } from '../../keys.js';
import type { Storage } from '../../storage/db.js';
import { draft, LedgerWriter } from '../../storage/ledger-writer.js';
import { freshStorage, seedBasics, startGateway, startSimulator, type SimulatorHandle, type TestGateway } from '../../../test/support/harness.js';
import { addStaff, sessionHeaders } from '../../../test/support/staff.js';

const session = (storage: Storage, userId: number) => sessionHeaders(storage, userId);

describe('ledger retention through the API', () => {
  let sim: SimulatorHandle;
  let gw: TestGateway;
  const as: Record<string, Record<string, string>> = {};
  const MONTH = 30 * 86_400_000;

  beforeAll(async () => {
    sim = await startSimulator();
    const { storage, url, dataDir } = await freshStorage('sqlite');
    const s = await seedBasics(storage);
    for (const [username, role] of [['anninh01', 'security'], ['kiemtra01', 'auditor'], ['quantri01', 'admin']] as const) {
      as[username] = await session(storage, await addStaff(storage, { username, role, unitId: s.unitId }));
    }
    // Fifteen months of history under a 12-month retention: the first entries are past it.
    const env = { DANCU_LEDGER_RETENTION_MONTHS: '12' };
    const keys = loadKeys(loadConfig({ DANCU_DATA_DIR: dataDir, DANCU_DATABASE_URL: url, ...env }));
    let clock = Date.now() - 15 * MONTH;
    const old = new LedgerWriter(storage, keys, { instanceId: 'old', now: () => clock, checkpoint: { everyEntries: 5, everyMs: 365 * 86_400_000 } });
    await old.init();
    for (let i = 0; i < 12; i++) await old.append(draft({ request_id: `old-${i}`, category: 'test', operation: 'op', outcome: 'OK' }));
    clock = Date.now() - MONTH;
    for (let i = 0; i < 6; i++) await old.append(draft({ request_id: `recent-${i}`, category: 'test', operation: 'op', outcome: 'OK' }));
    await storage.close();
    gw = await startGateway({ storageUrl: url, dataDir, upstreamUrl: sim.url, env });
  });
  afterAll(async () => {
    await gw.close();
    await sim.close();
  });

  it('shows the retention period and what a prune would delete', async () => {
    const r = await gw.app.inject({ method: 'GET', url: '/api/v1/ledger/retention', headers: as['kiemtra01']! });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'dry-run', retentionMonths: 12, prunedThrough: 0, boundarySeq: 11, entries: 11, deleted: 0 });
  });

  it('lets only administrators prune; a dry run deletes nothing', async () => {
    expect((await gw.app.inject({ method: 'POST', url: '/api/v1/ledger/prune', headers: as['anninh01']!, payload: {} })).statusCode).toBe(403);
    const dry = await gw.app.inject({ method: 'POST', url: '/api/v1/ledger/prune?dryRun=true', headers: as['quantri01']! });
    expect(dry.json()).toMatchObject({ status: 'dry-run', boundarySeq: 11, deleted: 0 });
    expect((await gw.storage.db.selectFrom('ledger').select('seq').orderBy('seq').limit(1).executeTakeFirstOrThrow()).seq).toBe(1);
  });

  it('prunes up to the signed checkpoint, and the ledger still verifies', async () => {
    const r = await gw.app.inject({ method: 'POST', url: '/api/v1/ledger/prune', headers: as['quantri01']! });
    expect(r.json()).toMatchObject({ status: 'pruned', boundarySeq: 11, deleted: 11, prunedThrough: 11 });
    const pruned = await gw.storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'ledger.pruned').executeTakeFirstOrThrow();
    expect(pruned).toMatchObject({ category: 'retention', actor: 'quantri01' });
    expect(JSON.parse(pruned.detail!)).toMatchObject({ boundarySeq: 11, retentionMonths: 12 });
    const v = await gw.app.inject({ method: 'POST', url: '/api/v1/ledger/verify', headers: as['kiemtra01']! });
    expect(v.json()).toMatchObject({ ok: true });
    const again = await gw.app.inject({ method: 'POST', url: '/api/v1/ledger/prune', headers: as['quantri01']! });
    expect(again.json()).toMatchObject({ status: 'nothing' });
  });
});
