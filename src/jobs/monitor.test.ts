/** The monitoring job's bookkeeping: its cursor, its look-back, resolved alerts, and entries it failed to record. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { maskIdNumber } from '../core/id-number.js';
import { loadKeys } from '../keys.js';
import type { Storage } from '../storage/db.js';
import { draft, LedgerWriter } from '../storage/ledger-writer.js';
import type { MonitorSettings } from './context.js';
import { readCursor } from './cursor.js';
import { runMonitor } from './monitor.js';

const vn = (local: string) => Date.parse(`${local}:00+07:00`);
const settings: MonitorSettings = { timezone: 'Asia/Ho_Chi_Minh', upstreamDailyThreshold: 10_000, quotaSafetyMargin: 0.05, workingHours: { start: '07:00', end: '18:00' } };

describe('the monitoring job', { timeout: 120_000 }, () => {
  let storage: Storage;
  let ledger: LedgerWriter;
  let clock = vn('2026-03-01T10:00');
  const run = () => runMonitor({ storage, ledger, settings, channels: [], now: () => new Date(clock) });
  const lookups = async (actor: string, from: number, n: number, gapMs: number, firstSerial = 1) => {
    for (let i = 0; i < n; i++) {
      clock = from + i * gapMs;
      const id = `001085${String(firstSerial + i).padStart(6, '0')}`;
      const d = draft({ request_id: `${actor}-${clock}`, category: 'lookup', operation: 'lookup.reserve', outcome: 'RESERVED', actor, unit_code: 'U1', id_hmac: `h${id}`, id_masked: maskIdNumber(id), dossier_code: `H-${clock}` });
      await ledger.append(d);
      await ledger.append({ ...d, operation: 'lookup.result', outcome: 'OK' });
    }
  };

  beforeAll(async () => {
    ({ storage } = await freshStorage('sqlite'));
    ledger = new LedgerWriter(storage, loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null }), { instanceId: 'job-test', now: () => clock });
    await ledger.init();
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('starts from the last 24 hours on its first run, not from the beginning of the ledger', async () => {
    // Four days ago: a tool at night. Long before the job existed, so it is not judged now.
    await lookups('cu', vn('2026-03-01T22:00'), 40, 1500);
    clock = vn('2026-03-05T09:00');
    const first = await run();
    expect(first.evaluatedEntries).toBe(0);
    expect(first.created).toEqual([]);
    expect(await readCursor(storage.db)).toBe(80);
  });

  it('reads only what is new, with enough of the past to see a pattern that spans two runs', async () => {
    await lookups('motcua09', vn('2026-03-05T21:00'), 20, 1500);
    const a = await run();
    expect(a.newEntries).toBe(40);
    expect(a.created.map((x) => x.rule)).not.toContain('machine-cadence');
    await lookups('motcua09', vn('2026-03-05T21:00') + 20 * 1500, 20, 1500, 21);
    const b = await run();
    expect(b.newEntries).toBe(40 + a.created.length);
    // 40 lookups 1.5 s apart: the cadence rule needs 30 in a row, half of them read by the previous run.
    expect(b.created.map((x) => x.rule)).toContain('machine-cadence');
    // The cursor stops where the run started reading: its own entries are read (and skipped) next time.
    expect(await readCursor(storage.db)).toBe(80 + 80 + a.created.length);
  });

  it('skips evaluation when the only new entries are its own, and raises nothing twice', async () => {
    const again = await run();
    expect(again.evaluatedEntries).toBe(0);
    expect(again.created).toEqual([]);
  });

  it('leaves a resolved alert resolved when the same day is evaluated again', async () => {
    await storage.db.updateTable('alerts').set({ status: 'resolved', resolved_at: clock, resolved_by: 'anninhmang', resolution_note: 'Đã xử lý' }).where('rule', '=', 'machine-cadence').execute();
    await lookups('motcua01', vn('2026-03-05T21:40'), 1, 1000, 500);
    const r = await run();
    expect(r.created.map((x) => x.rule)).not.toContain('machine-cadence');
    expect((await storage.db.selectFrom('alerts').select('status').where('rule', '=', 'machine-cadence').executeTakeFirst())?.status).toBe('resolved');
  });

  it('records in the ledger an alert whose entry an earlier run could not write', async () => {
    await storage.db.updateTable('alerts').set({ raised_seq: null }).where('rule', '=', 'after-hours').execute();
    await run();
    const missing = await storage.db.selectFrom('alerts').select('id').where('raised_seq', 'is', null).execute();
    expect(missing).toEqual([]);
    const raises = await storage.db.selectFrom('ledger').select('detail').where('operation', '=', 'alert.raise').execute();
    expect(raises.filter((e) => JSON.parse(e.detail!).rule === 'after-hours').length).toBeGreaterThanOrEqual(2);
  });
});
