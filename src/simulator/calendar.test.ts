import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, compareDates, dateInYear, daysInMonth, isAfterToday, isLeapYear, isoDate } from './calendar.js';
import { Rng } from './prng.js';

describe('calendar helpers', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('draws only real dates within the year, agreeing with the JavaScript calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2399 }), fc.string(), (year, seed) => {
        const d = dateInYear(Rng.fromSeed(seed), year);
        expect(d.year).toBe(year);
        const js = new Date(Date.UTC(d.year, d.month - 1, d.day));
        expect(js.toISOString().slice(0, 10)).toBe(isoDate(d));
      }),
    );
  });

  it('draws on or after a given date in the same year', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (seed, month, day) => {
        const from = { year: 2001, month, day };
        expect(compareDates(dateInYear(Rng.fromSeed(seed), 2001, from), from)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('reaches the last day of a leap year', () => {
    const rng = Rng.fromSeed('leap');
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(isoDate(dateInYear(rng, 2024)));
    expect(seen.size).toBe(366);
    expect(seen.has('2024-12-31')).toBe(true);
  });

  it('counts completed years of age, with the birthday itself completing the year', () => {
    const birth = { year: 2000, month: 6, day: 15 };
    expect(ageOn(birth, { year: 2020, month: 6, day: 14 })).toBe(19);
    expect(ageOn(birth, { year: 2020, month: 6, day: 15 })).toBe(20);
    expect(ageOn(birth, { year: 2020 })).toBe(20);
  });

  it('says a date is after today only when it is, and only by year when no day is known', () => {
    const d = { year: 2026, month: 3, day: 11 };
    expect(isAfterToday(d, { year: 2026, month: 3, day: 10 })).toBe(true);
    expect(isAfterToday(d, { year: 2026, month: 3, day: 11 })).toBe(false);
    expect(isAfterToday(d, { year: 2026 })).toBe(false);
    expect(isAfterToday(d, { year: 2025 })).toBe(true);
  });
});
