import { afterEach, describe, expect, it } from 'vitest';
import { currentYear, formatDate, formatDateTime, setTimeZone, timeZone, today } from './format';

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
});
