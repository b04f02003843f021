/**
 * Migration 003: the connection registry (R2, R3). Systems gain their responsible person, security
 * level (cấp độ), procedures and fields used; versions gain a build fingerprint; the devices they run
 * on (`app_devices`: minimal, the full inventory is `devices`, migration 005); requests, their steps
 * and attachments; the workflow's steps; administrators' calendar overrides.
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function registry(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      for (const [name, type] of [['responsible_person', 'text'], ['security_level', 'integer'], ['procedures_used', 'text'], ['fields_used', 'text'], ['status_reason', 'text']] as const) {
        await db.schema.alterTable('apps').addColumn(name, type).execute();
      }
      await db.schema.alterTable('app_versions').addColumn('fingerprint', 'varchar(128)').execute();
      await db.schema.alterTable('app_versions').addColumn('active_from', 'bigint').execute();
      await db.schema
        .createTable('app_devices')
        .addColumn('id', serial, id)
        .addColumn('app_id', 'varchar(40)', (c) => c.notNull().references('apps.id'))
        .addColumn('hostname', 'varchar(253)', (c) => c.notNull())
        .addColumn('addresses', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('app_devices_host', ['app_id', 'hostname'])
        .execute();
      await db.schema
        .createTable('registrations')
        .addColumn('id', serial, id)
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('app_id', 'varchar(40)', (c) => c.notNull().references('apps.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('status', 'varchar(24)', (c) => c.notNull())
        .addColumn('planned_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('earliest_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('version', 'varchar(64)')
        .addColumn('fingerprint', 'varchar(128)')
        .addColumn('device_id', 'integer', (c) => c.references('app_devices.id'))
        .addColumn('procedures', 'text')
        .addColumn('fields', 'text')
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('current_step', 'integer', (c) => c.notNull())
        .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('submitted_at', 'bigint', (c) => c.notNull())
        .addColumn('decided_at', 'bigint')
        .addColumn('approving_body', 'text')
        .addColumn('document_number', 'text')
        .addColumn('document_date', 'varchar(10)')
        .addColumn('signer', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registrations_unit').on('registrations').columns(['unit_id', 'status']).execute();
      await db.schema.createIndex('registrations_app').on('registrations').columns(['app_id']).execute();
      await db.schema
        .createTable('registration_steps')
        .addColumn('id', serial, id)
        .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id'))
        .addColumn('step', 'varchar(32)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor', 'varchar(64)', (c) => c.notNull())
        .addColumn('result', 'varchar(16)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registration_steps_reg').on('registration_steps').columns(['registration_id']).execute();
      // The bytes live in the database, beside their metadata: one backup, one transaction, and
      // every gateway instance sharing PostgreSQL sees them (a data dir is per instance).
      await db.schema
        .createTable('registration_attachments')
        .addColumn('id', serial, id)
        .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id'))
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('text_checked', 'integer', (c) => c.notNull())
        .addColumn('content', kind === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('uploaded_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registration_attachments_reg').on('registration_attachments').columns(['registration_id']).execute();
      await db.schema
        .createTable('registration_workflow')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calendar_overrides')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('days_off', 'text', (c) => c.notNull())
        .addColumn('working_saturdays', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
