/**
 * Gathers the facts of a report for the Đề án 06 working group (R6) from the database: volumes,
 * refusals by reason, alerts, account hygiene, pending registrations and the latest signed
 * checkpoints. Everything is aggregated in SQL; no citizen data is read.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_ACCOUNT_POLICY } from '../core/accounts/policy.js';
import { DEFAULT_PASSWORD_POLICY } from '../core/password/policy.js';
import { provinceCap } from '../core/quota/quota.js';
import type { PeriodRange } from '../core/reports/period.js';
import { accountHygiene, type AccountFacts, type HygieneFinding } from '../core/reports/hygiene.js';
import { startOfDayMs } from '../core/time.js';
import { dormancyOf } from '../storage/accounts.js';
import { listAlerts } from '../storage/alerts.js';
import type { AlertRow, Database } from '../storage/schema.js';
import type { SecurityPolicies } from '../security-config.js';

type Db = Kysely<Database>;

export interface ReportScope {
  period: PeriodRange;
  /** A unit's report, or the province's when null. */
  unit: { code: string; name: string; id: number } | null;
  timezone: string;
  upstreamDailyThreshold: number;
  quotaSafetyMargin: number;
  nowMs: number;
  /** The policies in force; the defaults when absent. */
  security?: SecurityPolicies;
}

export interface Volume { lookups: number; verifications: number; ok: number; refused: number }

export interface ReportData {
  scope: ReportScope;
  totals: Volume;
  byDay: Array<Volume & { day: string; quotaUsed: number; quotaCap: number }>;
  byUnit: Array<Volume & { code: string; name: string }>;
  refusals: Array<{ code: string; count: number }>;
  alerts: AlertRow[];
  hygiene: HygieneFinding[];
  registrations: { available: boolean; byStatus: Array<{ status: string; count: number }>; pending: Array<{ id: number; kind: string; app: string; unit: string; status: string; submittedOn: string; plannedDate: string }> };
  checkpoints: Array<{ seq: number; ts: number; hash: string }>;
  head: { seq: number; hash: string } | null;
}

const QUERY_CATEGORIES = ['lookup', 'verification'];

