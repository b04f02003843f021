/**
 * Verifying the ledger in ranges, in this thread and in worker threads, on SQLite and PostgreSQL:
 * the same first break as one pass over every entry (R6), whatever was tampered with; entries
 * appended during a verification never make it fail; an entry beyond the head is caught.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChainVerifier, chainHash, type LedgerFields } from '../core/ledger/chain.js';
import { loadKeys, type Keys } from '../keys.js';
import { freshStorage, tempDir } from '../../test/support/harness.js';
import { openStorage, type Storage } from './db.js';
import { verifyLedger, type VerifyOptions, type VerifyReport } from './ledger-store.js';
import { draft, LedgerWriter } from './ledger-writer.js';
import { migrate } from './migrations/index.js';
import type { LedgerRow } from './schema.js';

const ENTRIES = 400;
/**
 * Several ranges in this thread; the same in two workers only (the ledger is too small to start them
 * by default, and this thread would be done before they have loaded).
 */
const IN_RANGES: VerifyOptions = { workers: 0, rangeSize: 37, pageSize: 16 };
const WITH_WORKERS: VerifyOptions = { workers: 2, thisThread: false, minEntriesForWorkers: 0, rangeSize: 37, pageSize: 16 };

const keysFor = () => loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });

async function appendEntries(ledger: LedgerWriter, n: number, tag: string): Promise<void> {
  // Batches of ten: one commit each, so signed checkpoints fall every few batches.
  for (let i = 0; i < n; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) =>
      ledger.append(draft({ request_id: `${tag}-${i + j}`, category: 'test', operation: 'op', outcome: 'OK', actor: `canbo${j}`, purpose: `Mục đích ${i + j}` }))));
  }
}

const broken = (r: VerifyReport) => (r.ok ? null : { seq: r.firstBroken.seq, reason: r.firstBroken.reason, message: r.firstBroken.message });

