/**
 * Migration 005: endpoint compliance and awareness of the rules (R10, R11): the device inventory
 * and the addresses each device reports, the address ranges registered per unit, the unit's own
 * security rules, acknowledgements, and the settings an administrator changes in the portal.
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function compliance(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      await db.schema
        .createTable('devices')
        .addColumn('id', serial, id)
        .addColumn('hostname', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
        .addColumn('owner', 'text')
        .addColumn('addresses', 'text', (c) => c.notNull())
        .addColumn('os', 'text')
        .addColumn('os_patched_at', 'bigint')
        .addColumn('av_product', 'text')
        .addColumn('av_signature_at', 'bigint')
        .addColumn('av_protection', 'integer')
        .addColumn('software', 'text')
        .addColumn('last_report_at', 'bigint')
        .addColumn('token_hash', 'varchar(64)', (c) => c.unique())
        .addColumn('token_issued_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('devices_unit').on('devices').columns(['unit_id']).execute();
      await db.schema
        .createTable('device_addresses')
        .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
        .addColumn('address', 'varchar(64)', (c) => c.notNull())
        .addPrimaryKeyConstraint('device_addresses_pk', ['address', 'device_id'])
        .execute();
      await db.schema
        .createTable('address_ranges')
        .addColumn('id', serial, id)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('cidr', 'varchar(64)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rules')
        .addColumn('id', serial, id)
        .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
        .addColumn('code', 'varchar(64)', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('version', 'varchar(64)', (c) => c.notNull())
        .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('acknowledgements')
        .addColumn('id', serial, id)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('rules_version', 'varchar(64)', (c) => c.notNull())
        .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
        .addColumn('client_ip', 'varchar(64)')
        .execute();
      await db.schema.createIndex('acknowledgements_user').on('acknowledgements').columns(['user_id', 'acknowledged_at']).execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
        .execute();
    },
  };
}
