/**
 * The vocabulary of violation detection (R6: monitor, promptly prevent and handle violations):
 * the ledger fields the rules read, the alert drafts they return and the inputs beside the ledger.
 */
import type { WorkingCalendar } from '../calendar/index.js';
import type { ChainBreak } from '../ledger/chain.js';
import type { Thresholds } from './thresholds.js';

/** Every rule, by the name an alert carries (`dancu alerts list` shows it as `rule`). */
export const RULE_IDS = [
  'quota.80',
  'quota.95',
  'upstream.locked',
  'ledger.verification-failed',
  'after-hours',
  'burst',
  'machine-cadence',
  'enumeration.sequential',
  'enumeration.volume',
  'citizen.many-users',
  'dossier.many-citizens',
  'invalid-id.repeated',
  'refusals.spike',
  'account.shared',
  'app-version.unapproved',
  'app-function.unapproved',
  'state-secret.blocked',
  'account.dormant-use',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'info' | 'warning' | 'high' | 'critical';

/** The requirements of the letters (DOMAIN.md §2). */
export type Requirement = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11';

/**
 * The subset of a ledger entry (core/ledger/chain.ts `LedgerFields`) the rules read. `detail` is
 * the stored JSON text parsed into an object (null when absent or not an object). The ID number
 * itself is never stored: only its keyed HMAC and its masked form (first 3 and last 3 digits).
 */
export interface MonitorEntry {
  seq: number;
  /** Epoch milliseconds. */
  ts: number;
  category: string;
  operation: string;
  outcome: string;
  actor: string | null;
  unit_code: string | null;
  app_id: string | null;
  app_version: string | null;
  id_hmac: string | null;
  id_masked: string | null;
  procedure_code: string | null;
  dossier_code: string | null;
  detail: Record<string, unknown> | null;
}

/** Who or what an alert is about; the owner of an alert is derived from it by the alerts module. */
export interface AlertSubject {
  actor?: string;
  unit?: string;
  app?: string;
}

/**
 * What a rule found, before it becomes an alert with a lifecycle. `dedupKey` names the condition,
 * not the run: evaluating again over overlapping entries yields the same key, so the alerts store
 * updates (or escalates) the alert it has rather than opening a second one.
 */
export interface AlertDraft {
  rule: RuleId;
  severity: Severity;
  dedupKey: string;
  subject: AlertSubject;
  title: { vi: string; en: string };
  /** Counts, seq and time ranges, masked ID numbers at most: never an ID number or its HMAC. */
  evidence: Record<string, unknown>;
  requirement: Requirement;
}

/** Today's quota counters, as the quota module enforces them (R1). */
export interface QuotaSnapshot {
  /** Quota day (YYYY-MM-DD in the configured zone); defaults to the day of `now`. */
  day?: string;
  province: { used: number; cap: number };
  units: Array<{ code: string; used: number; cap: number }>;
}

/** What the directory knows of an account, for the dormant and human-account rules. */
export interface UserFacts {
  username: string;
  /**
   * The last login (epoch ms), or null if never. The login route refuses a dormant account before
   * updating it, and lookups on a person's behalf do not update it, so the stored value is the
   * last login before the entries examined. Where it is later than an entry it is ignored for it.
   */
  lastLoginAt: number | null;
  /** When the account was activated: the start of inactivity if it never logged in. */
  activatedAt?: number | null;
  /** When the account was created: the start of inactivity if never activated either. */
  createdAt?: number | null;
  /** A named service account (R7): exempt from the human-cadence rules. */
  serviceAccount?: boolean;
}

/** The result of a ledger verification (`dancu ledger verify`), as the storage layer reports it. */
export type LedgerVerification =
  | { ok: true; entries: number; headSeq?: number; checkpoints?: number }
  | { ok: false; entries: number; firstBroken: ChainBreak };

/** Everything a rule may read besides the entries. Pure: `now` is given, never read. */
export interface RuleContext {
  now: Date;
  /** IANA zone of the province's civil time (e.g. Asia/Ho_Chi_Minh). */
  timezone: string;
  calendar: WorkingCalendar;
  thresholds: Thresholds;
  quota?: QuotaSnapshot;
  users?: readonly UserFacts[];
  ledgerVerification?: LedgerVerification;
}

/** A rule's catalogue entry. */
export interface RuleDef {
  id: RuleId;
  requirement: Requirement;
  severity: Severity;
  description: { vi: string; en: string };
}

/** One family of rules: its catalogue entries and the function that evaluates them. */
export interface RuleFamily {
  rules: readonly RuleDef[];
  evaluate(entries: readonly MonitorEntry[], ctx: RuleContext): AlertDraft[];
}
