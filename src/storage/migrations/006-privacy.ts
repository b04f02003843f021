/**
 * Migration 006: personal-data protection (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP): breach incidents
 * with their 72-hour notification, and holds that delay a data-subject report (e.g. during an
 * investigation). Holds store only the ID number's HMAC and masked form, never the number.
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function privacy(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      await db.schema
        .createTable('incidents')
        .addColumn('id', serial, id)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('severity', 'varchar(16)', (c) => c.notNull())
        .addColumn('discovered_at', 'bigint', (c) => c.notNull())
        .addColumn('reported_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('notified_at', 'bigint')
        .addColumn('notified_by', 'varchar(64)')
        .addColumn('authority', 'text')
        .addColumn('reference', 'text')
        .execute();
      await db.schema
        .createTable('data_subject_holds')
        .addColumn('id', serial, id)
        .addColumn('id_hmac', 'varchar(64)', (c) => c.notNull())
        .addColumn('id_masked', 'varchar(12)', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('until_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('released_at', 'bigint')
        .addColumn('released_by', 'varchar(64)')
        .execute();
      await db.schema.createIndex('data_subject_holds_id_hmac').on('data_subject_holds').columns(['id_hmac']).execute();
    },
  };
}
