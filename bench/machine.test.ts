import { describe, expect, it } from 'vitest';
import { busyFraction, cpuTimes } from './machine.js';

const cpu = (user: number, idle: number) => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } });

describe('busy share of the machine', () => {
  it('adds up every core and counts the time between two samples only', () => {
    const before = cpuTimes([cpu(1000, 5000), cpu(2000, 4000)]);
    const after = cpuTimes([cpu(1300, 5700), cpu(2100, 4900)]); // 400 busy, 1600 idle since
    expect(busyFraction(before, after)).toBeCloseTo(0.2, 10);
  });

  it('is 0 for an idle machine, 1 for a saturated one, and 0 when no time passed', () => {
    const t0 = cpuTimes([cpu(10, 10)]);
    expect(busyFraction(t0, cpuTimes([cpu(10, 110)]))).toBe(0);
    expect(busyFraction(t0, cpuTimes([cpu(110, 10)]))).toBe(1);
    expect(busyFraction(t0, t0)).toBe(0);
  });
});
