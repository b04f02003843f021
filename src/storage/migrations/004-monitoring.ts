/**
 * Migration 004: monitoring (R6). Alerts with their lifecycle (the portal inbox), an outbox of
 * notifications per channel, and the monitoring job's cursor over the ledger.
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function monitoring(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      await db.schema
        .createTable('alerts')
        .addColumn('id', serial, id)
        // One row per condition, whatever the number of runs or instances that see it.
        .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
        .addColumn('rule', 'varchar(64)', (c) => c.notNull())
        .addColumn('severity', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('owner', 'varchar(16)', (c) => c.notNull())
        .addColumn('requirement', 'varchar(8)', (c) => c.notNull())
        .addColumn('subject_actor', 'varchar(64)')
        .addColumn('subject_unit', 'varchar(64)')
        .addColumn('subject_app', 'varchar(40)')
        .addColumn('title_vi', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('raised_seq', 'bigint')
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('acknowledged_by', 'varchar(64)')
        .addColumn('resolved_at', 'bigint')
        .addColumn('resolved_by', 'varchar(64)')
        .addColumn('resolution_note', 'text')
        .execute();
      await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'id']).execute();
      await db.schema.createIndex('alerts_unit').on('alerts').columns(['subject_unit', 'id']).execute();
      await db.schema.createIndex('alerts_first_seen').on('alerts').columns(['first_seen_at']).execute();
      await db.schema
        .createTable('alert_notifications')
        .addColumn('id', serial, id)
        .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id'))
        .addColumn('channel', 'varchar(16)', (c) => c.notNull())
        .addColumn('event', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema.createIndex('alert_notifications_status').on('alert_notifications').columns(['status', 'id']).execute();
      await db.schema
        .createTable('monitor_state')
        .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('cursor_seq', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
