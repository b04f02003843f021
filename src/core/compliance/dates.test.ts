import { describe, expect, it } from 'vitest';
import { civilDaysBetween, parseReportDate } from './dates.js';

const TZ = 'Asia/Ho_Chi_Minh';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('dates in console reports', () => {
  it('reads a Vietnamese day-first date as the start of that day in the zone', () => {
    expect(iso(parseReportDate('05/10/2026', 'dmy', TZ))).toBe('2026-10-04T17:00:00.000Z');
    expect(iso(parseReportDate('5-10-2026 08:30', 'dmy', TZ))).toBe('2026-10-05T01:30:00.000Z');
    expect(iso(parseReportDate('05.10.2026', 'dmy', TZ))).toBe('2026-10-04T17:00:00.000Z');
  });

  it('reads month-first dates when the mapping says so', () => {
    expect(iso(parseReportDate('10/05/2026', 'mdy', TZ))).toBe('2026-10-04T17:00:00.000Z');
  });

  it('reads ISO 8601 with or without an offset, and epoch seconds or milliseconds', () => {
    expect(iso(parseReportDate('2026-10-05', 'dmy', TZ))).toBe('2026-10-04T17:00:00.000Z');
    expect(iso(parseReportDate('2026-10-05T08:30:00', 'dmy', TZ))).toBe('2026-10-05T01:30:00.000Z');
    expect(iso(parseReportDate('2026-10-05T08:30:00Z', 'dmy', TZ))).toBe('2026-10-05T08:30:00.000Z');
    expect(iso(parseReportDate('2026-10-05 08:30:00.123+0200', 'dmy', TZ))).toBe('2026-10-05T06:30:00.000Z');
    expect(iso(parseReportDate('1791163800', 'dmy', TZ))).toBe('2026-10-05T01:30:00.000Z');
    expect(iso(parseReportDate('1791163800000', 'dmy', TZ))).toBe('2026-10-05T01:30:00.000Z');
    expect(iso(parseReportDate('2026/10/05', 'mdy', TZ))).toBe('2026-10-04T17:00:00.000Z');
  });

  it('refuses impossible or ambiguous dates rather than guessing', () => {
    for (const bad of ['31/02/2026', '2026-13-01', '05/10/26', 'hôm qua', '25:00', '05/10/2026 24:10', '']) expect(parseReportDate(bad, 'dmy', TZ), bad).toBeNull();
  });

  it('counts civil days between dates', () => {
    expect(civilDaysBetween('2026-10-12', '2026-10-15')).toBe(3);
    expect(civilDaysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(civilDaysBetween('2026-10-15', '2026-10-12')).toBe(-3);
  });
});
