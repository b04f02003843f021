/**
 * Migration 007: a change counter for the directory the lookup path reads (apps and their
 * versions, units, people, procedures, rules, acknowledgements, compliance settings). Triggers
 * bump it on every write to those tables, whoever writes (a gateway instance, the CLI, an
 * administrator's SQL), in the same transaction as the write. The gateway keeps what it read in
 * memory and drops it as soon as the counter moves (storage/directory-cache.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export const WATCHED_TABLES = ['apps', 'app_versions', 'units', 'users', 'procedures', 'rules', 'acknowledgements', 'settings'] as const;

export function directoryGeneration(kind: DatabaseKind) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('directory_generation')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into directory_generation (id, n) values (1, 0)`.execute(db);
      if (kind === 'postgres') {
        await sql`create function directory_changed() returns trigger language plpgsql as $$
          begin update directory_generation set n = n + 1 where id = 1; return null; end $$`.execute(db);
        for (const t of WATCHED_TABLES) {
          await sql.raw(`create trigger ${t}_directory_changed after insert or update or delete or truncate on ${t} for each statement execute function directory_changed()`).execute(db);
        }
        return;
      }
      for (const t of WATCHED_TABLES) {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`create trigger ${t}_directory_changed_${event} after ${event} on ${t} begin update directory_generation set n = n + 1 where id = 1; end`).execute(db);
        }
      }
    },
  };
}
