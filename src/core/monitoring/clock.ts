/** Local civil time of a ledger entry, for working hours and per-day deduplication (R3, R6). */

export interface LocalClock {
  /** Civil date YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes after local midnight, 0..1439. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const memo = new Map<string, LocalClock>();
const MEMO_LIMIT = 200_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The civil date and minute of `ts` (epoch ms) in `timeZone`. Zone offsets are whole minutes, so
 * the answer is memoised per minute: a day of ledger entries costs at most 1,440 conversions.
 */
export function localClock(ts: number, timeZone: string): LocalClock {
  const bucket = Math.floor(ts / 60_000);
  const key = `${timeZone}|${bucket}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const parts = formatter(timeZone).formatToParts(new Date(bucket * 60_000));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const clock = {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, clock);
  return clock;
}

/** The civil date of `ts` in `timeZone`. */
export function localDate(ts: number, timeZone: string): string {
  return localClock(ts, timeZone).date;
}
