/**
 * Refusals as signals: a person typing many invalid ID numbers (R3: a tool generating numbers, or
 * guessing), and a unit whose requests are refused in a sudden spike (R6: something in that unit is
 * misbehaving — a tool, a misconfigured system, a spent quota).
 */
import { draftAlert, duration, span, tally } from './alert.js';
import { localDate } from './clock.js';
import { groupBy, isAttempt, isRefusal } from './entries.js';
import { denseWindows, eachEntry } from './window.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

export const INVALID_IDS: RuleDef = {
  id: 'invalid-id.repeated',
  requirement: 'R3',
  severity: 'warning',
  description: {
    vi: 'Một tài khoản nhập nhiều số định danh không hợp lệ trong thời gian ngắn',
    en: 'An account entered many invalid ID numbers within a short time',
  },
};

export const REFUSAL_SPIKE: RuleDef = {
  id: 'refusals.spike',
  requirement: 'R6',
  severity: 'warning',
  description: {
    vi: 'Số lượt tra cứu bị từ chối hoặc không thành công của một đơn vị tăng đột biến',
    en: 'A spike of refused or failed lookups in one unit',
  },
};

export function invalidIdAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minCount, windowSeconds } = ctx.thresholds.invalidIds;
  const out: AlertDraft[] = [];
  const invalid = entries.filter((e) => isAttempt(e) && e.outcome === 'INVALID_ID_NUMBER');
  for (const [actor, list] of groupBy(invalid, (e) => e.actor)) {
    const windows = denseWindows(list, windowSeconds * 1000, [{ key: eachEntry, min: minCount }], (e) => localDate(e.ts, ctx.timezone));
    for (const w of windows) {
      out.push(draftAlert(INVALID_IDS, {
        subject: { actor, ...(w.entries[0]!.unit_code ? { unit: w.entries[0]!.unit_code } : {}) },
        scope: [w.day],
        title: {
          vi: `${actor} nhập ${w.entries.length} số định danh không hợp lệ trong ${duration(windowSeconds).vi} (ngày ${w.day})`,
          en: `${actor} entered ${w.entries.length} invalid ID numbers within ${duration(windowSeconds).en} (${w.day})`,
        },
        evidence: { ...span(w.entries), windowSeconds, minCount },
      }));
    }
  }
  return out;
}

/**
 * Every request that did not end in OK counts, whatever refused it (dancu's admission or quota,
 * or the upstream). The evidence breaks the spike down by outcome, which usually names the cause.
 */
export function refusalSpikeAlerts(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const { minCount, windowSeconds } = ctx.thresholds.refusals;
  const out: AlertDraft[] = [];
  for (const [unit, list] of groupBy(entries.filter(isRefusal), (e) => e.unit_code)) {
    const windows = denseWindows(list, windowSeconds * 1000, [{ key: eachEntry, min: minCount }], (e) => localDate(e.ts, ctx.timezone));
    for (const w of windows) {
      out.push(draftAlert(REFUSAL_SPIKE, {
        subject: { unit },
        scope: [w.day],
        title: {
          vi: `Đơn vị ${unit}: ${w.entries.length} lượt bị từ chối trong ${duration(windowSeconds).vi} (ngày ${w.day})`,
          en: `Unit ${unit}: ${w.entries.length} refusals within ${duration(windowSeconds).en} (${w.day})`,
        },
        evidence: {
          ...span(w.entries),
          byOutcome: tally(w.entries, (e) => e.outcome),
          byActor: tally(w.entries, (e) => e.actor),
          windowSeconds,
          minCount,
        },
      }));
    }
  }
  return out;
}

export const refusalRules: RuleFamily = {
  rules: [INVALID_IDS, REFUSAL_SPIKE],
  evaluate: (entries, ctx) => [...invalidIdAlerts(entries, ctx), ...refusalSpikeAlerts(entries, ctx)],
};
