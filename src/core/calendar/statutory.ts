/** Statutory days off (Bộ luật Lao động 2019 Art. 111–112) for years without an official schedule. */
import Holidays from 'date-holidays';
import { addDays, assertCivilDate, weekday, SATURDAY, type LabelledDate } from './civil-date.js';
import { LABELS, makeUpLabel } from './schedules.js';

/** Bộ luật Lao động 2019 (45/2019/QH14), with Art. 112's current holiday list, in force 01/01/2021. */
export const FIRST_STATUTORY_YEAR = 2021;
/** Ngày Văn hóa Việt Nam 24/11 is a paid day off from 01/7/2026 (DOMAIN.md §6, [S]). */
export const CULTURE_DAY_FROM_YEAR = 2026;

// date-holidays is used only for its Vietnamese lunar calendar (UTC+7 new moons: it gives
// Tết 2030 as 02/02, where the Chinese calendar has 03/02). It is deterministic and
// independent of the host time zone, so the core stays reproducible.
let vietnam: Holidays | undefined;

function lunarAnchors(year: number): { lunarNewYear: string; hungKings: string } {
  vietnam ??= new Holidays('VN');
  const list = vietnam.getHolidays(year);
  const find = (rule: string): string => {
    const hit = list.find((h) => h.rule === rule);
    if (!hit) throw new Error(`date-holidays returned no '${rule}' for VN ${year}`);
    return assertCivilDate(hit.date.slice(0, 10));
  };
  return { lunarNewYear: find('vietnamese 1-0-1'), hungKings: find('vietnamese 3-0-10') };
}

const pad = (n: number): string => String(n).padStart(4, '0');

/**
 * The days off that Art. 112 and Art. 111(3) give civil servants in `year`, before any decreed swap.
 *
 * What date-holidays returns for VN and how this corrects it:
 * - Tết: it returns Lunar New Year's Day and a 5-day block from the eve (`P5D`), as one entry.
 *   Art. 112(1)(b) gives 5 days whose dates the Prime Minister fixes each year; we expand the
 *   block to eve + mùng 1–4, as in the 2026 schedule (16–20/02, New Year's Day 17/02). The 2025
 *   schedule chose 28 tháng Chạp – mùng 3 instead; only an official schedule can know that.
 * - Quốc khánh: it returns 02/9 only. Art. 112(1)(đ) gives 02/9 plus one adjacent day (before or
 *   after). We take the day before, 01/9, as both the 2025 and the 2026 schedules did.
 * - Ngày Văn hóa Việt Nam 24/11: absent from date-holidays; added from 2026, never made up.
 * - Art. 111(3) make-up days: date-holidays marks none. A holiday that falls on Saturday or
 *   Sunday (civil servants' weekly rest days) is made up on the next working day, i.e. the next
 *   weekday that is neither a holiday nor already a make-up day.
 * - Its observances (type 'observance', e.g. 03/02, 20/11) are not days off and are ignored.
 */
export function statutoryDaysOff(year: number): Array<LabelledDate> {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > 9998) {
    throw new RangeError(
      `statutory holidays are computed for years ${FIRST_STATUTORY_YEAR}–9998 (Bộ luật Lao động 2019), got ${year}`,
    );
  }
  const y = pad(year);
  const { lunarNewYear, hungKings } = lunarAnchors(year);
  const eve = addDays(lunarNewYear, -1);

  const holidays: Array<LabelledDate> = [
    { date: `${y}-01-01`, label: LABELS.newYear },
    ...[0, 1, 2, 3, 4].map((i) => ({ date: addDays(eve, i), label: LABELS.tet })),
    { date: hungKings, label: LABELS.hungKings },
    { date: `${y}-04-30`, label: LABELS.reunification },
    { date: `${y}-05-01`, label: LABELS.labour },
    { date: `${y}-09-01`, label: LABELS.nationalDay },
    { date: `${y}-09-02`, label: LABELS.nationalDay },
  ];
  const culture: Array<LabelledDate> =
    year >= CULTURE_DAY_FROM_YEAR ? [{ date: `${y}-11-24`, label: LABELS.culture }] : [];

  const taken = new Set<string>();
  const result: Array<LabelledDate> = [];
  for (const h of [...holidays, ...culture]) {
    // Should two holidays ever share a date, the day is off once; the first label is kept.
    if (taken.has(h.date)) continue;
    taken.add(h.date);
    result.push(h);
  }

  // Art. 111(3): walk weekend holidays in date order so that consecutive ones (e.g. Saturday
  // 30/4 and Sunday 01/5) receive consecutive make-up days after the whole holiday run.
  // 24/11 is excluded: it carries no make-up day (DOMAIN.md §6, [S]).
  const sorted = result
    .filter((h) => !culture.includes(h) && weekday(h.date) >= SATURDAY)
    .sort(byDate);
  for (const h of sorted) {
    let day = addDays(h.date, 1);
    while (weekday(day) >= SATURDAY || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push({ date: day, label: makeUpLabel(h.label) });
  }
  return result.sort(byDate);
}

function byDate(a: LabelledDate, b: LabelledDate): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
