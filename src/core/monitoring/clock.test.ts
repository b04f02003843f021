import { describe, expect, it } from 'vitest';
import { localClock, localDate } from './clock.js';
import { at } from './fixtures.js';

describe('local civil time', () => {
  it('places an entry on the date and minute of the province, not of UTC', () => {
    expect(localClock(Date.parse('2026-03-05T14:00:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ date: '2026-03-05', minute: 21 * 60 });
    expect(localClock(Date.parse('2026-03-05T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toEqual({ date: '2026-03-06', minute: 30 });
    expect(localClock(at('2026-03-05T23:59:59'), 'Asia/Ho_Chi_Minh')).toEqual({ date: '2026-03-05', minute: 1439 });
  });

  it('gives the same answer for every moment of one minute', () => {
    const t = at('2026-03-05T10:15');
    expect(localClock(t + 59_999, 'Asia/Ho_Chi_Minh')).toEqual(localClock(t, 'Asia/Ho_Chi_Minh'));
    expect(localDate(t, 'UTC')).toBe('2026-03-05');
    expect(localDate(at('2026-03-05T05:00'), 'UTC')).toBe('2026-03-04');
  });
});
