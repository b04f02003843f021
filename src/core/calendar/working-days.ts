/** The working-day calendar: administrator overrides, else official schedules, else the statute. */
import { assertCivilDate, weekday, yearOf, SATURDAY, type LabelledDate } from './civil-date.js';
import { officialSchedule } from './schedules.js';
import { statutoryDaysOff } from './statutory.js';

/**
 * An administrator's edit of one year (e.g. stored in the database once the government publishes
 * that year's schedule). It replaces the year's official or statutory data as a whole, so a
 * published schedule can be typed in without inheriting the statutory guesses it corrects.
 */
export interface CalendarOverrides {
  daysOff: Array<LabelledDate>;
  workingSaturdays: Array<LabelledDate>;
}

/** Answers "is this a working day?" for the 10-working-day rule (DOMAIN.md R2, §6). */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** Label of a scheduled day off (holiday, make-up or swap); undefined for ordinary weekends and working days. */
  dayOffLabel(date: string): string | undefined;
}

/** Where a year's calendar came from, in order of precedence. */
export type CalendarSource = 'override' | 'official' | 'statutory';

/** One year's resolved data, as the calendar uses it. */
export interface ResolvedYear {
  year: number;
  source: CalendarSource;
  daysOff: ReadonlyMap<string, string>;
  workingSaturdays: ReadonlyMap<string, string>;
}

/** Resolve one year: the admin override if present, else the official schedule, else the statute. */
export function resolveYear(year: number, overrides?: ReadonlyMap<number, CalendarOverrides>): ResolvedYear {
  const override = overrides?.get(year);
  if (override) return index(year, 'override', override.daysOff, override.workingSaturdays);
  const official = officialSchedule(year);
  if (official) return index(year, 'official', official.daysOff, official.workingSaturdays);
  return index(year, 'statutory', statutoryDaysOff(year), []);
}

function index(
  year: number,
  source: CalendarSource,
  daysOff: ReadonlyArray<LabelledDate>,
  workingSaturdays: ReadonlyArray<LabelledDate>,
): ResolvedYear {
  const check = (entry: LabelledDate, what: string): void => {
    assertCivilDate(entry.date);
    if (yearOf(entry.date) !== year) {
      throw new RangeError(`${what} ${entry.date} is filed under year ${year} (${source})`);
    }
  };
  const off = new Map<string, string>();
  for (const d of daysOff) {
    check(d, 'day off');
    if (!off.has(d.date)) off.set(d.date, d.label);
  }
  const saturdays = new Map<string, string>();
  for (const s of workingSaturdays) {
    check(s, 'working Saturday');
    // Schedules only ever move work onto a Saturday; anything else is a data-entry error.
    if (weekday(s.date) !== SATURDAY) {
      throw new RangeError(`working Saturday ${s.date} is not a Saturday (${source} ${year})`);
    }
    saturdays.set(s.date, s.label);
  }
  return { year, source, daysOff: off, workingSaturdays: saturdays };
}

/**
 * Build a calendar. `years` are resolved at once, so bad override data fails here rather than
 * mid-count; any other year is resolved on first use by the same precedence (deterministic, since
 * the inputs are fixed at build time). A date listed both as a day off and as a working Saturday
 * counts as a day off: the conservative reading for a minimum notice period.
 */
export function buildCalendar(
  years: number[],
  overrides?: ReadonlyMap<number, CalendarOverrides>,
): WorkingCalendar {
  // Copy the overrides so that later edits by the caller cannot change lazily resolved years.
  const frozen = overrides ? new Map([...overrides].map(([y, o]) => [y, copyOverrides(o)])) : undefined;
  const cache = new Map<number, ResolvedYear>();
  const yearData = (year: number): ResolvedYear => {
    let data = cache.get(year);
    if (!data) {
      data = resolveYear(year, frozen);
      cache.set(year, data);
    }
    return data;
  };
  for (const year of years) yearData(year);

  return {
    isWorkingDay(date: string): boolean {
      const data = yearData(yearOf(date));
      if (data.daysOff.has(date)) return false;
      const dow = weekday(date);
      if (dow < SATURDAY) return true;
      return dow === SATURDAY && data.workingSaturdays.has(date);
    },
    dayOffLabel(date: string): string | undefined {
      return yearData(yearOf(date)).daysOff.get(date);
    },
  };
}

function copyOverrides(o: CalendarOverrides): CalendarOverrides {
  return {
    daysOff: o.daysOff.map((d) => ({ date: d.date, label: d.label })),
    workingSaturdays: o.workingSaturdays.map((d) => ({ date: d.date, label: d.label })),
  };
}
