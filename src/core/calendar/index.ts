/** Working-day calendar and the 10-working-day notice rule (DOMAIN.md R2, §6): public API. */
export {
  addDays,
  formatViDate,
  isValidCivilDate,
  weekday,
  type LabelledDate,
} from './civil-date.js';
export { OFFICIAL_SCHEDULES, officialSchedule, type YearSchedule } from './schedules.js';
export { statutoryDaysOff, FIRST_STATUTORY_YEAR, CULTURE_DAY_FROM_YEAR } from './statutory.js';
export {
  buildCalendar,
  resolveYear,
  type CalendarOverrides,
  type CalendarSource,
  type ResolvedYear,
  type WorkingCalendar,
} from './working-days.js';
export {
  checkPlannedDate,
  earliestPermittedDate,
  NOTICE_WORKING_DAYS,
  type PlannedDateCheck,
} from './earliest.js';
