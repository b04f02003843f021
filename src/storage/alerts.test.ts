/**
 * The alerts store on SQLite and PostgreSQL: one row per deduplication key whatever the number of
 * concurrent writers, guarded escalation, notifications queued once, transitions guarded too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshStorage } from '../../test/support/harness.js';
import type { AlertDraft } from '../core/monitoring/index.js';
import { alertsByKeys, applyDetection, factsOf, listAlerts, transitionAlert } from './alerts.js';
import type { Storage } from './db.js';
import type { LedgerDraft } from './ledger-writer.js';

const draftOf = (o: Partial<AlertDraft> = {}): AlertDraft => ({
  rule: 'after-hours', severity: 'info', requirement: 'R3', dedupKey: 'after-hours|actor:motcua09|2026-03-05', subject: { actor: 'motcua09', unit: 'U-XA3' },
  title: { vi: 'motcua09 tra cứu 5 lượt ngoài giờ làm việc', en: 'after hours' }, evidence: { count: 5, lastSeq: 10 }, ...o,
});

describe.each(['sqlite', 'postgres'] as const)('the alerts store on %s', (engine) => {
  let storage: Storage;
  const ledger: LedgerDraft[] = [];
  const record = async (d: LedgerDraft) => {
    ledger.push(d);
  };
  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('creates a condition once even when several instances see it at the same moment', async () => {
    const d = draftOf();
    const results = await Promise.all(Array.from({ length: 5 }, () => applyDetection(storage.db, d, { action: 'create' }, undefined, { nowMs: 1000, notifyChannels: ['email', 'webhook'] })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await storage.db.selectFrom('alerts').selectAll().execute()).toHaveLength(1);
    expect(await storage.db.selectFrom('alert_notifications').select(['channel', 'event', 'status']).orderBy('channel').execute())
      .toEqual([{ channel: 'email', event: 'raised', status: 'pending' }, { channel: 'webhook', event: 'raised', status: 'pending' }]);
  });

  it('escalates once under concurrency and queues one more notification per channel', async () => {
    const d = draftOf({ severity: 'warning', evidence: { count: 25, lastSeq: 60 } });
    const existing = (await alertsByKeys(storage.db, [d.dedupKey])).get(d.dedupKey)!;
    const results = await Promise.all(Array.from({ length: 4 }, () => applyDetection(storage.db, d, { action: 'escalate', reopen: false }, existing, { nowMs: 2000, notifyChannels: ['email'] })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const row = (await alertsByKeys(storage.db, [d.dedupKey])).get(d.dedupKey)!;
    expect(factsOf(row)).toEqual({ severity: 'warning', status: 'open', evidence: { count: 25, lastSeq: 60 } });
    expect(await storage.db.selectFrom('alert_notifications').select('event').where('event', '=', 'escalated').execute()).toHaveLength(1);
  });

  it('refreshes evidence without lowering the severity and without notifying', async () => {
    const d = draftOf({ severity: 'info', evidence: { count: 30, lastSeq: 70 } });
    const existing = (await alertsByKeys(storage.db, [d.dedupKey])).get(d.dedupKey)!;
    await applyDetection(storage.db, d, { action: 'refresh' }, existing, { nowMs: 3000, notifyChannels: ['email'] });
    const row = (await alertsByKeys(storage.db, [d.dedupKey])).get(d.dedupKey)!;
    expect(factsOf(row)).toMatchObject({ severity: 'warning', evidence: { count: 30, lastSeq: 70 } });
    expect(Number(row.last_seen_at)).toBe(3000);
    expect(await storage.db.selectFrom('alert_notifications').selectAll().execute()).toHaveLength(3);
  });

  it('moves through acknowledged to resolved, each step handed to the ledger first', async () => {
    const [row] = await listAlerts(storage.db, { status: 'open', unit: 'U-XA3', limit: 10 });
    const ack = await transitionAlert(storage.db, record, { id: row!.id, action: 'acknowledge', by: 'anninhmang', requestId: 'r1', nowMs: 4000 });
    expect(ack).toMatchObject({ ok: true, alert: { status: 'acknowledged', acknowledged_by: 'anninhmang' } });
    const res = await transitionAlert(storage.db, record, { id: row!.id, action: 'resolve', by: 'anninhmang', note: 'Đã xử lý', requestId: 'r2', nowMs: 5000 });
    expect(res).toMatchObject({ ok: true, alert: { status: 'resolved', resolution_note: 'Đã xử lý' } });
    expect(ledger.map((d) => `${d.operation}:${d.outcome}`)).toEqual(['alert.acknowledge:OK', 'alert.resolve:OK']);
    expect(await listAlerts(storage.db, { status: 'open', limit: 10 })).toEqual([]);
    expect(await transitionAlert(storage.db, record, { id: 999_999, action: 'acknowledge', by: 'x', requestId: 'r3', nowMs: 6000 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('reopens a resolved alert when it escalates', async () => {
    const d = draftOf({ severity: 'high', evidence: { count: 200, lastSeq: 900 } });
    const existing = (await alertsByKeys(storage.db, [d.dedupKey])).get(d.dedupKey)!;
    const row = await applyDetection(storage.db, d, { action: 'escalate', reopen: true }, existing, { nowMs: 7000, notifyChannels: [] });
    expect(row).toMatchObject({ status: 'open', severity: 'high', resolved_at: null, resolution_note: null, acknowledged_by: null });
  });
});
