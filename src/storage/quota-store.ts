/** Today's quota use for the province, each unit, and each person and app with a cap or with use today (R1). */
import type { Kysely } from 'kysely';
import type { OpenQuotaLine, QuotaLine, QuotaSummary } from '../api-views.js';
import type { Database } from './schema.js';

const line = (used: number, cap: number): QuotaLine => ({ used, cap, remaining: Math.max(0, cap - used) });
const openLine = (used: number, cap: number | null): OpenQuotaLine => (cap === null ? { used, cap: null, remaining: null } : line(used, cap));

export async function quotaSummary(db: Kysely<Database>, day: string, threshold: number, cap: number): Promise<QuotaSummary> {
  const counters = new Map(
    (await db.selectFrom('quota_counters').select(['scope', 'used']).where('day', '=', day).where('scope', 'not like', 'rate:%').execute())
      .map((r) => [r.scope, r.used]),
  );
  // A person or system is shown when it has a cap of its own or has used some today.
  const shown = (l: OpenQuotaLine) => l.cap !== null || l.used > 0;
  const units = await db.selectFrom('units').select(['id', 'code', 'name', 'daily_quota']).orderBy('code').execute();
  const users = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.daily_quota', 'units.code']).orderBy('users.username').execute();
  const apps = await db.selectFrom('apps').innerJoin('units', 'units.id', 'apps.unit_id')
    .select(['apps.id', 'apps.name', 'apps.daily_quota', 'units.code']).orderBy('apps.name').execute();
  return {
    day,
    threshold,
    province: line(counters.get('province') ?? 0, cap),
    units: units.map((u) => ({ code: u.code, name: u.name, ...line(counters.get(`unit:${u.id}`) ?? 0, u.daily_quota) })),
    users: users.map((u) => ({ username: u.username, unitCode: u.code, ...openLine(counters.get(`user:${u.id}`) ?? 0, u.daily_quota) })).filter(shown),
    apps: apps.map((a) => ({ id: a.id, name: a.name, unitCode: a.code, ...openLine(counters.get(`app:${a.id}`) ?? 0, a.daily_quota) })).filter(shown),
  };
}

export async function upstreamState(db: Kysely<Database>) {
  return db.selectFrom('upstream_state').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Clears the upstream lock once the upstream account has been unlocked; returns whether it was locked. */
export async function clearUpstreamLock(db: Kysely<Database>, by: string, nowMs: number): Promise<boolean> {
  const r = await db.updateTable('upstream_state').set({ locked: 0, cleared_at: nowMs, cleared_by: by }).where('id', '=', 1).where('locked', '=', 1).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
