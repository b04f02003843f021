/** Persistence of sessions, login throttles and password history (decisions live in core/accounts). */
import type { Kysely } from 'kysely';
import { isDormant, type AccountPolicy, type Throttle, type UseFacts } from '../core/accounts/policy.js';
import type { Database, SessionTable } from './schema.js';

type Db = Kysely<Database>;

export async function getThrottle(db: Db, username: string): Promise<Throttle | undefined> {
  const r = await db.selectFrom('login_throttles').select(['failures', 'locked_until']).where('username', '=', username).executeTakeFirst();
  return r && { failures: r.failures, lockedUntil: r.locked_until };
}

export async function setThrottle(db: Db, username: string, t: Throttle): Promise<void> {
  await db.insertInto('login_throttles').values({ username, failures: t.failures, locked_until: t.lockedUntil })
    .onConflict((oc) => oc.column('username').doUpdateSet({ failures: t.failures, locked_until: t.lockedUntil })).execute();
}

export async function clearThrottle(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('username', '=', username).execute();
}

export async function liveSessions(db: Db, userId: number) {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

export async function createSession(db: Db, s: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function endSessions(db: Db, where: { userId: number } | { id: string }, reason: string, nowMs: number): Promise<number> {
  let q = db.updateTable('sessions').set({ ended_at: nowMs, end_reason: reason }).where('ended_at', 'is', null);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('user_id', '=', where.userId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export async function sessionWithUser(db: Db, id: string) {
  return db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').innerJoin('units', 'units.id', 'users.unit_id')
    .select(['sessions.id', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.ended_at', 'sessions.csrf', 'sessions.restriction',
      'users.id as user_id', 'users.username', 'users.role', 'users.status', 'users.unit_id', 'units.code as unit_code'])
    .where('sessions.id', '=', id).executeTakeFirst();
}

export async function passwordHistory(db: Db, userId: number, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('password_history').select('hash').where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.hash);
}

/** Sets a new password and keeps the previous ones for the no-reuse rule. */
export async function setPassword(db: Db, userId: number, hash: string, nowMs: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, password_changed_at: nowMs }).where('id', '=', userId).execute();
    await trx.insertInto('password_history').values({ user_id: userId, hash, created_at: nowMs }).execute();
  });
}

// ---------------------------------------------------------------------------------------------
// Dormancy (TCVN 14423: accounts unused for 45 days are disabled)

/** A granted reservation, or the upstream's answer that follows one. */
const RESERVE_OPERATIONS = ['lookup.reserve', 'verification.reserve'];
const RESULT_OPERATIONS = ['lookup.result', 'verification.result'];

/**
 * When this person last looked a citizen up or verified one — in the portal or through a connected
 * system acting on their behalf — from the ledger's actor index, newest first; null if never.
 * Logins and failed logins do not count: someone trying passwords must not keep an account alive.
 * Nor do refused lookups: any system can name a person in X-On-Behalf-Of, so only a request that
 * passed every check and was granted its quota (a RESERVED reservation, then its result) is use by
 * that person; a reservation refused for quota, rate or an upstream lock is not.
 */
export async function lastActedAt(db: Db, username: string): Promise<number | null> {
  const r = await db.selectFrom('ledger').select('ts').where('actor', '=', username)
    .where((eb) => eb.or([eb('operation', 'in', RESULT_OPERATIONS), eb.and([eb('operation', 'in', RESERVE_OPERATIONS), eb('outcome', '=', 'RESERVED')])]))
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r?.ts ?? null;
}

/**
 * Whether an account is dormant (core `isDormant`), with the facts that decided it. The ledger is
 * read only when the logins alone already say dormant, so an account in use costs no query.
 */
export async function dormancyOf(db: Db, username: string, byLogin: UseFacts, nowMs: number, p: AccountPolicy): Promise<{ dormant: boolean; facts: UseFacts }> {
  if (!isDormant(byLogin, nowMs, p)) return { dormant: false, facts: byLogin };
  const facts = { ...byLogin, lastActedAt: await lastActedAt(db, username) };
  return { dormant: isDormant(facts, nowMs, p), facts };
}

/** Active personal accounts (service accounts are kept alive by their system) with their login history. */
export async function activePeople(db: Db) {
  return db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.last_login_at', 'users.activated_at', 'users.created_at', 'units.code as unit_code'])
    .where('users.status', '=', 'active').where((eb) => eb.or([eb('users.service_account', 'is', null), eb('users.service_account', '=', 0)]))
    .execute();
}

/** Disables an account found dormant, if it is still active; true when it was. */
export async function disableDormant(db: Db, userId: number, nowMs: number): Promise<boolean> {
  const r = await db.updateTable('users').set({ status: 'disabled', disabled_at: nowMs, disabled_reason: 'dormant' })
    .where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
