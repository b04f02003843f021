/**
 * Violation detection (R6: monitor, promptly prevent and handle violations): pure rules over
 * ledger entries and today's counters, returning alert drafts with stable deduplication keys. The
 * shell gathers the entries and inputs, calls `evaluate`, and stores or updates alerts by key.
 */
import { afterHoursRules } from './after-hours.js';
import { cadenceRules } from './cadence.js';
import { correlationRules } from './correlation.js';
import { dormantRules } from './dormant.js';
import { byTime } from './entries.js';
import { enumerationRules } from './enumeration.js';
import { flaggedRules } from './flagged.js';
import { quotaRules } from './quota.js';
import { refusalRules } from './refusals.js';
import { systemRules } from './system.js';
import type { AlertDraft, MonitorEntry, RuleContext, RuleDef, RuleFamily } from './types.js';

/** Every family, registered here explicitly (no import side effects). */
export const FAMILIES: readonly RuleFamily[] = [
  quotaRules,
  systemRules,
  afterHoursRules,
  cadenceRules,
  enumerationRules,
  correlationRules,
  refusalRules,
  flaggedRules,
  dormantRules,
];

/** The catalogue: every rule with its requirement, default severity and description. */
export const RULES: readonly RuleDef[] = FAMILIES.flatMap((f) => f.rules);

const SEVERITY_ORDER = { critical: 0, high: 1, warning: 2, info: 3 } as const;

/**
 * Runs every rule. Entries may come in any order (they are sorted by time here); the drafts come
 * most severe first, then by rule and key, so the same inputs always give the same list.
 */
export function evaluate(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[] {
  const sorted = [...entries].sort(byTime);
  return FAMILIES.flatMap((f) => f.evaluate(sorted, ctx)).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule) || a.dedupKey.localeCompare(b.dedupKey),
  );
}

export { toMonitorEntry, isAttempt, isRefusal, QUERY_CATEGORIES } from './entries.js';
export { DEFAULT_THRESHOLDS, resolveThresholds, type ThresholdOverrides, type Thresholds } from './thresholds.js';
export {
  RULE_IDS,
  type AlertDraft,
  type AlertSubject,
  type LedgerVerification,
  type MonitorEntry,
  type QuotaSnapshot,
  type Requirement,
  type RuleContext,
  type RuleDef,
  type RuleFamily,
  type RuleId,
  type Severity,
  type UserFacts,
} from './types.js';
