/** Quota days and minutes in the configured zone: the day resets at local midnight, not 00:00 UTC. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, hourIn, minuteKey, startOfDayMs, yearIn } from './time.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('dayKey', () => {
  it('turns over at 00:00 in Asia/Ho_Chi_Minh, which is 17:00 UTC the day before', () => {
    expect(dayKey(new Date('2026-11-23T16:59:59.999Z'), VN)).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-23T17:00:00.000Z'), VN)).toBe('2026-11-24');
  });

  it('turns over at 00:00 UTC when the zone is UTC', () => {
    expect(dayKey(new Date('2026-11-23T17:00:00.000Z'), 'UTC')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-23T23:59:59.999Z'), 'UTC')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-24T00:00:00.000Z'), 'UTC')).toBe('2026-11-24');
  });

  it('follows a zone west of UTC, including its daylight-saving offset', () => {
    // New York is UTC−5 in November and UTC−4 in July.
    expect(dayKey(new Date('2026-11-24T04:59:59.999Z'), 'America/New_York')).toBe('2026-11-23');
    expect(dayKey(new Date('2026-11-24T05:00:00.000Z'), 'America/New_York')).toBe('2026-11-24');
    expect(dayKey(new Date('2026-07-02T03:59:59.999Z'), 'America/New_York')).toBe('2026-07-01');
    expect(dayKey(new Date('2026-07-02T04:00:00.000Z'), 'America/New_York')).toBe('2026-07-02');
  });

  it('gives different answers for different zones at the same instant', () => {
    const t = new Date('2026-11-23T18:00:00Z');
    expect(dayKey(t, VN)).toBe('2026-11-24');
    expect(dayKey(t, 'UTC')).toBe('2026-11-23');
    expect(dayKey(t, VN)).toBe('2026-11-24');
  });

  it('always is YYYY-MM-DD with zero padding', () => {
    expect(dayKey(new Date('2026-01-04T20:00:00Z'), VN)).toBe('2026-01-05');
  });

  it('equals the UTC date seven hours later in Hà Nội, which has kept UTC+7 since 1976', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(dayKey(new Date(ms), VN)).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
        expect(dayKey(new Date(ms), 'UTC')).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });
});

describe('minuteKey', () => {
  it('counts whole minutes since the epoch', () => {
    expect(minuteKey(new Date(0))).toBe(0);
    expect(minuteKey(new Date(59_999))).toBe(0);
    expect(minuteKey(new Date(60_000))).toBe(1);
    expect(minuteKey(new Date('2026-11-23T17:00:00Z'))).toBe(Date.UTC(2026, 10, 23, 17) / 60_000);
  });

  it('puts every instant in the one-minute window that contains it, whatever the zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        const k = minuteKey(new Date(ms));
        expect(Number.isInteger(k)).toBe(true);
        expect(k * 60_000).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan((k + 1) * 60_000);
      }),
    );
  });
});

describe('yearIn', () => {
  it('starts the new year seven hours earlier in Hà Nội than in UTC', () => {
    const before = new Date('2026-12-31T16:59:59.999Z');
    const after = new Date('2026-12-31T17:00:00.000Z');
    expect(yearIn(before, VN)).toBe(2026);
    expect(yearIn(after, VN)).toBe(2027);
    expect(yearIn(after, 'UTC')).toBe(2026);
    expect(yearIn(new Date('2027-01-01T00:00:00.000Z'), 'UTC')).toBe(2027);
  });
});

describe('startOfDayMs and hourIn', () => {
  it('puts the start of a Hà Nội day at 17:00 UTC of the day before', () => {
    expect(new Date(startOfDayMs('2026-11-24', 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(new Date(startOfDayMs('2026-01-01', 'UTC')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('agrees with dayKey at both edges of a day', () => {
    const start = startOfDayMs('2026-02-17', 'Asia/Ho_Chi_Minh');
    expect(dayKey(new Date(start), 'Asia/Ho_Chi_Minh')).toBe('2026-02-17');
    expect(dayKey(new Date(start - 1), 'Asia/Ho_Chi_Minh')).toBe('2026-02-16');
  });

  it('reads the local hour in the zone', () => {
    expect(hourIn(Date.parse('2026-11-23T14:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(21);
    expect(hourIn(Date.parse('2026-11-23T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(0);
  });
});
