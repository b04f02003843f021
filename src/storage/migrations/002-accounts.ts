/** Migration 002: sessions, login throttles, password history, MFA, account lifecycle. */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function accounts(kind: DatabaseKind) {
  const serial = kind === 'postgres' ? ('serial' as const) : ('integer' as const);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const id = (c: any) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      for (const [name, type] of [
        ['activated_at', 'bigint'], ['mfa_secret', 'text'], ['mfa_enabled', 'integer'], ['mfa_last_step', 'bigint'], ['recovery_codes', 'text'],
        ['disabled_at', 'bigint'], ['disabled_reason', 'text'], ['responsible_person', 'text'], ['service_account', 'integer'],
      ] as const) {
        await db.schema.alterTable('users').addColumn(name, type).execute();
      }
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('end_reason', 'varchar(32)')
        .addColumn('ip', 'varchar(64)', (c) => c.notNull())
        .addColumn('agent', 'varchar(64)', (c) => c.notNull())
        .addColumn('csrf', 'varchar(64)', (c) => c.notNull())
        .addColumn('restriction', 'varchar(16)')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'ended_at']).execute();
      await db.schema
        .createTable('login_throttles')
        .addColumn('username', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'bigint')
        .execute();
      await db.schema
        .createTable('password_history')
        .addColumn('id', serial, id)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('account_requests')
        .addColumn('id', serial, id)
        .addColumn('username', 'varchar(64)', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('requested_by', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('decided_by', 'varchar(64)')
        .addColumn('decided_at', 'bigint')
        .addColumn('note', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('access_reviews')
        .addColumn('id', serial, id)
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('reviewer', 'varchar(64)', (c) => c.notNull())
        .addColumn('decision', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
