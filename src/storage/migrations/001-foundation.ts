/** Migration 001: units, users, procedures, apps, quota counters, the ledger and the upstream state. */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function foundation(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      await db.schema
        .createTable('units')
        .addColumn('id', serial, id)
        .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('daily_quota', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', serial, id)
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('daily_quota', 'integer')
        .addColumn('password_hash', 'text')
        .addColumn('password_changed_at', 'bigint')
        .addColumn('activation_code_hash', 'text')
        .addColumn('activation_expires_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_login_at', 'bigint')
        .execute();
      await db.schema
        .createTable('procedures')
        .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('apps')
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('approval_doc', 'text')
        .addColumn('active_from', 'bigint')
        .addColumn('daily_quota', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('app_versions')
        .addColumn('app_id', 'varchar(40)', (c) => c.notNull().references('apps.id'))
        .addColumn('version', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('app_versions_pk', ['app_id', 'version'])
        .execute();
      await db.schema
        .createTable('quota_counters')
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('scope', 'varchar(80)', (c) => c.notNull())
        .addColumn('used', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('quota_counters_pk', ['day', 'scope'])
        .execute();
      await db.schema
        .createTable('ledger')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('request_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('instance_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('category', 'varchar(32)', (c) => c.notNull())
        .addColumn('operation', 'varchar(64)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(64)', (c) => c.notNull())
        .addColumn('app_id', 'varchar(40)')
        .addColumn('app_version', 'varchar(64)')
        .addColumn('actor', 'varchar(64)')
        .addColumn('unit_code', 'varchar(64)')
        .addColumn('client_ip', 'varchar(64)')
        .addColumn('id_hmac', 'varchar(64)')
        .addColumn('id_masked', 'varchar(12)')
        .addColumn('procedure_code', 'varchar(64)')
        .addColumn('dossier_code', 'varchar(64)')
        .addColumn('purpose', 'text')
        .addColumn('fields_requested', 'text')
        .addColumn('fields_returned', 'text')
        .addColumn('upstream_ms', 'integer')
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .execute();
      // Search by ID number, person, unit and time (INTERFACE: GET /api/v1/ledger), newest first.
      await db.schema.createIndex('ledger_id_hmac').on('ledger').columns(['id_hmac', 'seq']).execute();
      await db.schema.createIndex('ledger_actor').on('ledger').columns(['actor', 'seq']).execute();
      await db.schema.createIndex('ledger_unit').on('ledger').columns(['unit_code', 'seq']).execute();
      await db.schema.createIndex('ledger_ts').on('ledger').columns(['ts']).execute();
      await db.schema
        .createTable('ledger_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('checkpoints')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('upstream_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('locked', 'integer', (c) => c.notNull())
        .addColumn('locked_at', 'bigint')
        .addColumn('reason', 'text')
        .addColumn('cleared_at', 'bigint')
        .addColumn('cleared_by', 'varchar(64)')
        .execute();
    },
  };
}
