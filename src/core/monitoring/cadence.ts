/**
 * A tool behind a person's account (R3: no personal or self-developed tools to look up or extract
 * data): a burst no person can type, or a cadence so regular that a program, not a person, keeps it.
 * Named service accounts (R7) are machines by design and are left to the quota rules.
 */
import { draftAlert, duration, span } from './alert.js';
import { localDate } from './clock.js';
import { humanAttempts } from './entries.js';
import { denseWindows, eachEntry } from './window.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const BURST: RuleDef = {
  id: 'burst',
  requirement: 'R3',
  severity: 'warning',
  description: {
    vi: 'Một tài khoản cá nhân tra cứu dồn dập, nhanh hơn khả năng thao tác của con người',
    en: 'A personal account made a burst of lookups faster than a person works',
  },
};

export const MACHINE_CADENCE: RuleDef = {
  id: 'machine-cadence',
  requirement: 'R3',
  severity: 'high',
  description: {
    vi: 'Một tài khoản cá nhân tra cứu theo nhịp đều như máy: dấu hiệu dùng công cụ tự viết',
    en: 'A personal account looks up at a machine-like steady pace: a sign of a self-written tool',
  },
};

/** Coefficient of variation (standard deviation / mean) of gaps[from, to); 0 when the mean is 0. */
export function coefficientOfVariation(gaps: readonly number[], from: number, to: number): number {
  const n = to - from;
  let sum = 0;
  for (let i = from; i < to; i++) sum += gaps[i]!;
  const mean = sum / n;
  if (mean === 0) return 0;
  let sq = 0;
  for (let i = from; i < to; i++) sq += (gaps[i]! - mean) ** 2;
  return Math.sqrt(sq / n) / mean;
}

/** Runs of at least `minLookups` consecutive requests whose gaps vary less than `maxCv`. */
export function regularRuns(ts: readonly number[], minLookups: number, maxCv: number): Array<{ start: number; end: number; cv: number }> {
  const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
  const k = minLookups - 1;
  const runs: Array<{ start: number; end: number; cv: number }> = [];
  for (let i = 0; i + k <= gaps.length; i++) {
    const cv = coefficientOfVariation(gaps, i, i + k);
    if (cv >= maxCv) continue;
    const last = runs[runs.length - 1];
    // Windows overlap, so a qualifying window next to the previous one extends its run.
    if (last && i <= last.end) last.end = i + k;
    else runs.push({ start: i, end: i + k, cv });
  }
  return runs;
}

export function cadenceAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minLookups, maxCv } = ctx.thresholds.cadence;
  const out: AlertDraft[] = [];
  for (const [actor, list] of humanAttempts(entries, ctx.users)) {
    const seen = new Set<string>();
    for (const run of regularRuns(list.map((e) => e.ts), minLookups, maxCv)) {
      const day = localDate(list[run.start + minLookups - 1]!.ts, ctx.timezone);
      if (seen.has(day)) continue;
      seen.add(day);
      const runEntries = list.slice(run.start, run.end + 1);
      const meanGap = (runEntries[runEntries.length - 1]!.ts - runEntries[0]!.ts) / (runEntries.length - 1);
      out.push(draftAlert(MACHINE_CADENCE, {
        subject: { actor, ...(runEntries[0]!.unit_code ? { unit: runEntries[0]!.unit_code } : {}) },
        scope: [day],
        title: {
          vi: `${actor} tra cứu ${runEntries.length} lượt đều nhịp ${(meanGap / 1000).toFixed(1).replace('.', ',')} giây/lượt (ngày ${day})`,
          en: `${actor} made ${runEntries.length} lookups at a steady ${(meanGap / 1000).toFixed(1)} s each (${day})`,
        },
        evidence: { ...span(runEntries), meanGapSeconds: Math.round(meanGap) / 1000, coefficientOfVariation: Number(run.cv.toFixed(4)), maxCv },
      }));
    }
  }
  return out;
}

export function burstAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { maxLookups, windowSeconds } = ctx.thresholds.burst;
  const out: AlertDraft[] = [];
  for (const [actor, list] of humanAttempts(entries, ctx.users)) {
    const windows = denseWindows(list, windowSeconds * 1000, [{ key: eachEntry, min: maxLookups + 1 }], (e) => localDate(e.ts, ctx.timezone));
    for (const w of windows) {
      out.push(draftAlert(BURST, {
        subject: { actor, ...(w.entries[0]!.unit_code ? { unit: w.entries[0]!.unit_code } : {}) },
        scope: [w.day],
        title: {
          vi: `${actor} tra cứu ${w.entries.length} lượt trong vòng ${duration(windowSeconds).vi} (ngày ${w.day})`,
          en: `${actor} made ${w.entries.length} lookups within ${duration(windowSeconds).en} (${w.day})`,
        },
        evidence: { ...span(w.entries), windowSeconds, maxLookups },
      }));
    }
  }
  return out;
}

export const cadenceRules: RuleFamily = {
  rules: [BURST, MACHINE_CADENCE],
  evaluate: (entries, ctx) => [...burstAlerts(entries, ctx), ...cadenceAlerts(entries, ctx)],
};
