/**
 * The periods of the working group's reports (R6): a day, an ISO week (Monday to Sunday) or a
 * calendar month containing a given civil date. Pure: the caller gives the date.
 */
import { addDays, formatViDate, isValidCivilDate, weekday } from '../calendar/index.js';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(s: string): s is Period {
  return (PERIODS as readonly string[]).includes(s);
}

export interface PeriodRange {
  period: Period;
  /** First and last civil day, inclusive. */
  from: string;
  to: string;
  days: string[];
  label: { vi: string; en: string };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodRange(period: Period, date: string): PeriodRange {
  if (!isValidCivilDate(date)) throw new RangeError(`not a civil date: ${JSON.stringify(date)}`);
  let from = date;
  let to = date;
  if (period === 'week') {
    from = addDays(date, 1 - weekday(date));
    to = addDays(from, 6);
  } else if (period === 'month') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    from = `${date.slice(0, 7)}-01`;
    to = `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  }
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 31; d = addDays(d, 1)) days.push(d);
  const label = period === 'day'
    ? { vi: `ngày ${formatViDate(from)}`, en: `day ${from}` }
    : period === 'week'
      ? { vi: `tuần từ ${formatViDate(from)} đến ${formatViDate(to)}`, en: `week ${from} to ${to}` }
      : { vi: `tháng ${from.slice(5, 7)}/${from.slice(0, 4)}`, en: `month ${from.slice(0, 7)}` };
  return { period, from, to, days, label };
}
