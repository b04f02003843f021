/** The earliest permitted planned-use date under the 10-working-day notice rule (DOMAIN.md R2). */
import { addDays, assertCivilDate, formatViDate } from './civil-date.js';
import type { WorkingCalendar } from './working-days.js';

export { formatViDate, isValidCivilDate } from './civil-date.js';

/** Letter 000 (R2): report in writing at least 10 working days before planned use. */
export const NOTICE_WORKING_DAYS = 10;

// Guard against a calendar with (almost) no working days, e.g. a mistyped override marking a
// whole year off: the count must fail loudly, never loop for ever.
const MAX_SCAN_DAYS = 3 * 366;

function assertWorkingDays(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`workingDays must be a positive integer: ${n}`);
}

/**
 * Count from the day after submission; the last counted working day must end before the
 * planned date, so the earliest permitted planned date is the calendar day after it
 * (DOMAIN.md §6). `countedDays` lists the working days counted, for display and audit.
 */
export function earliestPermittedDate(
  submitted: string,
  calendar: WorkingCalendar,
  workingDays: number = NOTICE_WORKING_DAYS,
): { earliest: string; countedDays: string[] } {
  assertCivilDate(submitted);
  assertWorkingDays(workingDays);
  const countedDays: string[] = [];
  let day = submitted;
  for (let scanned = 0; countedDays.length < workingDays; scanned++) {
    if (scanned >= MAX_SCAN_DAYS) {
      throw new RangeError(
        `fewer than ${workingDays} working days within ${MAX_SCAN_DAYS} days after ${submitted}: check the calendar`,
      );
    }
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) countedDays.push(day);
  }
  return { earliest: addDays(day, 1), countedDays };
}

/** Outcome of checking a requested planned-use date; a too-early date is a normal result. */
export type PlannedDateCheck = { ok: true } | { ok: false; earliest: string; message: string };

/**
 * Check a planned-use date against the notice rule. Both dates must be valid civil dates
 * (validate user input with `isValidCivilDate` first); invalid ones throw RangeError.
 */
export function checkPlannedDate(
  submitted: string,
  planned: string,
  calendar: WorkingCalendar,
  workingDays: number = NOTICE_WORKING_DAYS,
): PlannedDateCheck {
  assertCivilDate(planned);
  const { earliest } = earliestPermittedDate(submitted, calendar, workingDays);
  // YYYY-MM-DD strings of valid dates order like the dates themselves.
  if (planned >= earliest) return { ok: true };
  return {
    ok: false,
    earliest,
    message:
      `Ngày dự kiến sử dụng phải từ ${formatViDate(earliest)} trở đi ` +
      `(tối thiểu ${workingDays} ngày làm việc sau ngày gửi đề nghị)`,
  };
}
