/**
 * Migration 008: the ledger's index by ID number keys on the first 16 hex digits (64 bits) of the
 * ID number's HMAC instead of all 64, with seq for newest-first order. The HMACs are random, so
 * every appended entry lands on an arbitrary page of that index and each commit rewrites about one
 * index page per entry; a quarter-width key puts about three times as many entries on a page, so a
 * commit dirties fewer of them and the index stays in memory three times longer as the ledger
 * grows. Queries name the prefix (to use the index) and the full HMAC (so two people whose HMACs
 * share a prefix are never mixed): storage/ledger-store.ts `idHmacIs`, whose ID_KEY_DIGITS is this
 * 16 (a different width needs a new migration).
 *
 * The new index is built before the old one is dropped, and both steps may be repeated: a build cut
 * short (on SQLite it is not in a transaction) leaves the old index in place and the next start
 * builds again. On a large ledger the build takes minutes; on PostgreSQL, appends from other
 * instances wait for it (reads do not), so upgrade in a quiet hour.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db.js';

export function ledgerIdKey(kind: DatabaseKind) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index if not exists ledger_id_prefix on ledger ((substr(id_hmac, 1, 16)), seq)`.execute(db);
      await sql`drop index if exists ledger_id_hmac`.execute(db);
      // Statistics for the new expression now rather than at the next automatic analyze.
      if (kind === 'postgres') await sql`analyze ledger`.execute(db);
    },
  };
}
