/** Civil-time helpers for decisions that depend on the configured zone (quota days, minutes). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last answer per zone, by minute: every request asks, and Intl formatting is slow. */
const lastDay = new Map<string, { minute: number; key: string }>();

/** The civil date (YYYY-MM-DD) of `now` in `timeZone`: a quota day runs 00:00–24:00 there, not in UTC. */
export function dayKey(now: Date, timeZone: string): string {
  // Zone offsets are whole minutes, so every instant of one UTC minute has the same civil date.
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = lastDay.get(timeZone);
  if (hit && hit.minute === minute) return hit.key;
  const key = civilDate(now, timeZone);
  lastDay.set(timeZone, { minute, key });
  return key;
}

function civilDate(now: Date, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole minutes since the epoch: the window of the per-person rate limit. */
export function minuteKey(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

/** The civil year of `now` in `timeZone` (for "a birth year in the future"). */
export function yearIn(now: Date, timeZone: string): number {
  return Number(dayKey(now, timeZone).slice(0, 4));
}

/** The instant (epoch ms) a civil day begins in `timeZone`. */
export function startOfDayMs(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment: local civil time read back as if it were UTC, minus UTC.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return guess - (local - guess);
}

/** The local hour (0–23) of an instant in `timeZone`. */
export function hourIn(ms: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit' }).format(new Date(ms)));
}
