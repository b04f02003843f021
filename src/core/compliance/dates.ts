/**
 * Dates as console reports write them, and civil-day arithmetic in the configured zone. A report
 * from a Vietnamese console usually writes `dd/MM/yyyy`; exports from others write ISO 8601 or
 * `MM/dd/yyyy`, so the column mapping names the order. A date or time without an offset is local
 * time in the configured zone.
 */
import { dayKey, startOfDayMs } from '../time.js';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

const MS_PER_DAY = 86_400_000;

/** The civil date (YYYY-MM-DD) of an instant in `timeZone`. */
export function civilDayOf(ms: number, timeZone: string): string {
  return dayKey(new Date(ms), timeZone);
}

/** Whole civil days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function civilDaysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / MS_PER_DAY);
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Parses a report's date or date-time into epoch ms. Accepted: ISO 8601 (with or without time and
 * offset), `d/M/yyyy` or `M/d/yyyy` (`order` says which; `-` and `.` also separate), `yyyy/M/d`, each optionally followed by
 * `HH:mm[:ss]`, and epoch seconds or milliseconds (some consoles export those). Null when unreadable.
 */
export function parseReportDate(raw: string, order: DateOrder, timeZone: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d{10}$/.test(s)) return Number(s) * 1000;
  if (/^\d{13}$/.test(s)) return Number(s);
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  let y: number, mo: number, d: number;
  let time: [number, number, number] = [0, 0, 0];
  let offset: string | undefined;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) time = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    offset = m[7];
  } else {
    m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (!m) return null;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // A four-digit first part is a year; otherwise the year comes last and `order` says whether
    // the day or the month comes first (Vietnamese reports: day first).
    if (m[1]!.length === 4) [y, mo, d] = [a, b, c];
    else if (m[3]!.length !== 4) return null;
    else if (order === 'mdy') [mo, d, y] = [a, b, c];
    else [d, mo, y] = [a, b, c];
    if (m[4] !== undefined) time = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  }
  if (!validDate(y, mo, d) || time[0] > 23 || time[1] > 59 || time[2] > 59) return null;
  const clock = (time[0] * 3600 + time[1] * 60 + time[2]) * 1000;
  if (offset !== undefined) {
    const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(time[0])}:${pad(time[1])}:${pad(time[2])}${offset.toUpperCase() === 'Z' ? 'Z' : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : t;
  }
  return startOfDayMs(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`, timeZone) + clock;
}
