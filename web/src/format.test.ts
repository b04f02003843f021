import { afterEach, describe, expect, it } from 'vitest';
import { currentYear, formatDate, formatDateTime, instantOfWallClock, setTimeZone, timeZone, today } from './format';

describe('portal formats in the gateway time zone', () => {
  afterEach(() => setTimeZone('Asia/Ho_Chi_Minh'));

  it('shows instants as dd/mm/yyyy HH:mm:ss in Asia/Ho_Chi_Minh until the gateway states its zone', () => {
    expect(timeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(formatDateTime('2026-11-23T15:30:05Z')).toBe('23/11/2026 22:30:05');
    expect(formatDate('2026-11-23T17:30:00Z')).toBe('24/11/2026');
  });

  it('follows the zone the gateway states (DANCU_TIMEZONE), for times, dates, today and the year', () => {
    setTimeZone('UTC');
    expect(formatDateTime('2026-11-23T15:30:05Z')).toBe('23/11/2026 15:30:05');
    expect(formatDate('2026-12-31T18:00:00Z')).toBe('31/12/2026');
    expect(today(new Date('2026-12-31T18:00:00Z'))).toBe('2026-12-31');
    expect(currentYear(new Date('2026-12-31T18:00:00Z'))).toBe(2026);
    setTimeZone('Asia/Ho_Chi_Minh');
    expect(currentYear(new Date('2026-12-31T18:00:00Z'))).toBe(2027);
  });

  it('keeps the current zone when the browser does not know the one stated', () => {
    setTimeZone('Mars/Olympus_Mons');
    expect(timeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(formatDateTime('2026-11-23T15:30:05Z')).toBe('23/11/2026 22:30:05');
  });

  it('leaves civil dates alone whatever the zone', () => {
    setTimeZone('America/New_York');
    expect(formatDate('2026-11-24')).toBe('24/11/2026');
  });

  it('reads a typed wall-clock time on the province\'s clock, not the browser\'s', () => {
    expect(instantOfWallClock('2026-11-23T22:30')?.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    setTimeZone('UTC');
    expect(instantOfWallClock('2026-11-23T22:30')?.toISOString()).toBe('2026-11-23T22:30:00.000Z');
    // Either side of a daylight-saving change, the time shown again is the time typed.
    setTimeZone('Europe/Berlin');
    for (const typed of ['2026-03-29T01:30', '2026-03-29T03:30', '2026-10-25T03:30', '2026-07-01T12:00']) {
      const at = instantOfWallClock(typed)!;
      expect(formatDateTime(at.toISOString())).toBe(`${typed.slice(8, 10)}/${typed.slice(5, 7)}/${typed.slice(0, 4)} ${typed.slice(11)}:00`);
    }
    expect(instantOfWallClock('23/11/2026 22:30')).toBeNull();
  });
});
