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

/** The civil date (YYYY-MM-DD) of `now` in `timeZone`: a quota day runs 00:00–24:00 there, not in UTC. */
export function dayKey(now: Date, timeZone: string): string {
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