/** Outcome counts of finished lookups and verifications in [fromMs, toMs), by category and unit. */
async function outcomes(db: Db, fromMs: number, toMs: number, unit: string | null) {
  let q = db.selectFrom('ledger').select(['category', 'outcome', 'unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ts', '>=', fromMs).where('ts', '<', toMs).where('category', 'in', QUERY_CATEGORIES).where('outcome', '!=', 'PENDING')
    // A granted reservation is followed by its result: count each request once (core/monitoring isAttempt).
    .where((eb) => eb.not(eb.and([eb('operation', 'like', '%.reserve'), eb('outcome', '=', 'RESERVED')])))
    .groupBy(['category', 'outcome', 'unit_code']);
  if (unit) q = q.where('unit_code', '=', unit);
  return (await q.execute()).map((r) => ({ category: r.category, outcome: r.outcome, unit: r.unit_code, n: Number(r.n) }));
}

function volumeOf(rows: Array<{ category: string; outcome: string; n: number }>): Volume {
  const v: Volume = { lookups: 0, verifications: 0, ok: 0, refused: 0 };
  for (const r of rows) {
    if (r.category === 'lookup') v.lookups += r.n;
    else v.verifications += r.n;
    if (r.outcome === 'OK') v.ok += r.n;
    else v.refused += r.n;
  }
  return v;
}

async function registrations(db: Db, unitId: number | null): Promise<ReportData['registrations']> {
  // The registry (migration 003) may not be installed: the section then says so instead of failing.
  try {
    let counts = db.selectFrom('registrations').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
    let pending = db.selectFrom('registrations').innerJoin('apps', 'apps.id', 'registrations.app_id').innerJoin('units', 'units.id', 'registrations.unit_id')
      .select(['registrations.id', 'registrations.kind', 'registrations.status', 'registrations.submitted_on', 'registrations.planned_date', 'apps.name as app', 'units.code as unit'])
      .where('registrations.status', 'not in', ['approved', 'rejected', 'withdrawn', 'cancelled']).orderBy('registrations.submitted_on').limit(200);
    if (unitId !== null) {
      counts = counts.where('unit_id', '=', unitId);
      pending = pending.where('registrations.unit_id', '=', unitId);
    }
    const byStatus = (await counts.execute()).map((r) => ({ status: r.status, count: Number(r.n) })).sort((a, b) => a.status.localeCompare(b.status));
    const rows = await pending.execute();
    return { available: true, byStatus, pending: rows.map((r) => ({ id: r.id, kind: r.kind, app: r.app, unit: r.unit, status: r.status, submittedOn: r.submitted_on, plannedDate: r.planned_date })) };
  } catch {
    return { available: false, byStatus: [], pending: [] };
  }
}

async function hygiene(db: Db, unitCode: string | null, nowMs: number, security: SecurityPolicies = { account: DEFAULT_ACCOUNT_POLICY, password: DEFAULT_PASSWORD_POLICY }): Promise<HygieneFinding[]> {
  let q = db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').leftJoin('login_throttles', 'login_throttles.username', 'users.username')
    .select(['users.username', 'users.role', 'users.status', 'users.password_changed_at', 'users.mfa_enabled', 'users.last_login_at', 'users.activated_at',
      'users.created_at', 'users.service_account', 'units.code as unit_code', 'login_throttles.locked_until']);
  if (unitCode) q = q.where('units.code', '=', unitCode);
  const rows = await q.execute();
  const facts: AccountFacts[] = rows.map((r) => ({
    username: r.username, unitCode: r.unit_code, role: r.role, status: r.status, passwordChangedAt: r.password_changed_at, mfaEnabled: r.mfa_enabled === 1,
    lastLoginAt: r.last_login_at, activatedAt: r.activated_at, createdAt: r.created_at, lockedUntil: r.locked_until ?? null, serviceAccount: r.service_account === 1,
  }));
  // Lookups made on a person's behalf are use too.
  for (const a of facts) a.lastActedAt = (await dormancyOf(db, a.username, a, nowMs, security.account)).facts.lastActedAt;
  return accountHygiene(facts, nowMs, security);
}

export async function gatherReport(db: Db, scope: ReportScope): Promise<ReportData> {
  const { period, timezone: tz } = scope;
  const unitCode = scope.unit?.code ?? null;
  const fromMs = startOfDayMs(period.from, tz);
  const toMs = startOfDayMs(period.days[period.days.length - 1]!, tz) + 86_400_000;
  const all = await outcomes(db, fromMs, toMs, unitCode);

  const counterScope = scope.unit ? `unit:${scope.unit.id}` : 'province';
  const counters = new Map((await db.selectFrom('quota_counters').select(['day', 'used']).where('day', 'in', period.days).where('scope', '=', counterScope).execute()).map((r) => [r.day, r.used]));
  const unitRow = scope.unit ? await db.selectFrom('units').select('daily_quota').where('id', '=', scope.unit.id).executeTakeFirst() : undefined;
  const cap = scope.unit ? unitRow?.daily_quota ?? 0 : provinceCap(scope.upstreamDailyThreshold, scope.quotaSafetyMargin);
  const byDay: ReportData['byDay'] = [];
  for (const day of period.days) {
    const start = startOfDayMs(day, tz);
    if (start > scope.nowMs) break;
    byDay.push({ day, ...volumeOf(await outcomes(db, start, start + 86_400_000, unitCode)), quotaUsed: counters.get(day) ?? 0, quotaCap: cap });
  }

  const units = await db.selectFrom('units').select(['code', 'name']).orderBy('code').execute();
  const byUnit = scope.unit ? [] : units.map((u) => ({ code: u.code, name: u.name, ...volumeOf(all.filter((r) => r.unit === u.code)) }));

  let guard = db.selectFrom('ledger').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).where('ts', '>=', fromMs).where('ts', '<', toMs)
    .where('category', '=', 'guard').groupBy('outcome');
  if (unitCode) guard = guard.where('unit_code', '=', unitCode);
  const refusalCounts = new Map<string, number>();
  for (const r of [...all.filter((x) => x.outcome !== 'OK'), ...(await guard.execute()).map((g) => ({ outcome: g.outcome, n: Number(g.n) }))]) {
    refusalCounts.set(r.outcome, (refusalCounts.get(r.outcome) ?? 0) + r.n);
  }

  const checkpoints = await db.selectFrom('checkpoints').select(['seq', 'ts', 'hash']).orderBy('seq', 'desc').limit(5).execute();
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return {
    scope,
    totals: volumeOf(all),
    byDay,
    byUnit,
    refusals: [...refusalCounts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    alerts: await listAlerts(db, { fromMs, toMs, ...(unitCode ? { unit: unitCode } : {}), limit: 500 }),
    hygiene: await hygiene(db, unitCode, scope.nowMs, scope.security),
    registrations: await registrations(db, scope.unit?.id ?? null),
    checkpoints: checkpoints.map((c) => ({ seq: Number(c.seq), ts: Number(c.ts), hash: c.hash })),
    head: head ? { seq: Number(head.seq), hash: head.hash } : null,
  };
}
