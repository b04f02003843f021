/** Where the monitoring job stopped reading the ledger: one row, shared by every instance. */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

const NAME = 'ledger';

export async function readCursor(db: Kysely<Database>): Promise<number | null> {
  const r = await db.selectFrom('monitor_state').select('cursor_seq').where('name', '=', NAME).executeTakeFirst();
  return r ? Number(r.cursor_seq) : null;
}

/** Moves the cursor forward only: an instance that read less never moves it back. */
export async function advanceCursor(db: Kysely<Database>, seq: number, nowMs: number): Promise<void> {
  await db.insertInto('monitor_state').values({ name: NAME, cursor_seq: seq, updated_at: nowMs })
    .onConflict((oc) => oc.column('name').doUpdateSet({ cursor_seq: seq, updated_at: nowMs }).where('monitor_state.cursor_seq', '<', seq))
    .execute();
}

/** The first run starts with the entries of the look-back window, not the whole history. */
export async function initialCursor(db: Kysely<Database>, fromMs: number): Promise<number> {
  const r = await db.selectFrom('ledger').select((eb) => eb.fn.max('seq').as('seq')).where('ts', '<', fromMs).executeTakeFirst();
  return Number(r?.seq ?? 0);
}
