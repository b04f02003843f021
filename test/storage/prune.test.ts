/**
 * Ledger retention on SQLite and PostgreSQL: a prune deletes only entries older than the cutoff, up
 * to a signed checkpoint; what remains verifies from that checkpoint; and tampering is still caught
 * afterwards — including a deletion beyond the prune boundary that stops at another checkpoint.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKeys, type Keys } from '../../src/keys.js';
import type { Storage } from '../../src/storage/db.js';
import { verifyLedger } from '../../src/storage/ledger-store.js';
import { draft, LedgerWriter } from '../../src/storage/ledger-writer.js';
import { planPrune, pruneLedger } from '../../src/storage/privacy.js';
import type { LedgerRow } from '../../src/storage/schema.js';
import { freshStorage, tempDir } from '../support/harness.js';

const OLD = Date.parse('2024-01-10T03:00:00Z');
const NEW = Date.parse('2026-03-02T03:00:00Z');
const CUTOFF = Date.parse('2025-01-01T00:00:00+07:00');

describe.each(['sqlite', 'postgres'] as const)('ledger retention pruning on %s', (engine) => {
  let storage: Storage;
  let keys: Keys;
  let ledger: LedgerWriter;
  let clock = OLD;
  const write = async (n: number, at: number, tag: string) => {
    clock = at;
    // One commit per entry, so checkpoints fall every 10 entries.
    for (let i = 0; i < n; i++) await ledger.append(draft({ request_id: `${tag}-${i}`, category: 'test', operation: 'op', outcome: 'OK', actor: 'motcua01', purpose: `Mục đích ${tag} ${i}` }));
  };
  const prune = (o: { cutoffMs?: number; dryRun?: boolean } = {}) =>
    pruneLedger({ db: storage.db, keys, ledger }, { cutoffMs: o.cutoffMs ?? CUTOFF, retentionMonths: 24, dryRun: o.dryRun ?? false, requestId: 'prune-test', actor: 'quantri01' });
  const row = (seq: number) => storage.db.selectFrom('ledger').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const checkpointSeqs = async () => (await storage.db.selectFrom('checkpoints').select('seq').orderBy('seq').execute()).map((c) => c.seq);
  const firstSeq = async () => (await storage.db.selectFrom('ledger').select('seq').orderBy('seq').limit(1).executeTakeFirstOrThrow()).seq;

  /** Breaks the ledger, expects verification to name the break, restores it and expects it whole again. */
  async function expectBroken(mutate: () => Promise<unknown>, expected: { reason: string; seq?: number }, restore: () => Promise<unknown>) {
    await mutate();
    const r = await verifyLedger(storage, keys);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.firstBroken).toMatchObject(expected);
    await restore();
    expect(await verifyLedger(storage, keys)).toMatchObject({ ok: true });
  }
  const reinsert = async (rows: LedgerRow[]) => {
    for (let i = 0; i < rows.length; i += 50) await storage.db.insertInto('ledger').values(rows.slice(i, i + 50)).execute();
  };

  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
    ledger = new LedgerWriter(storage, keys, { instanceId: `prune-${engine}`, now: () => clock, checkpoint: { everyEntries: 10, everyMs: 365 * 86_400_000 } });
    await ledger.init();
    await write(35, OLD, 'old');
    await write(20, NEW, 'new');
  });
  afterAll(async () => {
    await storage.close();
  });

  it('catches a prefix deleted up to a checkpoint when no prune was recorded', async () => {
    const cps = await checkpointSeqs();
    const anchor = cps.filter((s) => s <= 35).at(-1)!;
    const prefix = await storage.db.selectFrom('ledger').selectAll().where('seq', '<=', anchor).orderBy('seq').execute();
    await expectBroken(() => storage.db.deleteFrom('ledger').where('seq', '<=', anchor).execute(), { reason: 'SEQUENCE_GAP', seq: 1 }, () => reinsert(prefix));
  });

  it('plans to stop at the last signed checkpoint among the entries older than the cutoff', async () => {
    const anchor = (await checkpointSeqs()).filter((s) => s <= 35).at(-1)!;
    const plan = await planPrune(storage.db, CUTOFF);
    expect(plan.decision).toMatchObject({ prune: true, boundarySeq: anchor, entries: anchor });
    expect(plan.prunedThrough).toBe(0);
  });

  it('changes nothing on a dry run, but records it', async () => {
    const before = await storage.db.selectFrom('ledger').select('seq').execute();
    const r = await prune({ dryRun: true });
    expect(r.status).toBe('dry-run');
    expect(await storage.db.selectFrom('ledger').select('seq').where('operation', '=', 'op').execute()).toHaveLength(55);
    const dry = await storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'ledger.prune').execute();
    expect(dry.map((e) => e.outcome)).toEqual(['DRY_RUN']);
    expect((await storage.db.selectFrom('ledger').select('seq').execute()).length).toBe(before.length + 1);
  });

  it('refuses to prune a ledger that does not verify', async () => {
    const orig = await row(5);
    await storage.db.updateTable('ledger').set({ purpose: 'sửa lại' }).where('seq', '=', 5).execute();
    const r = await prune();
    expect(r.status).toBe('refused');
    expect(await firstSeq()).toBe(1);
    await storage.db.updateTable('ledger').set({ purpose: orig.purpose }).where('seq', '=', 5).execute();
    expect(await storage.db.selectFrom('ledger').select('outcome').where('operation', '=', 'ledger.prune').where('outcome', '=', 'LEDGER_BROKEN').execute()).toHaveLength(1);
  });

  it('deletes the old entries up to the checkpoint, records the prune, and the rest verifies from the checkpoint', async () => {
    const anchor = (await checkpointSeqs()).filter((s) => s <= 35).at(-1)!;
    const cp = await storage.db.selectFrom('checkpoints').selectAll().where('seq', '=', anchor).executeTakeFirstOrThrow();
    const r = await prune();
    expect(r).toMatchObject({ status: 'pruned', deleted: anchor });
    expect(await firstSeq()).toBe(anchor + 1);
    expect((await row(anchor + 1)).prev_hash).toBe(cp.hash);
    // Old entries after the checkpoint stay: only whole checkpointed stretches go.
    expect(await storage.db.selectFrom('ledger').select('seq').where('request_id', 'like', 'old-%').execute()).toHaveLength(35 - anchor);
    expect((await checkpointSeqs())[0]).toBe(anchor);
    const recorded = await storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'ledger.pruned').executeTakeFirstOrThrow();
    expect(JSON.parse(recorded.detail!)).toMatchObject({ boundarySeq: anchor, checkpointHash: cp.hash, entries: anchor, fromSeq: 1 });
    expect(recorded.actor).toBe('quantri01');
    const v = await verifyLedger(storage, keys);
    expect(v).toMatchObject({ ok: true, prunedThrough: anchor });
    if (v.ok) expect(v.entries).toBe(v.headSeq - anchor);
  });

  it('has nothing more to prune until more entries grow old', async () => {
    const r = await prune();
    expect(r.status).toBe('nothing');
  });

  describe('tampering after the prune', () => {
    it('catches a deletion right after the prune boundary', async () => {
      const first = await firstSeq();
      const orig = await row(first);
      await expectBroken(() => storage.db.deleteFrom('ledger').where('seq', '=', first).execute(), { reason: 'SEQUENCE_GAP' }, () => reinsert([orig]));
    });

    it('catches a deletion beyond the boundary that stops exactly at a later signed checkpoint', async () => {
      const boundary = (await firstSeq()) - 1;
      const later = (await checkpointSeqs()).find((s) => s > boundary)!;
      const rows = await storage.db.selectFrom('ledger').selectAll().where('seq', '<=', later).orderBy('seq').execute();
      await expectBroken(() => storage.db.deleteFrom('ledger').where('seq', '<=', later).execute(), { reason: 'SEQUENCE_GAP', seq: 1 }, () => reinsert(rows));
    });

    it('catches an entry altered after the boundary', async () => {
      const seq = (await firstSeq()) + 2;
      const orig = await row(seq);
      await expectBroken(() => storage.db.updateTable('ledger').set({ actor: 'nguoikhac' }).where('seq', '=', seq).execute(), { reason: 'HASH_MISMATCH', seq },
        () => storage.db.updateTable('ledger').set({ actor: orig.actor }).where('seq', '=', seq).execute());
    });

    it('catches a forged signature on the checkpoint the ledger now starts from', async () => {
      const boundary = (await firstSeq()) - 1;
      const cp = await storage.db.selectFrom('checkpoints').selectAll().where('seq', '=', boundary).executeTakeFirstOrThrow();
      await expectBroken(() => storage.db.updateTable('checkpoints').set({ signature: Buffer.alloc(64).toString('base64') }).where('seq', '=', boundary).execute(), { reason: 'BAD_SIGNATURE', seq: boundary },
        () => storage.db.updateTable('checkpoints').set({ signature: cp.signature }).where('seq', '=', boundary).execute());
    });

    it('catches a removed boundary checkpoint', async () => {
      const boundary = (await firstSeq()) - 1;
      const cp = await storage.db.selectFrom('checkpoints').selectAll().where('seq', '=', boundary).executeTakeFirstOrThrow();
      await expectBroken(() => storage.db.deleteFrom('checkpoints').where('seq', '=', boundary).execute(), { reason: 'SEQUENCE_GAP', seq: 1 },
        () => storage.db.insertInto('checkpoints').values(cp).execute());
    });

    it('catches a deleted ledger.pruned entry', async () => {
      const pruned = await storage.db.selectFrom('ledger').selectAll().where('operation', '=', 'ledger.pruned').executeTakeFirstOrThrow();
      await expectBroken(() => storage.db.deleteFrom('ledger').where('seq', '=', pruned.seq).execute(), { reason: 'SEQUENCE_GAP', seq: pruned.seq }, () => reinsert([pruned]));
    });
  });

  it('prunes again later from where the last prune stopped, and still verifies', async () => {
    await write(25, Date.parse('2027-06-01T03:00:00Z'), 'later');
    const before = await firstSeq();
    const r = await prune({ cutoffMs: Date.parse('2027-01-01T00:00:00+07:00') });
    expect(r.status).toBe('pruned');
    const after = await firstSeq();
    expect(after).toBeGreaterThan(before);
    const firstLater = (await storage.db.selectFrom('ledger').select('seq').where('request_id', '=', 'later-0').executeTakeFirstOrThrow()).seq;
    expect(after - 1).toBe((await checkpointSeqs()).filter((s) => s < firstLater).at(-1));
    expect(await storage.db.selectFrom('ledger').select('seq').where('request_id', 'like', 'later-%').execute()).toHaveLength(25);
    expect(await verifyLedger(storage, keys)).toMatchObject({ ok: true, prunedThrough: after - 1 });
  });
});
