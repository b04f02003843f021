/**
 * Delivery of the notification outbox: each pending row is claimed with a guarded update (so two
 * instances never send it twice), sent through its channel, and marked sent, or left pending for
 * the next run until `maxAttempts`. Every attempt is recorded in the ledger (R6: evidence that the
 * people responsible were told).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { alertLedgerDraft } from '../storage/alerts.js';
import type { LedgerDraft } from '../storage/ledger-writer.js';
import type { Database } from '../storage/schema.js';
import type { Channel } from './channel.js';

export interface DeliveryOptions {
  nowMs: () => number;
  requestId: string;
  record: (d: LedgerDraft) => Promise<unknown>;
  log?: Logger;
  /** Attempts per row before it is marked failed (default 5, one per monitoring run). */
  maxAttempts?: number;
  /** Rows per run (default 50). */
  limit?: number;
  /** A row left `sending` this long (a crash mid-send) is taken again (default 10 min). */
  staleMs?: number;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  retrying: number;
}

const clipError = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

export async function deliverPending(db: Kysely<Database>, channels: readonly Channel[], o: DeliveryOptions): Promise<DeliveryReport> {
  const maxAttempts = o.maxAttempts ?? 5;
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0 };
  const byName = new Map(channels.map((c) => [c.name, c]));
  const stale = o.nowMs() - (o.staleMs ?? 600_000);
  const rows = await db.selectFrom('alert_notifications').selectAll()
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', stale)])]))
    .orderBy('id').limit(o.limit ?? 50).execute();
  for (const row of rows) {
    const claimed = await db.updateTable('alert_notifications').set({ status: 'sending', attempts: row.attempts + 1, updated_at: o.nowMs() })
      .where('id', '=', row.id).where('status', '=', row.status).where('attempts', '=', row.attempts).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const alert = await db.selectFrom('alerts').selectAll().where('id', '=', row.alert_id).executeTakeFirst();
    const channel = byName.get(row.channel);
    let error: string | null = null;
    if (!alert) error = 'alert missing';
    else if (!channel) error = `channel ${row.channel} is not configured`;
    else {
      try {
        await channel.send(alert, row.event === 'escalated' ? 'escalated' : 'raised', row.id);
      } catch (e) {
        error = clipError(e);
      }
    }
    const attempts = row.attempts + 1;
    const final = error === null ? 'sent' : attempts >= maxAttempts || !channel || !alert ? 'failed' : 'pending';
    await db.updateTable('alert_notifications')
      .set({ status: final, last_error: error, updated_at: o.nowMs(), sent_at: error === null ? o.nowMs() : null }).where('id', '=', row.id).execute();
    if (final === 'sent') report.sent++;
    else if (final === 'failed') report.failed++;
    else report.retrying++;
    if (error) o.log?.warn({ notification: row.id, channel: row.channel, attempts, error }, 'alert notification failed');
    if (alert) {
      await o.record(alertLedgerDraft(alert, {
        requestId: o.requestId, operation: 'alert.notify', outcome: error === null ? 'OK' : final === 'failed' ? 'FAILED' : 'RETRY',
        detail: { channel: row.channel, event: row.event, attempt: attempts, notification: row.id, ...(error ? { error } : {}) },
      }));
    }
  }
  return report;
}
