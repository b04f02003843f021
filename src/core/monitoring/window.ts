/** Sliding time windows over one subject's entries: "N of something within M seconds" (R3, R6). */
import type { MonitorEntry } from './types.js';

/** One measure of a window: how many distinct keys (null keys ignored), and from how many it fires. */
export interface Measure {
  key: (e: MonitorEntry) => string | null;
  min: number;
}

export interface DenseWindow {
  /** The entries of the densest window of `day`, oldest first. */
  entries: MonitorEntry[];
  /** The local day of the entry that closes the window (the deduplication day). */
  day: string;
  /** The distinct count of each measure in that window, in the order given. */
  counts: number[];
}

/** Counts each entry once: "N entries within M seconds". */
export const eachEntry = (e: MonitorEntry): string => String(e.seq);

/**
 * The windows of `events` (oldest first) spanning less than `windowMs` in which any measure reaches
 * its minimum: one per local day, the densest of that day (highest count relative to its minimum,
 * the first such on ties), so a condition that persists all day makes one alert whose evidence
 * shows its worst moment. Windows may cross midnight; the day is that of the closing entry.
 */
export function denseWindows(
  events: readonly MonitorEntry[],
  windowMs: number,
  measures: readonly Measure[],
  dayOf: (e: MonitorEntry) => string,
): DenseWindow[] {
  const counts = measures.map(() => new Map<string, number>());
  const best = new Map<string, { left: number; right: number; score: number; counts: number[] }>();
  let left = 0;
  const add = (e: MonitorEntry, delta: 1 | -1): void => {
    measures.forEach((m, i) => {
      const k = m.key(e);
      if (k === null) return;
      const map = counts[i]!;
      const n = (map.get(k) ?? 0) + delta;
      if (n === 0) map.delete(k);
      else map.set(k, n);
    });
  };
  for (let right = 0; right < events.length; right++) {
    const e = events[right]!;
    add(e, 1);
    while (e.ts - events[left]!.ts >= windowMs) add(events[left++]!, -1);
    const score = Math.max(...measures.map((m, i) => counts[i]!.size / m.min));
    if (score < 1) continue;
    const day = dayOf(e);
    const held = best.get(day);
    if (!held || score > held.score) best.set(day, { left, right, score, counts: counts.map((c) => c.size) });
  }
  return [...best].map(([day, w]) => ({ day, entries: events.slice(w.left, w.right + 1), counts: w.counts }));
}
