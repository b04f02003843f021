/** Pure arithmetic on civil dates written `YYYY-MM-DD`: no time zones, no clock. */

/** A civil date with a human label, e.g. a day off or a working Saturday. */
export interface LabelledDate {
  date: string;
  label: string;
}

/** ISO weekday numbers as returned by `weekday` (Monday 1 … Sunday 7). */
export const SATURDAY = 6;
export const SUNDAY = 7;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True for a real Gregorian date in the strict form `YYYY-MM-DD` (years 0001–9999).
 * Input from forms and the database passes through here before reaching the rule engine.
 */
export function isValidCivilDate(s: string): boolean {
  const m = CIVIL_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function parse(date: string): [number, number, number] {
  const m = CIVIL_DATE.exec(date);
  if (!m || !isValidCivilDate(date)) {
    throw new RangeError(`not a civil date YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Throws RangeError unless `date` is a valid civil date; returns it for chaining. */
export function assertCivilDate(date: string): string {
  parse(date);
  return date;
}

// Integer day numbers relative to 1970-01-01 (the "days from civil" algorithm),
// so the core never depends on the host's time zone or on Date's 2-digit-year quirks.
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`civil date out of range (year ${year})`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The civil date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  const [y, m, d] = parse(date);
  return fromDayNumber(toDayNumber(y, m, d) + days);
}

/** ISO weekday of a civil date: Monday 1 … Sunday 7. */
export function weekday(date: string): number {
  const [y, m, d] = parse(date);
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDayNumber(y, m, d) + 3) % 7) + 7) % 7) + 1;
}

/** Calendar year of a civil date. */
export function yearOf(date: string): number {
  return parse(date)[0];
}

/** Vietnamese display form: `2026-03-05` → `05/03/2026`. */
export function formatViDate(date: string): string {
  const [y, m, d] = parse(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${String(y).padStart(4, '0')}`;
}