describe.each(['sqlite', 'postgres'] as const)('ledger verification in ranges on %s', (engine) => {
  let storage: Storage;
  let keys: Keys;
  let ledger: LedgerWriter;
  let rows: LedgerRow[];
  const db = () => storage.db;

  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    keys = keysFor();
    ledger = new LedgerWriter(storage, keys, { instanceId: `verify-${engine}`, checkpoint: { everyEntries: 25, everyMs: 3_600_000 } });
    await ledger.init();
    await appendEntries(ledger, ENTRIES, 'base');
    rows = await db().selectFrom('ledger').selectAll().orderBy('seq').execute();
  });
  afterAll(async () => {
    await storage.close();
  });

  /** Puts the ledger, its checkpoints and its head back as they were. */
  async function restore(checkpoints: Array<{ seq: number; signature: string; hash: string }>, head: { seq: number; hash: string }) {
    await db().deleteFrom('ledger').execute();
    for (let i = 0; i < rows.length; i += 50) await db().insertInto('ledger').values(rows.slice(i, i + 50)).execute();
    for (const cp of checkpoints) await db().updateTable('checkpoints').set({ signature: cp.signature, hash: cp.hash }).where('seq', '=', cp.seq).execute();
    await db().updateTable('ledger_head').set(head).where('id', '=', 1).execute();
  }

  const tamperings = {
    alter: (seq: number) => db().updateTable('ledger').set({ purpose: 'sửa lại' }).where('seq', '=', seq).execute(),
    remove: (seq: number, n: number) => db().deleteFrom('ledger').where('seq', '>=', seq).where('seq', '<', seq + n).execute(),
    relink: (seq: number) => db().updateTable('ledger').set({ prev_hash: rows[0]!.hash }).where('seq', '=', seq).execute(),
    swap: async (seq: number) => {
      const [a, b] = [rows[seq - 1]!, rows[seq]!];
      await db().deleteFrom('ledger').where('seq', 'in', [a.seq, b.seq]).execute();
      await db().insertInto('ledger').values([{ ...b, seq: a.seq }, { ...a, seq: b.seq }]).execute();
    },
    truncate: async (seq: number, moveHead: boolean) => {
      await db().deleteFrom('ledger').where('seq', '>', seq).execute();
      if (moveHead) await db().updateTable('ledger_head').set({ seq, hash: rows[seq - 1]!.hash }).where('id', '=', 1).execute();
    },
    unsign: async (seq: number) => {
      const cp = await db().selectFrom('checkpoints').select('seq').where('seq', '>=', seq).orderBy('seq').limit(1).executeTakeFirst();
      if (cp) await db().updateTable('checkpoints').set({ signature: Buffer.alloc(64).toString('base64') }).where('seq', '=', cp.seq).execute();
    },
  };
  const tampering = fc.oneof(
    fc.integer({ min: 1, max: ENTRIES }).map((s) => ['alter', s] as const),
    fc.tuple(fc.integer({ min: 1, max: ENTRIES - 1 }), fc.integer({ min: 1, max: 80 })).map(([s, n]) => ['remove', s, n] as const),
    fc.integer({ min: 3, max: ENTRIES }).map((s) => ['relink', s] as const),
    fc.integer({ min: 1, max: ENTRIES - 1 }).map((s) => ['swap', s] as const),
    fc.tuple(fc.integer({ min: 1, max: ENTRIES - 1 }), fc.boolean()).map(([s, m]) => ['truncate', s, m] as const),
    fc.integer({ min: 1, max: ENTRIES }).map((s) => ['unsign', s] as const),
  );
  const apply = ([kind, ...args]: readonly [string, ...unknown[]]) => (tamperings[kind as keyof typeof tamperings] as (...a: unknown[]) => Promise<unknown>)(...args);

  /** The reference: one ChainVerifier fed every entry up to the head, in order. */
  async function onePass(): Promise<ChainVerifier> {
    const head = await db().selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
    const v = new ChainVerifier(keys.chainKey);
    for (const row of await db().selectFrom('ledger').selectAll().where('seq', '<=', head.seq).orderBy('seq').execute()) if (!v.push(row)) break;
    return v;
  }

  it('names the same first break in many ranges, with a bare Kysely and with workers as in one pass, whatever was tampered with', async () => {
    const checkpoints = await db().selectFrom('checkpoints').select(['seq', 'hash', 'signature']).execute();
    const head = await db().selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tampering, { minLength: 1, maxLength: 2 }), async (ts) => {
        for (const t of ts) await apply(t);
        try {
          const sequential = await verifyLedger(storage, keys, { workers: 0 });
          expect(sequential.ok).toBe(false);
          // Where only entries were touched, the first break is the one a single ChainVerifier finds.
          const chain = await onePass();
          if (chain.broken && !ts.some(([kind, seq]) => kind === 'unsign' || (kind === 'remove' && seq === 1))) {
            expect(sequential).toMatchObject({ entries: chain.count, firstBroken: { seq: chain.broken.seq, reason: chain.broken.reason } });
          }
          const others = [verifyLedger(storage, keys, IN_RANGES), verifyLedger(storage.db, keys, { rangeSize: 50, pageSize: 7 })];
          // Workers cost a start-up each: every third run is enough to exercise them.
          if (runs++ % 3 === 0) others.push(verifyLedger(storage, keys, WITH_WORKERS));
          for (const r of await Promise.all(others)) {
            expect(broken(r)).toEqual(broken(sequential));
            expect(r.entries).toBe(sequential.entries);
          }
        } finally {
          await restore(checkpoints, head);
        }
      }),
      { numRuns: 24 },
    );
    expect(await verifyLedger(storage, keys, WITH_WORKERS)).toMatchObject({ ok: true, entries: ENTRIES });
  });

  it('verifies an intact ledger the same way in one pass, in ranges and in workers', async () => {
    const reports = await Promise.all([verifyLedger(storage, keys), verifyLedger(storage, keys, IN_RANGES), verifyLedger(storage, keys, WITH_WORKERS)]);
    const checkpoints = (await db().selectFrom('checkpoints').select('seq').execute()).length;
    for (const r of reports) expect(r).toMatchObject({ ok: true, entries: ENTRIES, headSeq: ENTRIES, checkpoints });
  });

  it('names an entry beyond the recorded head that was inserted without moving the head', async () => {
    const head = await db().selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const last = await db().selectFrom('ledger').selectAll().where('seq', '=', head.seq).executeTakeFirstOrThrow();
    const entry: LedgerFields = { ...last, seq: head.seq + 1, request_id: 'slipped-in' };
    await db().insertInto('ledger').values({ ...entry, prev_hash: head.hash, hash: chainHash(keys.chainKey, head.hash, entry) }).execute();
    try {
      for (const opts of [{}, IN_RANGES, WITH_WORKERS]) {
        const r = await verifyLedger(storage, keys, opts);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.firstBroken).toMatchObject({ reason: 'HEAD_MISMATCH', message: expect.stringContaining('beyond the recorded head') });
      }
    } finally {
      await db().deleteFrom('ledger').where('seq', '=', head.seq + 1).execute();
    }
  });

  it('reports ok while the ledger writer keeps appending, up to the head it read first', async () => {
    await appendEntries(ledger, 10, 'before');
    // The writer commits batch after batch for as long as the verifications run.
    let verifying = true;
    let batches = 0;
    const appends = (async () => {
      while (verifying) await appendEntries(ledger, 10, `during-${batches++}`);
    })();
    const reports = await Promise.all([verifyLedger(storage, keys, IN_RANGES), verifyLedger(storage, keys, WITH_WORKERS), verifyLedger(storage.db, keys, { pageSize: 16 })])
      .finally(() => {
        verifying = false;
      });
    await appends;
    expect(batches).toBeGreaterThan(0);
    for (const r of reports) expect(r).toMatchObject({ ok: true });
    for (const r of reports) expect(r.entries).toBeGreaterThan(ENTRIES);
    rows = await db().selectFrom('ledger').selectAll().orderBy('seq').execute();
  });
});

