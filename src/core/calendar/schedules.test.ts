import { describe, expect, it } from 'vitest';
import { isValidCivilDate, weekday, yearOf } from './civil-date.js';
import { OFFICIAL_SCHEDULES, officialSchedule } from './schedules.js';

const dates = (year: number, key: 'daysOff' | 'workingSaturdays'): string[] =>
  (officialSchedule(year)?.[key] ?? []).map((d) => d.date);

describe('OFFICIAL_SCHEDULES', () => {
  it('holds only valid dates filed under their own year, each labelled and cited', () => {
    for (const s of OFFICIAL_SCHEDULES) {
      expect(s.source).toMatch(/\[S\]/);
      for (const d of [...s.daysOff, ...s.workingSaturdays]) {
        expect(isValidCivilDate(d.date), d.date).toBe(true);
        expect(yearOf(d.date)).toBe(s.year);
        expect(d.label.trim()).not.toBe('');
      }
      expect(new Set(s.daysOff.map((d) => d.date)).size).toBe(s.daysOff.length);
    }
  });

  it('lists weekdays as days off and Saturdays as working Saturdays, as the decisions do', () => {
    for (const s of OFFICIAL_SCHEDULES) {
      for (const d of s.daysOff) expect(weekday(d.date), d.date).toBeLessThan(6);
      for (const d of s.workingSaturdays) expect(weekday(d.date), d.date).toBe(6);
    }
  });

  it('records 2025 as DOMAIN.md §6 gives it', () => {
    expect(dates(2025, 'daysOff')).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    ]);
    expect(dates(2025, 'workingSaturdays')).toEqual(['2025-04-26']);
  });

  it('records 2026 as DOMAIN.md §6 gives it, with the Giỗ Tổ make-up and Ngày Văn hóa labelled', () => {
    expect(dates(2026, 'daysOff')).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01',
      '2026-09-02', '2026-11-24',
    ]);
    expect(dates(2026, 'workingSaturdays')).toEqual(['2026-01-10', '2026-08-22']);
    const label = (d: string) => officialSchedule(2026)?.daysOff.find((x) => x.date === d)?.label;
    expect(label('2026-04-27')).toBe('Giỗ Tổ Hùng Vương (nghỉ bù)');
    expect(label('2026-11-24')).toBe('Ngày Văn hóa Việt Nam');
    expect(label('2026-02-17')).toBe('Tết Nguyên đán');
  });

  it('has no schedule for a year the government has not published', () => {
    expect(officialSchedule(2027)).toBeUndefined();
  });
});
