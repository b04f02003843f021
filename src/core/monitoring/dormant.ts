/**
 * Use of a dormant account (R9: accounts follow staff changes; R4: nobody uses another's
 * account). An account nobody has used for 45 days (TCVN 14423 [S], configurable) is most often a
 * person who left or moved; activity on it is someone else until shown otherwise. The monitoring
 * job disables such an account (jobs/dormant.ts) and the login route refuses it, but a connected
 * system acting on the person's behalf (X-On-Behalf-Of) can use it first, between two sweeps, and
 * never logs in: the ledger is where that use shows, and this rule says so.
 */
import { draftAlert, span, tally } from './alert.js';
import { localDate } from './clock.js';
import { groupBy } from './entries.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const DORMANT_USE: RuleDef = {
  id: 'account.dormant-use',
  requirement: 'R9',
  severity: 'high',
  description: {
    vi: 'Tài khoản không hoạt động từ 45 ngày trở lên được sử dụng trở lại',
    en: 'An account inactive for 45 days or more was used again',
  },
};

const DAY_MS = 86_400_000;

/**
 * For each listed account, every entry made by it is compared with the last sign of activity before
 * it: the last login, activation or creation, or its previous entry. A gap of at least
 * `dormant.inactiveDays` fires, once per account and local day. Unlisted actors are not judged.
 */
export function dormantAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const users = new Map((ctx.users ?? []).map((u) => [u.username, u]));
  if (users.size === 0) return [];
  const minGap = ctx.thresholds.dormant.inactiveDays * DAY_MS;
  const out: AlertDraft[] = [];
  for (const [actor, list] of groupBy(entries, (e) => (e.actor !== null && users.has(e.actor) ? e.actor : null))) {
    const u = users.get(actor)!;
    let last = u.lastLoginAt ?? u.activatedAt ?? u.createdAt ?? null;
    let firedDay: string | null = null;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const since = last;
      last = last === null ? e.ts : Math.max(last, e.ts);
      if (since === null || e.ts - since < minGap) continue;
      const day = localDate(e.ts, ctx.timezone);
      if (day === firedDay) continue;
      firedDay = day;
      const sameDay = list.slice(i).filter((x) => localDate(x.ts, ctx.timezone) === day);
      out.push(draftAlert(DORMANT_USE, {
        subject: { actor, ...(e.unit_code ? { unit: e.unit_code } : {}) },
        scope: [day],
        title: {
          vi: `Tài khoản ${actor} được sử dụng sau ${Math.floor((e.ts - since) / DAY_MS)} ngày không hoạt động (ngày ${day})`,
          en: `Account ${actor} was used after ${Math.floor((e.ts - since) / DAY_MS)} days without activity (${day})`,
        },
        evidence: {
          ...span(sameDay),
          lastActivity: new Date(since).toISOString(),
          inactiveDays: Math.floor((e.ts - since) / DAY_MS),
          thresholdDays: ctx.thresholds.dormant.inactiveDays,
          operations: tally(sameDay, (x) => x.operation),
        },
      }));
    }
  }
  return out;
}

export const dormantRules: RuleFamily = { rules: [DORMANT_USE], evaluate: dormantAlerts };