describe('ledger verification of an in-memory SQLite database', () => {
  it('stays in this thread, where the only connection is, whatever the options say', async () => {
    const storage = openStorage('sqlite::memory:');
    try {
      await migrate(storage);
      const keys = keysFor();
      const ledger = new LedgerWriter(storage, keys, { instanceId: 'memory' });
      await ledger.init();
      await appendEntries(ledger, 30, 'mem');
      expect(await verifyLedger(storage, keys, WITH_WORKERS)).toMatchObject({ ok: true, entries: 30 });
    } finally {
      await storage.close();
    }
  });
});

describe('ledger verification on SQLite, where SQLite renders the hashed line', () => {
  let storage: Storage;
  let keys: Keys;
  beforeAll(async () => {
    ({ storage } = await freshStorage('sqlite'));
    keys = keysFor();
    const ledger = new LedgerWriter(storage, keys, { instanceId: 'render' });
    await ledger.init();
    // Text that JSON.stringify and SQLite's json_array may escape differently: control characters,
    // quotes, backslashes, line separators, astral characters.
    const awkward = ['tab\there', 'bell\u0007 nul-free \u001f', 'quote " and \\ backslash', 'line\u2028sep', 'Mục đích 𝔘', 'del\u007f'];
    for (const [i, purpose] of awkward.entries()) {
      await ledger.append(draft({ request_id: `awkward-${i}`, category: 'test', operation: 'op', outcome: 'OK', purpose, upstream_ms: 12, detail: { note: purpose } }));
    }
    await appendEntries(ledger, 40, 'plain');
  });
  afterAll(async () => {
    await storage.close();
  });

  it('verifies entries whatever characters their text holds (a rendering that differs falls back to the JavaScript form)', async () => {
    expect(await verifyLedger(storage, keys, IN_RANGES)).toMatchObject({ ok: true, entries: 46 });
  });

  it('reports a number stored as a real, or a BLOB where text belongs, as an altered entry instead of failing', async () => {
    await sql`update ledger set upstream_ms = 12.5 where seq = 3`.execute(storage.db);
    expect(broken(await verifyLedger(storage, keys, IN_RANGES))).toMatchObject({ seq: 3, reason: 'HASH_MISMATCH' });
    await sql`update ledger set upstream_ms = 12 where seq = 3`.execute(storage.db);
    expect((await verifyLedger(storage, keys, IN_RANGES)).ok).toBe(true);
    await sql`update ledger set purpose = x'4d7563' where seq = 20`.execute(storage.db);
    expect(broken(await verifyLedger(storage, keys, IN_RANGES))).toMatchObject({ seq: 20, reason: 'HASH_MISMATCH' });
  });
});
