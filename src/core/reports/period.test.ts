import { describe, expect, it } from 'vitest';
import { periodRange } from './period.js';

describe('report periods', () => {
  it('is the day itself for a daily report', () => {
    expect(periodRange('day', '2026-03-05')).toMatchObject({ from: '2026-03-05', to: '2026-03-05', days: ['2026-03-05'], label: { vi: 'ngày 05/03/2026' } });
  });

  it('runs Monday to Sunday for a weekly report, across a month end', () => {
    const w = periodRange('week', '2026-03-01'); // a Sunday
    expect(w).toMatchObject({ from: '2026-02-23', to: '2026-03-01' });
    expect(w.days).toHaveLength(7);
    expect(periodRange('week', '2026-03-02').from).toBe('2026-03-02');
  });

  it('covers the calendar month, leap February included', () => {
    expect(periodRange('month', '2028-02-10')).toMatchObject({ from: '2028-02-01', to: '2028-02-29', label: { vi: 'tháng 02/2028' } });
    expect(periodRange('month', '2026-12-31').days).toHaveLength(31);
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodRange('day', '2026-02-30')).toThrow(RangeError);
  });
});
