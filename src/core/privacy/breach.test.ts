import { describe, expect, it } from 'vitest';
import { breachDeadline, breachNotice, checkDiscoveredAt, describeDuration } from './breach.js';

const H = 3_600_000;
const discovered = Date.parse('2026-03-02T08:00:00+07:00');

describe('personal-data breach notification (72 hours, Luật 91/2025/QH15)', () => {
  it('is due 72 hours after discovery, whatever the day of the week', () => {
    expect(new Date(breachDeadline(discovered)).toISOString()).toBe('2026-03-05T01:00:00.000Z');
  });

  it('shows the time left while due, and the time overdue once passed', () => {
    expect(breachNotice({ discoveredAtMs: discovered, notifiedAtMs: null }, discovered + 70 * H)).toEqual({ deadlineMs: discovered + 72 * H, status: 'due', msLeft: 2 * H });
    expect(breachNotice({ discoveredAtMs: discovered, notifiedAtMs: null }, discovered + 75 * H)).toMatchObject({ status: 'overdue', msLeft: -3 * H });
    expect(breachNotice({ discoveredAtMs: discovered, notifiedAtMs: null }, discovered + 72 * H).status).toBe('due');
  });

  it('tells a notice in time from a late one, and stops counting once notified', () => {
    expect(breachNotice({ discoveredAtMs: discovered, notifiedAtMs: discovered + 10 * H }, discovered + 100 * H)).toMatchObject({ status: 'notified', msLeft: 62 * H });
    expect(breachNotice({ discoveredAtMs: discovered, notifiedAtMs: discovered + 80 * H }, discovered + 100 * H)).toMatchObject({ status: 'notified_late', msLeft: -8 * H });
  });

  it('describes durations in Vietnamese and English', () => {
    expect(describeDuration(5 * H + 20 * 60_000)).toBe('5 giờ 20 phút');
    expect(describeDuration(-(2 * H + 5 * 60_000), 'en')).toBe('2 h 5 min');
  });

  it('refuses a discovery time in the future', () => {
    expect(checkDiscoveredAt(discovered + H, discovered).ok).toBe(false);
    expect(checkDiscoveredAt(discovered - H, discovered).ok).toBe(true);
  });
});
