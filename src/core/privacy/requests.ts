/**
 * Data-subject requests are acknowledged within 2 working days (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP
 * from 01/01/2026; DOMAIN.md §3). Working days as in the calendar module (DOMAIN.md §6).
 */
import { addDays, isValidCivilDate, type WorkingCalendar } from '../calendar/index.js';

export const ACKNOWLEDGEMENT_WORKING_DAYS = 2;

/**
 * The last day on which a request received on `received` may be acknowledged: counting from the
 * day after receipt, the 2nd working day (a request received on a Friday is due on Tuesday).
 */
export function acknowledgementDue(received: string, calendar: WorkingCalendar, workingDays = ACKNOWLEDGEMENT_WORKING_DAYS): string {
  if (!isValidCivilDate(received)) throw new RangeError(`not a civil date: ${received}`);
  let day = received;
  let counted = 0;
  // A year holds at least ~240 working days; 400 calendar days bounds any real schedule.
  for (let i = 0; i < 400 && counted < workingDays; i++) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  if (counted < workingDays) throw new RangeError('no working day found within 400 days');
  return day;
}

export interface RequestTimeliness {
  receivedOn: string;
  acknowledgeBy: string;
  /** Whether `today` is already past the due day. */
  late: boolean;
}

export function requestTimeliness(received: string, today: string, calendar: WorkingCalendar): RequestTimeliness {
  const acknowledgeBy = acknowledgementDue(received, calendar);
  return { receivedOn: received, acknowledgeBy, late: today > acknowledgeBy };
}
