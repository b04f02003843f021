/**
 * Gathers what the detection rules read besides the ledger entries (R6): the working-day calendar,
 * today's quota counters, what the directory knows of each account, and the last ledger
 * verification. The rules themselves are pure (core/monitoring); this is the shell around them.
 */
import type { Kysely } from 'kysely';
import type { ChainBreak } from '../core/ledger/chain.js';
import { resolveThresholds, type LedgerVerification, type QuotaSnapshot, type RuleContext, type ThresholdOverrides, type UserFacts } from '../core/monitoring/index.js';
import { provinceCap } from '../core/quota/quota.js';
import { dayKey } from '../core/time.js';
import { quotaSummary } from '../storage/quota-store.js';
import { workingCalendar } from '../storage/registry.js';
import type { Database } from '../storage/schema.js';

export interface MonitorSettings {
  readonly timezone: string;
  readonly upstreamDailyThreshold: number;
  readonly quotaSafetyMargin: number;
  readonly workingHours: { readonly start: string; readonly end: string };
  /** Further threshold overrides (tests, or an administrator's tuning). */
  readonly thresholds?: ThresholdOverrides;
}

export async function quotaSnapshot(db: Kysely<Database>, now: Date, s: MonitorSettings): Promise<QuotaSnapshot> {
  const day = dayKey(now, s.timezone);
  const q = await quotaSummary(db, day, s.upstreamDailyThreshold, provinceCap(s.upstreamDailyThreshold, s.quotaSafetyMargin));
  return { day, province: { used: q.province.used, cap: q.province.cap }, units: q.units.map((u) => ({ code: u.code, used: u.used, cap: u.cap })) };
}

export async function userFacts(db: Kysely<Database>): Promise<UserFacts[]> {
  const rows = await db.selectFrom('users').select(['username', 'last_login_at', 'activated_at', 'created_at', 'service_account']).execute();
  return rows.map((u) => ({
    username: u.username, lastLoginAt: u.last_login_at, activatedAt: u.activated_at, createdAt: u.created_at, serviceAccount: u.service_account === 1,
  }));
}

/** The outcome of the latest `ledger.verify` the ledger records (portal, API or job). */
export async function lastVerification(db: Kysely<Database>): Promise<LedgerVerification | undefined> {
  const r = await db.selectFrom('ledger').select(['outcome', 'detail']).where('operation', '=', 'ledger.verify').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!r) return undefined;
  let detail: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(r.detail ?? '{}');
    if (v && typeof v === 'object') detail = v as Record<string, unknown>;
  } catch {
    // An unreadable detail says nothing about the chain.
  }
  const entries = typeof detail['entries'] === 'number' ? detail['entries'] : 0;
  const b = detail['firstBroken'] as { seq?: unknown; reason?: unknown; message?: unknown } | undefined;
  if (r.outcome === 'OK' || !b || typeof b.seq !== 'number') return { ok: true, entries };
  return { ok: false, entries, firstBroken: { seq: b.seq, reason: String(b.reason ?? 'HASH_MISMATCH') as ChainBreak['reason'], message: String(b.message ?? '') } };
}

export async function ruleContext(db: Kysely<Database>, now: Date, s: MonitorSettings): Promise<RuleContext> {
  // The province's calendar, with the administrators' corrections to each year's days off.
  const [quota, users, ledgerVerification, calendar] = await Promise.all([quotaSnapshot(db, now, s), userFacts(db), lastVerification(db), workingCalendar(db)]);
  return {
    now,
    timezone: s.timezone,
    calendar,
    thresholds: resolveThresholds({ ...s.thresholds, workingHours: { ...s.workingHours, ...s.thresholds?.workingHours } }),
    quota,
    users,
    ...(ledgerVerification ? { ledgerVerification } : {}),
  };
}
