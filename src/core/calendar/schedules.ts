/** Official civil-service holiday schedules (days off and decreed working Saturdays) as data. */
import type { LabelledDate } from './civil-date.js';

/**
 * One year's civil-service schedule. `daysOff` lists the days that are not worked (Art. 112
 * holidays, their Art. 111(3) make-up days and decreed swaps); `workingSaturdays` lists the
 * Saturdays worked in exchange for a swapped weekday.
 */
export interface YearSchedule {
  year: number;
  daysOff: Array<LabelledDate>;
  workingSaturdays: Array<LabelledDate>;
  source: string;
}

// Labels shared by the official data and the statutory computation (statutory.ts), so a day
// reads the same whichever way the calendar for its year was obtained.
export const LABELS = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng (30/4)',
  labour: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  culture: 'Ngày Văn hóa Việt Nam',
} as const;

/** Label of an Art. 111(3) make-up day for a holiday that fell on a weekly rest day. */
export function makeUpLabel(holidayLabel: string): string {
  return `${holidayLabel} (nghỉ bù)`;
}

/** Label of a weekday off that the schedule swapped against a working Saturday. */
export function swapLabel(workingSaturdayVi: string): string {
  return `Nghỉ hoán đổi (làm bù thứ Bảy ${workingSaturdayVi})`;
}

/**
 * Schedules announced for cán bộ, công chức, viên chức (the Prime Minister's yearly approval of
 * Tết days and swaps under Bộ luật Lao động 2019 Art. 112(3)).
 * Source tag [S] for every entry: taken from DOMAIN.md §6, itself from a careful secondary source,
 * not checked against the decision texts; administrators can correct a year through overrides
 * (working-days.ts) without a code change.
 */
export const OFFICIAL_SCHEDULES: ReadonlyArray<YearSchedule> = [
  {
    year: 2025,
    source: 'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức (DOMAIN.md §6) [S]',
    daysOff: [
      { date: '2025-01-01', label: LABELS.newYear }, // [S] Wednesday
      // [S] Tết Ất Tỵ: the five Tết days were fixed on 28 tháng Chạp – mùng 3 (Mon–Fri); Lunar
      // New Year's Day is 29/01/2025. Why (no swap needed between two weekends) is recalled [R].
      { date: '2025-01-27', label: LABELS.tet },
      { date: '2025-01-28', label: LABELS.tet },
      { date: '2025-01-29', label: LABELS.tet },
      { date: '2025-01-30', label: LABELS.tet },
      { date: '2025-01-31', label: LABELS.tet },
      { date: '2025-04-07', label: LABELS.hungKings }, // [S] 10/3 lunar, a Monday
      { date: '2025-04-30', label: LABELS.reunification }, // [S]
      { date: '2025-05-01', label: LABELS.labour }, // [S]
      { date: '2025-05-02', label: swapLabel('26/04/2025') }, // [S] swapped with Saturday 26/04
      { date: '2025-09-01', label: LABELS.nationalDay }, // [S] adjacent day chosen: the day before
      { date: '2025-09-02', label: LABELS.nationalDay }, // [S]
    ],
    workingSaturdays: [
      { date: '2025-04-26', label: 'Làm bù cho ngày nghỉ hoán đổi 02/05/2025' }, // [S]
    ],
  },
  {
    year: 2026,
    source: 'Lịch nghỉ lễ, Tết năm 2026 của cán bộ, công chức, viên chức (DOMAIN.md §6) [S]',
    daysOff: [
      { date: '2026-01-01', label: LABELS.newYear }, // [S] Thursday
      { date: '2026-01-02', label: swapLabel('10/01/2026') }, // [S] swapped with Saturday 10/01
      // [S] Tết Bính Ngọ: eve (16/02) plus mùng 1–4; Lunar New Year's Day is 17/02/2026.
      { date: '2026-02-16', label: LABELS.tet },
      { date: '2026-02-17', label: LABELS.tet },
      { date: '2026-02-18', label: LABELS.tet },
      { date: '2026-02-19', label: LABELS.tet },
      { date: '2026-02-20', label: LABELS.tet },
      // [S] Giỗ Tổ (10/3 lunar) is Sunday 26/04/2026: made up on Monday under Art. 111(3).
      { date: '2026-04-27', label: makeUpLabel(LABELS.hungKings) },
      { date: '2026-04-30', label: LABELS.reunification }, // [S]
      { date: '2026-05-01', label: LABELS.labour }, // [S]
      { date: '2026-08-31', label: swapLabel('22/08/2026') }, // [S] swapped with Saturday 22/08
      { date: '2026-09-01', label: LABELS.nationalDay }, // [S] adjacent day chosen: the day before
      { date: '2026-09-02', label: LABELS.nationalDay }, // [S]
      // [S] paid day off from 01/7/2026, without a make-up day when it falls on a weekend.
      { date: '2026-11-24', label: LABELS.culture },
    ],
    workingSaturdays: [
      { date: '2026-01-10', label: 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026' }, // [S]
      { date: '2026-08-22', label: 'Làm bù cho ngày nghỉ hoán đổi 31/08/2026' }, // [S]
    ],
  },
];

/** The official schedule for `year`, if one has been published and recorded here. */
export function officialSchedule(year: number): YearSchedule | undefined {
  return OFFICIAL_SCHEDULES.find((s) => s.year === year);
}
