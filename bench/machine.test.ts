import { describe, expect, it } from 'vitest';
import { busyFraction, osCpuTimes, procStatCpuTimes } from './machine.js';

const cpu = (user: number, idle: number) => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } });

describe('busy share of the machine', () => {
  it('adds up every core and counts the time between two samples only', () => {
    const before = osCpuTimes([cpu(1000, 5000), cpu(2000, 4000)]);
    const after = osCpuTimes([cpu(1300, 5700), cpu(2100, 4900)]); // 400 busy, 1600 idle since
    expect(busyFraction(before, after)).toBeCloseTo(0.2, 10);
  });

  it('is 0 for an idle machine, 1 for a saturated one, and 0 when no time passed', () => {
    const t0 = osCpuTimes([cpu(10, 10)]);
    expect(busyFraction(t0, osCpuTimes([cpu(10, 110)]))).toBe(0);
    expect(busyFraction(t0, osCpuTimes([cpu(110, 10)]))).toBe(1);
    expect(busyFraction(t0, t0)).toBe(0);
  });

  it('counts time stolen by other virtual machines as busy and waiting on I/O as idle (/proc/stat)', () => {
    const stat = (idle: number, iowait: number, steal: number) => `cpu  100 0 50 ${idle} ${iowait} 0 10 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1\n`;
    const before = procStatCpuTimes(stat(1000, 100, 0));
    expect(busyFraction(before, procStatCpuTimes(stat(1060, 140, 0)))).toBe(0); // only idle and I/O wait moved
    expect(busyFraction(before, procStatCpuTimes(stat(1050, 100, 50)))).toBeCloseTo(0.5, 10); // half stolen
    expect(() => procStatCpuTimes('intr 1\n')).toThrow(/cpu line/);
  });
});
