/**
 * Whether other work is using the machine: the share of CPU time not idle across every core over a
 * short sample taken while the bench itself waits. On Linux the sample comes from /proc/stat, which
 * also counts time taken by other virtual machines on the same host (steal); elsewhere from
 * os.cpus(). The load average is no measure here: it counts processes waiting on I/O, and after a
 * run it mostly counts the bench itself. What the bench's own PostgreSQL server does in the
 * background (writing back after the appends part) is counted too.
 */
import fs from 'node:fs';
import os from 'node:os';

export interface CpuTimes {
  idle: number;
  total: number;
}

/** Sums of every core's times from os.cpus() (no steal, no I/O wait). */
export function osCpuTimes(cpus: ReadonlyArray<Pick<os.CpuInfo, 'times'>>): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal (guest
 * time is already inside user). Waiting on I/O counts as idle; steal counts as busy.
 */
export function procStatCpuTimes(text: string): CpuTimes {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

export function cpuTimes(): CpuTimes {
  try {
    return procStatCpuTimes(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    return osCpuTimes(os.cpus());
  }
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

/** Above this share of busy CPU between the parts, the figures are reported as skewed. */
export const BUSY_WARNING = 0.2;
