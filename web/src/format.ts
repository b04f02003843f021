/**
 * Dates as dd/mm/yyyy, times in the province's zone, numbers with Vietnamese separators, whatever the
 * language of the interface. The zone is the gateway's DANCU_TIMEZONE, which /api/v1/auth/me states
 * (session.tsx sets it); until then, the default zone.
 */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormat = new Intl.NumberFormat('vi-VN');
let zone = DEFAULT_TIME_ZONE;
let dateTimeParts = partsFormat(zone);

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
}

/** The zone times are shown in. */
export function timeZone(): string {
  return zone;
}

/** Shows times in `name` from now on; an unknown zone (the browser lacks it) keeps the current one. */
export function setTimeZone(name: string): void {
  if (name === zone) return;
  try {
    dateTimeParts = partsFormat(name);
    zone = name;
  } catch {
    // RangeError: not a zone this browser knows.
  }
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

function parts(d: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** An instant (ISO string) as "dd/mm/yyyy HH:mm:ss" in the province's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** A civil date "YYYY-MM-DD" (or an ISO instant) as "dd/mm/yyyy". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Today's civil year in the province's zone (the ID-number check refuses birth years after it). */
export function currentYear(now = new Date()): number {
  return Number(parts(now).year);
}

/** Today's civil date "YYYY-MM-DD" in the province's zone. */
export function today(now = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The UTC offset of the province's zone at instant `ms`, in milliseconds. */
function offsetAt(ms: number): number {
  const p = parts(new Date(ms));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm" names in the province's zone, whatever the
 * browser's own zone: what an officer types is read as the province's clock, as times are shown.
 * Null for text that is not such a time.
 */
export function instantOfWallClock(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two passes settle the offset on either side of a daylight-saving change.
  let at = asUtc - offsetAt(asUtc);
  at = asUtc - offsetAt(at);
  return new Date(at);
}
