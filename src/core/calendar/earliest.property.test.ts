import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './civil-date.js';
import { checkPlannedDate, earliestPermittedDate } from './earliest.js';
import { buildCalendar, type WorkingCalendar } from './working-days.js';

const cal = buildCalendar([2025, 2026, 2027, 2028, 2029, 2030]);
// Any submission day from 01/01/2025 to the end of 2029 (official and statutory years).
const submitted = fc.integer({ min: 0, max: 365 * 5 - 1 }).map((n) => addDays('2025-01-01', n));

function workingDaysStrictlyBetween(from: string, to: string, c: WorkingCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (c.isWorkingDay(d)) n++;
  return n;
}

describe('earliestPermittedDate, for any submission day', () => {
  it('leaves exactly the required working days strictly between submission and earliest date', () => {
    fc.assert(
      fc.property(submitted, fc.integer({ min: 1, max: 30 }), (s, k) => {
        const { earliest, countedDays } = earliestPermittedDate(s, cal, k);
        expect(earliest > s).toBe(true);
        expect(workingDaysStrictlyBetween(s, earliest, cal)).toBe(k);
        expect(countedDays).toHaveLength(k);
        expect(countedDays.every((d) => d > s && d < earliest && cal.isWorkingDay(d))).toBe(true);
      }),
    );
  });

  it('puts a working day right before the earliest date, so no earlier date would do', () => {
    fc.assert(
      fc.property(submitted, (s) => {
        const { earliest } = earliestPermittedDate(s, cal);
        expect(cal.isWorkingDay(addDays(earliest, -1))).toBe(true);
        expect(checkPlannedDate(s, earliest, cal).ok).toBe(true);
        expect(checkPlannedDate(s, addDays(earliest, -1), cal).ok).toBe(false);
      }),
    );
  });

  it('never moves the earliest date earlier when an administrator adds a day off', () => {
    fc.assert(
      fc.property(submitted, fc.integer({ min: 1, max: 20 }), (s, gap) => {
        const extra = addDays(s, gap);
        const more: WorkingCalendar = {
          isWorkingDay: (d) => d !== extra && cal.isWorkingDay(d),
          dayOffLabel: (d) => (d === extra ? 'thêm' : cal.dayOffLabel(d)),
        };
        expect(earliestPermittedDate(s, more).earliest >= earliestPermittedDate(s, cal).earliest).toBe(true);
      }),
    );
  });
});
