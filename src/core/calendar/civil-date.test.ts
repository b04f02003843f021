import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatViDate, isValidCivilDate, weekday, yearOf } from './civil-date.js';

describe('isValidCivilDate', () => {
  it('accepts real dates in the strict YYYY-MM-DD form, including 29 February of leap years', () => {
    for (const d of ['2026-03-05', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01']) {
      expect(isValidCivilDate(d), d).toBe(true);
    }
  });

  it('rejects impossible days, other layouts and stray characters', () => {
    const bad = ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
      '26-03-05', '2026-3-5', '05/03/2026', '2026-03-05T00:00', ' 2026-03-05', '2026-03-05\n', ''];
    for (const d of bad) expect(isValidCivilDate(d), JSON.stringify(d)).toBe(false);
  });
});

describe('addDays and weekday', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('names the weekdays the official schedules rely on', () => {
    expect(weekday('2026-02-16')).toBe(1); // Monday: first day of Tết 2026
    expect(weekday('2026-11-24')).toBe(2); // Tuesday: Ngày Văn hóa Việt Nam
    expect(weekday('2026-01-10')).toBe(6); // working Saturday
    expect(weekday('2026-04-26')).toBe(7); // Giỗ Tổ 2026 on a Sunday
  });

  it('agrees with the UTC Gregorian calendar for any day offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (offset) => {
        const expected = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000);
        const d = addDays('2000-01-01', offset);
        expect(d).toBe(expected.toISOString().slice(0, 10));
        expect(weekday(d)).toBe(((expected.getUTCDay() + 6) % 7) + 1);
        expect(addDays(d, -offset)).toBe('2000-01-01');
      }),
    );
  });

  it('refuses invalid dates and fractional offsets instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => weekday('yesterday')).toThrow(RangeError);
  });
});

describe('formatViDate and yearOf', () => {
  it('writes dates day first, as Vietnamese documents do', () => {
    expect(formatViDate('2026-03-05')).toBe('05/03/2026');
    expect(formatViDate('2025-12-24')).toBe('24/12/2025');
    expect(yearOf('2027-02-06')).toBe(2027);
  });
});
