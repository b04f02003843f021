/**
 * Migration 008: the ledger's index by ID number keys on the first 16 hex digits (64 bits) of the
 * ID number's HMAC instead of all 64, with seq for newest-first order. The HMACs are random, so
 * every appended entry lands on an arbitrary page of that index and each commit rewrites about one
 * index page per entry; a quarter-width key puts about three times as many entries on a page, so a
 * commit dirties fewer of them and the index stays in memory three times longer as the ledger
 * grows. Queries name the prefix (to use the index) and the full HMAC (so two people whose HMACs
 * share a prefix are never mixed): storage/ledger-store.ts `idHmacIs`.
 *
 * On a large existing ledger this builds the new index once (minutes at tens of millions of
 * entries); the gateway starts after it.
 */
import { sql, type Kysely } from 'kysely';

export function ledgerIdKey() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`drop index ledger_id_hmac`.execute(db);
      await sql`create index ledger_id_key on ledger ((substr(id_hmac, 1, 16)), seq)`.execute(db);
    },
  };
}
