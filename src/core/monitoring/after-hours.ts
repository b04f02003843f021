/**
 * Lookups outside working time (R3: tools run at night; R6: monitor violations): after the local
 * working hours on a working day, at weekends and on days off of the working-day calendar (public
 * holidays, Tết, make-up days). A decreed working Saturday is a working day.
 */
import { draftAlert, span, tally } from './alert.js';
import { localClock } from './clock.js';
import { groupBy, humanAttempts } from './entries.js';
import { minutesOfClock } from './thresholds.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const AFTER_HOURS: RuleDef = {
  id: 'after-hours',
  requirement: 'R3',
  severity: 'info',
  description: {
    vi: 'Tra cứu ngoài giờ làm việc, vào ngày nghỉ cuối tuần hoặc ngày nghỉ lễ',
    en: 'Lookups after working hours, at weekends or on public holidays',
  },
};

export type OffTime = 'outside-hours' | 'weekend' | 'day-off';

/** Why a moment is outside working time, or null when it is inside. */
export function offTime(ts: number, ctx: RuleContext): { kind: OffTime; date: string; label?: string } | null {
  const { date, minute } = localClock(ts, ctx.timezone);
  if (!ctx.calendar.isWorkingDay(date)) {
    const label = ctx.calendar.dayOffLabel(date);
    return label === undefined ? { kind: 'weekend', date } : { kind: 'day-off', date, label };
  }
  const start = minutesOfClock(ctx.thresholds.workingHours.start);
  const end = minutesOfClock(ctx.thresholds.workingHours.end);
  return minute < start || minute >= end ? { kind: 'outside-hours', date } : null;
}

const KIND_VI: Record<OffTime, string> = { 'outside-hours': 'ngoài giờ làm việc', weekend: 'ngày nghỉ cuối tuần', 'day-off': 'ngày nghỉ lễ' };
const KIND_EN: Record<OffTime, string> = { 'outside-hours': 'after hours', weekend: 'at the weekend', 'day-off': 'on a day off' };

/**
 * One alert per person and local day with at least `afterHours.minLookups` requests outside working
 * time; severity rises from info to warning at `afterHours.warnLookups`. Requests refused by dancu
 * count too (a tool at night is a tool even when stopped). Named service accounts (R7) are left
 * out: a sector sync scheduled at night is their normal pace, watched through their own quota.
 */
export function afterHoursAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minLookups, warnLookups } = ctx.thresholds.afterHours;
  const off = new Map<MonitorEntry, NonNullable<ReturnType<typeof offTime>>>();
  for (const list of humanAttempts(entries, ctx.users).values()) {
    for (const e of list) {
      const o = offTime(e.ts, ctx);
      if (o) off.set(e, o);
    }
  }
  const groups = groupBy([...off.keys()], (e) => `${e.actor}\u0000${off.get(e)!.date}`);
  const out: AlertDraft[] = [];
  for (const group of groups.values()) {
    if (group.length < minLookups) continue;
    const first = group[0]!;
    const o = off.get(first)!;
    const actor = first.actor!;
    const kinds = tally(group, (e) => off.get(e)!.kind);
    const kind = Object.keys(kinds)[0] as OffTime;
    out.push(draftAlert(AFTER_HOURS, {
      subject: { actor, ...(first.unit_code ? { unit: first.unit_code } : {}) },
      scope: [o.date],
      severity: group.length >= warnLookups ? 'warning' : 'info',
      title: {
        vi: `${actor} tra cứu ${group.length} lượt ${KIND_VI[kind]} (ngày ${o.date})`,
        en: `${actor} made ${group.length} lookups ${KIND_EN[kind]} (${o.date})`,
      },
      evidence: {
        ...span(group),
        date: o.date,
        kinds,
        ...(o.label ? { dayOff: o.label } : {}),
        workingHours: `${ctx.thresholds.workingHours.start}–${ctx.thresholds.workingHours.end}`,
        outcomes: tally(group, (e) => e.outcome),
      },
    }));
  }
  return out;
}

export const afterHoursRules: RuleFamily = { rules: [AFTER_HOURS], evaluate: afterHoursAlerts };
