/**
 * Whether other work is using the machine: the share of CPU time not idle across every core over a
 * short sample taken while the bench itself waits. The load average is no measure here: it counts
 * processes waiting on I/O, and after a run it mostly counts the bench itself.
 */
import os from 'node:os';

export interface CpuTimes {
  idle: number;
  total: number;
}

export function cpuTimes(cpus: ReadonlyArray<Pick<os.CpuInfo, 'times'>> = os.cpus()): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/** Busy share (0–1) of the CPU time between two samples; 0 when no time passed. */
export function busyFraction(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, 1 - (after.idle - before.idle) / total));
}

/** Samples the machine for `ms` while this process sleeps. */
export async function otherWork(ms = 2000): Promise<number> {
  const before = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  return busyFraction(before, cpuTimes());
}

/** Above this share of busy CPU before the start, the figures are reported as skewed. */
export const BUSY_WARNING = 0.2;
