/**
 * One storage conformance suite, run against SQLite and PostgreSQL: the directory, the ledger's
 * chain and its tamper detection, search, and exact quota reservations under concurrency.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { loadKeys, type Keys } from '../../src/keys.js';
import type { Storage } from '../../src/storage/db.js';
import * as dir from '../../src/storage/directory.js';
import { ID_KEY_DIGITS, searchLedger, searchQuery, verifyLedger } from '../../src/storage/ledger-store.js';
import { subjectLedgerQuery, subjectLedgerRows } from '../../src/storage/privacy.js';
import { draft, LedgerWriter } from '../../src/storage/ledger-writer.js';
import { migrate } from '../../src/storage/migrations/index.js';
import { ledgerIdKey } from '../../src/storage/migrations/008-ledger-id-key.js';
import { freshStorage, tempDir } from '../support/harness.js';

describe.each(['sqlite', 'postgres'] as const)('storage conformance on %s', (engine) => {
  let storage: Storage;
  let keys: Keys;
  let ledger: LedgerWriter;
  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    keys = loadKeys({ dataDir: tempDir(), ledgerKey: null, checkpointKey: null, sessionSecret: null });
    ledger = new LedgerWriter(storage, keys, { instanceId: `conformance-${engine}`, checkpoint: { everyEntries: 50, everyMs: 3_600_000 } });
    await ledger.init();
  });
  afterAll(async () => {
    await storage.close();
  });

  it('runs the migrations again without change', async () => {
    expect((await migrate(storage)).applied).toEqual([]);
  });

  it('stores and finds units, users, procedures and apps', async () => {
    const now = Date.now();
    const unit = await dir.addUnit(storage.db, { code: 'SO-TP', name: 'Sở Tư pháp', dailyQuota: 50 }, now);
    await dir.addUser(storage.db, { username: 'hotich01', fullName: 'Công chức hộ tịch', unitId: unit.id, role: 'operator', dailyQuota: null, activationCode: 'ABC', activationExpiresAt: now }, now);
    await dir.addProcedure(storage.db, { code: '1.000894', name: 'Đăng ký kết hôn', fields: ['fullName', 'maritalStatus'] }, now);
    const { app, key } = await dir.addApp(storage.db, { name: 'Phần mềm hộ tịch', unitId: unit.id, version: '2.0', approvalDoc: '12/TCT', dailyQuota: null, activeFrom: null }, now);
    expect((await dir.unitByCode(storage.db, 'SO-TP'))?.name).toBe('Sở Tư pháp');
    expect((await dir.userByUsername(storage.db, 'hotich01'))?.full_name).toBe('Công chức hộ tịch');
    expect(dir.procedureFields((await dir.procedureByCode(storage.db, '1.000894'))!)).toEqual(['fullName', 'maritalStatus']);
    expect((await dir.appByKey(storage.db, key))?.id).toBe(app.id);
    expect(await dir.appByKey(storage.db, key + 'x')).toBeUndefined();
    expect(await dir.appVersionStatus(storage.db, app.id, '2.0')).toBe('approved');
    await expect(dir.addUnit(storage.db, { code: 'SO-TP', name: 'again', dailyQuota: 1 }, now)).rejects.toThrow();
  });

  it('appends a gapless hash chain with signed checkpoints that verifies', async () => {
    // Three rounds of 40: one commit each, a checkpoint at most every 50 entries.
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 40 }, (_, j) => {
        const i = round * 40 + j;
        return ledger.append(draft({ request_id: `r${i}`, category: 'test', operation: 'op', outcome: 'OK', actor: i % 2 ? 'a' : 'b', purpose: `Mục đích số ${i}` }));
      }));
    }
    const report = await verifyLedger(storage, keys);
    expect(report).toMatchObject({ ok: true, entries: 120, headSeq: 120 });
    expect(report.ok && report.checkpoints).toBeGreaterThanOrEqual(2);
    expect(await searchLedger(storage.db, { actor: 'a', limit: 1000 })).toHaveLength(60);
    const newest = await searchLedger(storage.db, { limit: 3 });
    expect(newest.map((r) => r.seq)).toEqual([120, 119, 118]);
  });

  it('finds an ID number\'s entries through the ID index, newest first, never those of another number sharing the indexed prefix', async () => {
    const prefix = 'c'.repeat(ID_KEY_DIGITS);
    const mine = prefix + '1'.repeat(64 - ID_KEY_DIGITS);
    const other = prefix + '2'.repeat(64 - ID_KEY_DIGITS);
    const entry = (i: number, idHmac: string) => ledger.append(draft({ request_id: `id${i}`, category: 'lookup', operation: 'lookup.result', outcome: 'OK', id_hmac: idHmac }));
    for (let i = 0; i < 6; i++) await entry(i, i % 2 === 0 ? mine : other);
    const found = await searchLedger(storage.db, { idHmac: mine, limit: 10 });
    expect(found.map((r) => r.request_id)).toEqual(['id4', 'id2', 'id0']);
    expect((await subjectLedgerRows(storage.db, other)).map((r) => r.seq)).toEqual(found.map((r) => r.seq + 1).reverse());
    // Both plans read the index, not the table: with sequential scans priced out on PostgreSQL, whose
    // planner would rightly scan a table this small.
    const planOf = async (compiled: CompiledQuery): Promise<string> => storage.kind === 'sqlite'
      ? storage.sqlite.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters).map((r) => (r as { detail: string }).detail).join('\n')
      : storage.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    expect(await planOf(searchQuery(storage.db, { idHmac: mine, limit: 10 }).compile())).toMatch(/ledger_id_prefix/);
    expect(await planOf(subjectLedgerQuery(storage.db, mine).compile())).toMatch(/ledger_id_prefix/);
  });

  it('runs migration 008 again after it was cut short, ending with the prefix index alone', async () => {
    const indexes = async () => (storage.kind === 'sqlite'
      ? storage.sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'ledger' and sql is not null").pluck().all() as string[]
      : (await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'ledger'`.execute(storage.db)).rows.map((r) => r.indexname)
    ).filter((n) => n.startsWith('ledger_id')).sort();
    expect(await indexes()).toEqual(['ledger_id_prefix']);
    // As if the build had finished and the process died before the old index was dropped.
    await sql`create index ledger_id_hmac on ledger (id_hmac, seq)`.execute(storage.db);
    await ledgerIdKey(storage.kind).up(storage.db as unknown as Kysely<unknown>);
    await ledgerIdKey(storage.kind).up(storage.db as unknown as Kysely<unknown>);
    expect(await indexes()).toEqual(['ledger_id_prefix']);
  });

  it('reserves exactly up to the cap under concurrent requests', async () => {
    const req = { day: '2026-11-23', scopes: [{ scope: 'province', cap: 37, code: 'QUOTA_EXCEEDED' as const }] };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => ledger.reserve(req, draft({ request_id: `q${i}`, category: 'lookup', operation: 'lookup.reserve', outcome: 'PENDING' }))));
    expect(results.filter((r) => r.decision.granted)).toHaveLength(37);
    const outcomes = await storage.db.selectFrom('ledger').select('outcome').where('request_id', 'like', 'q%').execute();
    expect(outcomes.filter((o) => o.outcome === 'RESERVED')).toHaveLength(37);
    expect(outcomes.filter((o) => o.outcome === 'QUOTA_EXCEEDED')).toHaveLength(63);
    const row = await storage.db.selectFrom('quota_counters').select('used').where('day', '=', '2026-11-23').where('scope', '=', 'province').executeTakeFirst();
    expect(row?.used).toBe(37);
  });

  describe('tamper detection', () => {
    async function expectBroken(mutate: () => Promise<unknown>, seq: number, restore: () => Promise<unknown>) {
      await mutate();
      const r = await verifyLedger(storage, keys);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken.seq).toBe(seq);
      await restore();
      expect((await verifyLedger(storage, keys)).ok).toBe(true);
    }
    const row = (seq: number) => storage.db.selectFrom('ledger').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

    it('names a modified entry', async () => {
      const orig = await row(40);
      await expectBroken(() => storage.db.updateTable('ledger').set({ purpose: 'sửa lại' }).where('seq', '=', 40).execute(), 40,
        () => storage.db.updateTable('ledger').set({ purpose: orig.purpose }).where('seq', '=', 40).execute());
    });

    it('names a deleted entry', async () => {
      const orig = await row(41);
      await expectBroken(() => storage.db.deleteFrom('ledger').where('seq', '=', 41).execute(), 41, () => storage.db.insertInto('ledger').values(orig).execute());
    });

    it('names an inserted entry', async () => {
      const a = await row(42);
      const b = await row(43);
      // Shift 43.. up by one is intrusive; instead forge an entry in place of 43 with 42's hash as predecessor.
      await expectBroken(() => storage.db.updateTable('ledger').set({ request_id: 'forged', prev_hash: a.hash }).where('seq', '=', 43).execute(), 43,
        () => storage.db.updateTable('ledger').set({ request_id: b.request_id, prev_hash: b.prev_hash }).where('seq', '=', 43).execute());
    });

    it('names reordered entries', async () => {
      const a = await row(44);
      const b = await row(45);
      const swap = async (x: typeof a, y: typeof a) => {
        await storage.db.deleteFrom('ledger').where('seq', 'in', [44, 45]).execute();
        await storage.db.insertInto('ledger').values([{ ...x, seq: 45 }, { ...y, seq: 44 }]).execute();
      };
      await expectBroken(() => swap(a, b), 44, async () => {
        await storage.db.deleteFrom('ledger').where('seq', 'in', [44, 45]).execute();
        await storage.db.insertInto('ledger').values([a, b]).execute();
      });
    });

    it('notices a truncated tail even when the head row is rewritten', async () => {
      const head = await storage.db.selectFrom('ledger_head').selectAll().executeTakeFirstOrThrow();
      const tail = await storage.db.selectFrom('ledger').selectAll().where('seq', '>', 60).orderBy('seq').execute();
      const at60 = await row(60);
      await storage.db.deleteFrom('ledger').where('seq', '>', 60).execute();
      await storage.db.updateTable('ledger_head').set({ seq: 60, hash: at60.hash }).execute();
      const r = await verifyLedger(storage, keys);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.firstBroken).toMatchObject({ seq: 61, reason: 'TRUNCATED' });
      for (let i = 0; i < tail.length; i += 50) await storage.db.insertInto('ledger').values(tail.slice(i, i + 50)).execute();
      await storage.db.updateTable('ledger_head').set({ seq: head.seq, hash: head.hash }).execute();
      expect((await verifyLedger(storage, keys)).ok).toBe(true);
    });

    it('rejects a checkpoint that was not signed by the ledger key', async () => {
      const cp = await storage.db.selectFrom('checkpoints').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
      await expectBroken(() => storage.db.updateTable('checkpoints').set({ signature: Buffer.alloc(64).toString('base64') }).where('seq', '=', cp.seq).execute(), cp.seq,
        () => storage.db.updateTable('checkpoints').set({ signature: cp.signature }).where('seq', '=', cp.seq).execute());
    });
  });

  it('answers a trivial query (readiness)', async () => {
    const r = await sql<{ one: number }>`select 1 as one`.execute(storage.db);
    expect(Number(r.rows[0]!.one)).toBe(1);
  });
});
