import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, minutesOfClock, resolveThresholds } from './thresholds.js';

describe('detection thresholds', () => {
  it('default to the documented values', () => {
    expect(DEFAULT_THRESHOLDS.quota).toEqual({ warnRatio: 0.8, highRatio: 0.95 });
    expect(DEFAULT_THRESHOLDS.workingHours).toEqual({ start: '07:00', end: '18:00' });
    expect(DEFAULT_THRESHOLDS.cadence).toEqual({ minLookups: 30, maxCv: 0.1 });
    expect(DEFAULT_THRESHOLDS.enumeration.minRun).toBe(20);
    expect(DEFAULT_THRESHOLDS.dormant.inactiveDays).toBe(45);
  });

  it('cannot be changed in place, even deep down', () => {
    expect(() => {
      (DEFAULT_THRESHOLDS.quota as { warnRatio: number }).warnRatio = 0.5;
    }).toThrow(TypeError);
  });

  it('take an administrator override for one field and keep the rest of its group', () => {
    const t = resolveThresholds({ burst: { maxLookups: 10 }, workingHours: { end: '17:30' } });
    expect(t.burst).toEqual({ maxLookups: 10, windowSeconds: 60 });
    expect(t.workingHours).toEqual({ start: '07:00', end: '17:30' });
    expect(t.quota).toEqual(DEFAULT_THRESHOLDS.quota);
  });

  it('ignore a field given as undefined rather than erase it', () => {
    expect(resolveThresholds({ quota: { warnRatio: undefined } }).quota.warnRatio).toBe(0.8);
  });

  it('refuse settings that make no sense', () => {
    expect(() => resolveThresholds({ quota: { warnRatio: 0.96 } })).toThrow(/warnRatio/);
    expect(() => resolveThresholds({ quota: { highRatio: 1.5 } })).toThrow(RangeError);
    expect(() => resolveThresholds({ workingHours: { start: '18:00', end: '07:00' } })).toThrow(/before/);
    expect(() => resolveThresholds({ workingHours: { start: '7h' } })).toThrow(/HH:MM/);
    expect(() => resolveThresholds({ burst: { maxLookups: 0 } })).toThrow(/burst.maxLookups/);
    expect(() => resolveThresholds({ cadence: { minLookups: 2 } })).toThrow(/cadence.minLookups/);
    expect(() => resolveThresholds({ dormant: { inactiveDays: 1.5 } })).toThrow(RangeError);
  });

  it('read clock times as minutes after midnight, 24:00 closing the day', () => {
    expect(minutesOfClock('00:00')).toBe(0);
    expect(minutesOfClock('07:30')).toBe(450);
    expect(minutesOfClock('24:00')).toBe(1440);
    expect(() => minutesOfClock('24:01')).toThrow(RangeError);
  });
});
