/** Plain calendar dates (no time, no zone) for synthetic birth and death dates. */
import type { Rng } from './prng.js';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** "Today" as callers know it: at least the year, and the month and day when they have them. */
export interface Today {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isoDate(d: CalendarDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** A uniformly drawn real date in the year, on or after `notBefore` when that falls in the same year. */
export function dateInYear(rng: Rng, year: number, notBefore?: CalendarDate): CalendarDate {
  const from = notBefore && notBefore.year === year ? dayOfYear(notBefore) : 1;
  const length = isLeapYear(year) ? 366 : 365;
  return fromDayOfYear(year, rng.int(from, length));
}

function dayOfYear(d: CalendarDate): number {
  let n = d.day;
  for (let m = 1; m < d.month; m++) n += daysInMonth(d.year, m);
  return n;
}

function fromDayOfYear(year: number, n: number): CalendarDate {
  let month = 1;
  let rest = n;
  while (rest > daysInMonth(year, month)) {
    rest -= daysInMonth(year, month);
    month += 1;
  }
  return { year, month, day: rest };
}

/** Completed years of age on `today`; with only a year known, the difference of years. */
export function ageOn(birth: CalendarDate, today: Today): number {
  const years = today.year - birth.year;
  if (today.month === undefined || today.day === undefined) return years;
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return beforeBirthday ? years - 1 : years;
}

/** Whether a date is after today; unknowable within the current year when only the year is known. */
export function isAfterToday(d: CalendarDate, today: Today): boolean {
  if (today.month === undefined || today.day === undefined) return d.year > today.year;
  return compareDates(d, { year: today.year, month: today.month, day: today.day }) > 0;
}
