import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, buildCalendar, earliestPermittedDate } from '../calendar/index.js';
import { workingDaysLeft } from './countdown.js';

const calendar = buildCalendar([2025, 2026, 2027]);

describe('workingDaysLeft (the countdown of R2)', () => {
  it('shows the 10 working days of notice on the day of submission for a request planned on its earliest date', () => {
    expect(workingDaysLeft('2026-02-13', '2026-03-07', calendar)).toBe(10);
  });

  it('counts down across Tết 2026 and reaches zero the day before the planned date', () => {
    expect(workingDaysLeft('2026-02-20', '2026-03-07', calendar)).toBe(10);
    expect(workingDaysLeft('2026-02-23', '2026-03-07', calendar)).toBe(9);
    expect(workingDaysLeft('2026-03-06', '2026-03-07', calendar)).toBe(0);
    expect(workingDaysLeft('2026-03-20', '2026-03-07', calendar)).toBe(0);
  });

  it('counts the working Saturday 10/01/2026 and skips 24/11/2026', () => {
    expect(workingDaysLeft('2026-01-09', '2026-01-12', calendar)).toBe(1);
    expect(workingDaysLeft('2026-11-23', '2026-11-26', calendar)).toBe(1);
  });

  it('is exactly 10 on submission day for every submission date planned on its earliest date', () => {
    const day = fc.integer({ min: 0, max: 2 * 365 }).map((n) => addDays('2025-01-01', n));
    fc.assert(fc.property(day, (submitted) => workingDaysLeft(submitted, earliestPermittedDate(submitted, calendar).earliest, calendar) === 10));
  });
});
