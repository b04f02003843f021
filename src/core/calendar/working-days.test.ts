import { describe, expect, it } from 'vitest';
import { buildCalendar, resolveYear, type CalendarOverrides } from './working-days.js';

const none: CalendarOverrides = { daysOff: [], workingSaturdays: [] };

describe('buildCalendar with the official schedules', () => {
  const cal = buildCalendar([2025, 2026]);

  it('treats Monday to Friday as working and the weekend as rest', () => {
    expect(cal.isWorkingDay('2026-03-04')).toBe(true); // Wednesday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(cal.dayOffLabel('2026-03-08')).toBeUndefined();
  });

  it('closes the scheduled days off and names them', () => {
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.dayOffLabel('2026-02-16')).toBe('Tết Nguyên đán');
    expect(cal.isWorkingDay('2026-11-24')).toBe(false);
    expect(cal.dayOffLabel('2026-01-02')).toBe('Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)');
    expect(cal.isWorkingDay('2025-01-27')).toBe(false); // official Tết 2025 starts on Monday 27/01
  });

  it('opens the decreed working Saturdays and only those', () => {
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.isWorkingDay('2026-01-17')).toBe(false);
    expect(cal.dayOffLabel('2026-01-10')).toBeUndefined();
  });
});

describe('precedence: override, then official, then statute', () => {
  it('falls back to the statute for a year without an official schedule', () => {
    expect(resolveYear(2026).source).toBe('official');
    expect(resolveYear(2027).source).toBe('statutory');
    const cal = buildCalendar([2027]);
    expect(cal.isWorkingDay('2027-02-10')).toBe(false); // make-up for Saturday 06/02 (Tết)
    expect(cal.dayOffLabel('2027-02-10')).toBe('Tết Nguyên đán (nghỉ bù)');
    expect(cal.isWorkingDay('2027-02-12')).toBe(true);
  });

  it('lets an administrator override replace a year wholesale, official data included', () => {
    const cal = buildCalendar([2026], new Map([[2026, none]]));
    expect(resolveYear(2026, new Map([[2026, none]])).source).toBe('override');
    expect(cal.isWorkingDay('2026-02-16')).toBe(true); // Tết no longer in this year's data
    expect(cal.isWorkingDay('2026-01-10')).toBe(false); // nor the working Saturday
    expect(cal.isWorkingDay('2025-01-27')).toBe(false); // other years keep their official data
  });

  it('lets an override correct a statutory guess, e.g. once the 2027 schedule is published', () => {
    const published: CalendarOverrides = {
      daysOff: [{ date: '2027-02-12', label: 'Nghỉ hoán đổi (làm bù thứ Bảy 20/02/2027)' }],
      workingSaturdays: [{ date: '2027-02-20', label: 'Làm bù cho ngày nghỉ 12/02/2027' }],
    };
    const cal = buildCalendar([], new Map([[2027, published]]));
    expect(cal.isWorkingDay('2027-02-12')).toBe(false);
    expect(cal.isWorkingDay('2027-02-20')).toBe(true);
    expect(cal.isWorkingDay('2027-02-10')).toBe(true); // statutory make-up replaced
  });

  it('answers for years not listed up front, by the same precedence', () => {
    const cal = buildCalendar([]);
    expect(cal.isWorkingDay('2026-02-17')).toBe(false);
    expect(cal.isWorkingDay('2028-01-03')).toBe(false); // make-up for Saturday 01/01/2028
  });

  it('is not changed by later edits to the overrides the caller passed in', () => {
    const edits: CalendarOverrides = { daysOff: [], workingSaturdays: [] };
    const overrides = new Map([[2027, edits]]);
    const cal = buildCalendar([], overrides);
    edits.daysOff.push({ date: '2027-03-03', label: 'late edit' });
    overrides.set(2028, { daysOff: [{ date: '2028-03-01', label: 'late edit' }], workingSaturdays: [] });
    expect(cal.isWorkingDay('2027-03-03')).toBe(true);
    expect(cal.isWorkingDay('2028-03-01')).toBe(true);
  });

  it('counts a date listed both as a day off and as a working Saturday as a day off', () => {
    const both = { date: '2027-03-06', label: 'mâu thuẫn' };
    const cal = buildCalendar([2027], new Map([[2027, { daysOff: [both], workingSaturdays: [both] }]]));
    expect(cal.isWorkingDay('2027-03-06')).toBe(false);
  });
});

describe('bad calendar data', () => {
  const bad = (o: CalendarOverrides) => () => buildCalendar([2027], new Map([[2027, o]]));

  it('is refused when the calendar is built for that year', () => {
    expect(bad({ daysOff: [{ date: '2027-02-30', label: 'x' }], workingSaturdays: [] })).toThrow(RangeError);
    expect(bad({ daysOff: [{ date: '2026-12-31', label: 'x' }], workingSaturdays: [] })).toThrow(/filed under year 2027/);
    expect(bad({ daysOff: [], workingSaturdays: [{ date: '2027-03-07', label: 'Sunday' }] })).toThrow(/not a Saturday/);
  });

  it('throws for an invalid date asked of the calendar', () => {
    expect(() => buildCalendar([]).isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});
