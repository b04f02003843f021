/**
 * The directory of who and what may look citizens up: units, staff, procedures and connected
 * systems (apps). Rows come back as they are stored; presenters choose what leaves the process.
 */
import { decideAllocation, type AllocationRefusal } from '../core/quota/quota.js';
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Storage } from './db.js';
import type { AppRow, Database, ProcedureRow, UnitRow, UserRow } from './schema.js';

type Db = Kysely<Database>;

export async function addUnit(db: Db, u: { code: string; name: string; dailyQuota: number }, nowMs: number): Promise<UnitRow> {
  return db.insertInto('units').values({ code: u.code, name: u.name, daily_quota: u.dailyQuota, created_at: nowMs }).returningAll().executeTakeFirstOrThrow();
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('code').execute();
}

export async function unitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Runs `write` if unit `code` (a new one when it does not exist) may be allocated `requested` a day
 * (core `decideAllocation`), in one transaction with the units locked against other allocation
 * changes: two administrators raising two units at once cannot both pass on the old total. On
 * SQLite the single writer already serialises them.
 */
export async function withAllocation<T>(storage: Storage, code: string, requested: number, cap: number, write: (trx: Db) => Promise<T>): Promise<{ ok: true; value: T } | AllocationRefusal> {
  return storage.db.transaction().execute(async (trx) => {
    if (storage.kind === 'postgres') await sql`lock table units in share row exclusive mode`.execute(trx);
    const units = await listUnits(trx);
    const othersTotal = units.filter((u) => u.code !== code).reduce((sum, u) => sum + u.daily_quota, 0);
    const d = decideAllocation({ requested, current: units.find((u) => u.code === code)?.daily_quota ?? 0, othersTotal, cap });
    return d.ok ? { ok: true as const, value: await write(trx) } : d;
  });
}

export async function setUnitQuota(db: Db, code: string, dailyQuota: number): Promise<boolean> {
  const r = await db.updateTable('units').set({ daily_quota: dailyQuota }).where('code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A one-time activation code: short enough to read out, random enough to resist guessing in 72 h. */
export function newActivationCode(): string {
  return randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toUpperCase();
}

export async function addUser(
  db: Db,
  u: { username: string; fullName: string; unitId: number; role: string; dailyQuota: number | null; activationCode: string; activationExpiresAt: number },
  nowMs: number,
): Promise<UserRow> {
  return db.insertInto('users').values({
    username: u.username, full_name: u.fullName, unit_id: u.unitId, role: u.role, status: 'pending',
    daily_quota: u.dailyQuota, password_hash: null, password_changed_at: null,
    activation_code_hash: hashSecret(u.activationCode), activation_expires_at: u.activationExpiresAt,
    created_at: nowMs, last_login_at: null,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function userByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<Array<UserRow & { unit_code: string }>> {
  return db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').selectAll('users').select('units.code as unit_code').orderBy('users.username').execute();
}

export async function addProcedure(db: Db, p: { code: string; name: string; fields: string[] }, nowMs: number): Promise<ProcedureRow> {
  return db.insertInto('procedures').values({ code: p.code, name: p.name, fields: JSON.stringify(p.fields), active: 1, created_at: nowMs, updated_at: nowMs }).returningAll().executeTakeFirstOrThrow();
}

export async function updateProcedure(db: Db, code: string, p: { name?: string; fields?: string[]; active?: boolean }, nowMs: number): Promise<boolean> {
  const r = await db.updateTable('procedures').set({
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.fields !== undefined ? { fields: JSON.stringify(p.fields) } : {}),
    ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
    updated_at: nowMs,
  }).where('code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function procedureByCode(db: Db, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listProcedures(db: Db): Promise<ProcedureRow[]> {
  return db.selectFrom('procedures').selectAll().orderBy('code').execute();
}

export function procedureFields(p: Pick<ProcedureRow, 'fields'>): string[] {
  return JSON.parse(p.fields) as string[];
}

/** Registers a connected system; returns its key once (only its hash is kept). */
export async function addApp(
  db: Db,
  a: { name: string; unitId: number; version: string; approvalDoc: string | null; dailyQuota: number | null; activeFrom: number | null },
  nowMs: number,
): Promise<{ app: AppRow; key: string }> {
  const id = `app_${randomBytes(8).toString('hex')}`;
  const key = `dck_${randomBytes(32).toString('base64url')}`;
  // An app recorded with its written approval document is approved; without one it waits (R2).
  const status = a.approvalDoc ? 'approved' : 'pending';
  const app = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('apps').values({
      id, name: a.name, unit_id: a.unitId, key_hash: hashSecret(key), status, approval_doc: a.approvalDoc,
      active_from: a.activeFrom, daily_quota: a.dailyQuota, created_at: nowMs,
    }).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('app_versions').values({ app_id: id, version: a.version, status: a.approvalDoc ? 'approved' : 'pending', created_at: nowMs }).execute();
    return row;
  });
  return { app, key };
}

export async function appByKey(db: Db, key: string): Promise<(AppRow & { unit_code: string }) | undefined> {
  return db.selectFrom('apps').innerJoin('units', 'units.id', 'apps.unit_id').selectAll('apps').select('units.code as unit_code')
    .where('apps.key_hash', '=', hashSecret(key)).executeTakeFirst();
}

/** A build's registration as stored: its status and planned date of use. */
export async function appVersionRow(db: Db, appId: string, version: string): Promise<{ status: string; active_from?: number | null } | undefined> {
  return db.selectFrom('app_versions').select(['status', 'active_from']).where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
}

/**
 * The status of a build as the gateway enforces it (R2): an approved version whose planned date of
 * use has not come yet is still 'not_started'.
 */
export function effectiveStatusOf(r: { status: string; active_from?: number | null } | undefined, nowMs: number): string | undefined {
  if (!r) return undefined;
  return r.status === 'approved' && r.active_from != null && r.active_from > nowMs ? 'not_started' : r.status;
}

export async function appVersionStatus(db: Db, appId: string, version: string): Promise<string | undefined> {
  const r = await db.selectFrom('app_versions').select('status').where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
  return r?.status;
}

export async function listApps(db: Db): Promise<Array<AppRow & { unit_code: string }>> {
  return db.selectFrom('apps').innerJoin('units', 'units.id', 'apps.unit_id').selectAll('apps').select('units.code as unit_code').orderBy('apps.name').execute();
}
