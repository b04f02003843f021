import { describe, expect, it } from 'vitest';
import { weekday } from './civil-date.js';
import { officialSchedule } from './schedules.js';
import { statutoryDaysOff } from './statutory.js';

const datesOf = (year: number): string[] => statutoryDaysOff(year).map((d) => d.date);
const weekdaysOf = (list: string[]): string[] => list.filter((d) => weekday(d) <= 5);

describe('statutoryDaysOff', () => {
  it('computes 2027 from the lunar calendar with Art. 111(3) make-up days', () => {
    // date-holidays gives Lunar New Year 2027 as Saturday 06/02/2027 and Giỗ Tổ (10/3 lunar) as
    // Friday 16/04/2027. 01/01/2027 is a Friday.
    // Tết, eve + mùng 1–4: Fri 05/02, Sat 06/02, Sun 07/02, Mon 08/02, Tue 09/02.
    //   Sat 06 and Sun 07 are weekly rest days -> made up Wed 10/02 and Thu 11/02.
    // 30/04 Fri; 01/05 Sat -> made up Mon 03/05.
    // Quốc khánh: Thu 02/09 plus the day before, Wed 01/09. 24/11 Wed, never made up.
    expect(statutoryDaysOff(2027)).toEqual([
      { date: '2027-01-01', label: 'Tết Dương lịch' },
      { date: '2027-02-05', label: 'Tết Nguyên đán' },
      { date: '2027-02-06', label: 'Tết Nguyên đán' },
      { date: '2027-02-07', label: 'Tết Nguyên đán' },
      { date: '2027-02-08', label: 'Tết Nguyên đán' },
      { date: '2027-02-09', label: 'Tết Nguyên đán' },
      { date: '2027-02-10', label: 'Tết Nguyên đán (nghỉ bù)' },
      { date: '2027-02-11', label: 'Tết Nguyên đán (nghỉ bù)' },
      { date: '2027-04-16', label: 'Giỗ Tổ Hùng Vương' },
      { date: '2027-04-30', label: 'Ngày Chiến thắng (30/4)' },
      { date: '2027-05-01', label: 'Ngày Quốc tế Lao động' },
      { date: '2027-05-03', label: 'Ngày Quốc tế Lao động (nghỉ bù)' },
      { date: '2027-09-01', label: 'Quốc khánh' },
      { date: '2027-09-02', label: 'Quốc khánh' },
      { date: '2027-11-24', label: 'Ngày Văn hóa Việt Nam' },
    ]);
    expect(weekday('2027-02-06')).toBe(6);
  });

  it('reproduces the official 2026 weekdays off except the two decreed swaps', () => {
    // Statute alone: Giỗ Tổ Sun 26/04 -> Mon 27/04, as the schedule has; the schedule adds the
    // swaps 02/01 and 31/08 (worked on Saturdays 10/01 and 22/08), which no statute can predict.
    const official = officialSchedule(2026)?.daysOff.map((d) => d.date) ?? [];
    const swaps = ['2026-01-02', '2026-08-31'];
    expect(weekdaysOf(datesOf(2026))).toEqual(official.filter((d) => !swaps.includes(d)));
    expect(datesOf(2026)).toContain('2026-04-26'); // the Sunday itself stays labelled
  });

  it('differs from the official 2025 schedule only in the Tết days chosen and the 02/05 swap', () => {
    // date-holidays: Lunar New Year Wed 29/01/2025, so eve + mùng 1–4 = Tue 28/01 … Sat 01/02 and
    // Sat 01/02 is made up Mon 03/02. The decision instead fixed Mon 27/01 … Fri 31/01.
    const statutory = new Set(weekdaysOf(datesOf(2025)));
    const official = new Set(officialSchedule(2025)?.daysOff.map((d) => d.date));
    expect([...statutory].filter((d) => !official.has(d))).toEqual(['2025-02-03']);
    expect([...official].filter((d) => !statutory.has(d))).toEqual(['2025-01-27', '2025-05-02']);
  });

  it('uses the Vietnamese (UTC+7) lunar calendar: Tết 2030 falls on 02/02, not the Chinese 03/02', () => {
    // Eve Fri 01/02/2030; Sat 02/02 and Sun 03/02 are made up after the block ends on Tue 05/02.
    const tet = statutoryDaysOff(2030).filter((d) => d.label.startsWith('Tết Nguyên đán'));
    expect(tet.map((d) => d.date)).toEqual([
      '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07',
    ]);
  });

  it('makes up consecutive weekend holidays on consecutive working days after the run', () => {
    // 2022: Sat 30/04 and Sun 01/05 -> Mon 02/05 and Tue 03/05; Giỗ Tổ Sun 10/04 -> Mon 11/04.
    expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-04-11', '2022-05-02', '2022-05-03']));
    // 2024: the adjacent day Sun 01/09 is made up after Mon 02/09, on Tue 03/09.
    expect(statutoryDaysOff(2024)).toContainEqual({ date: '2024-09-03', label: 'Quốc khánh (nghỉ bù)' });
    expect(datesOf(2024)).not.toContain('2024-09-04');
  });

  it('adds Ngày Văn hóa Việt Nam from 2026 only, and never a make-up day for it', () => {
    expect(datesOf(2025)).not.toContain('2025-11-24');
    expect(weekday('2029-11-24')).toBe(6);
    expect(datesOf(2029)).toContain('2029-11-24');
    expect(datesOf(2029).filter((d) => d > '2029-11-24')).toEqual([]);
  });

  it('leaves out date-holidays observances such as 03/02 and 20/11', () => {
    expect(datesOf(2027)).not.toContain('2027-02-03');
    expect(datesOf(2027)).not.toContain('2027-11-20');
  });

  it('refuses years before Bộ luật Lao động 2019 took effect', () => {
    expect(() => statutoryDaysOff(2020)).toThrow(RangeError);
    expect(() => statutoryDaysOff(2026.5)).toThrow(RangeError);
  });
});
