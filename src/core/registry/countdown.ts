/** The countdown each request shows (R2): working days left before its planned date of use. */
import { addDays, type WorkingCalendar } from '../calendar/index.js';

/**
 * Working days strictly after `today` and strictly before `planned`: on the day of submission, a
 * request planned for its earliest permitted date shows exactly the 10 working days of notice.
 * Zero once the planned date is tomorrow or past.
 */
export function workingDaysLeft(today: string, planned: string, calendar: WorkingCalendar): number {
  let n = 0;
  for (let d = addDays(today, 1); d < planned; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n += 1;
  return n;
}
