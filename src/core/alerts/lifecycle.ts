/**
 * The life of an alert (R6: monitor, promptly prevent and handle violations), as pure decisions:
 * who owns it, what a new detection does to the alert already stored under its key, and which
 * transitions an officer may make (open → acknowledged → resolved with a note).
 */
import type { Role } from '../../gateway/access.js';
import type { AlertDraft, RuleId, Severity } from '../monitoring/index.js';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export function isAlertStatus(s: string): s is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(s);
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, high: 2, critical: 3 };

export function severityOf(s: string): Severity {
  return s in SEVERITY_RANK ? (s as Severity) : 'info';
}

/**
 * The role that handles an alert. The cyber-security team (Tổ An ninh mạng) watches violations by
 * default; an unapproved client version is the administrator's, who keeps the register of approved
 * versions (R2). Security and administrators may both act on any alert.
 */
const OWNERS: Partial<Record<RuleId, Role>> = { 'app-version.unapproved': 'admin', 'app-function.unapproved': 'admin' };

export function ownerOf(rule: RuleId): Role {
  return OWNERS[rule] ?? 'security';
}

/** What the store holds of an alert, as far as the decisions below need. */
export interface StoredAlertFacts {
  severity: Severity;
  status: AlertStatus;
  evidence: Record<string, unknown>;
}

export type UpsertDecision =
  /** A new condition: store it, record it in the ledger, notify. */
  | { action: 'create' }
  /** Worse than before: raise the severity, take the new evidence, notify again; reopen if it was acknowledged or resolved. */
  | { action: 'escalate'; reopen: boolean }
  /** The same condition, grown: take the new evidence (never a lower severity), no notification. */
  | { action: 'refresh' }
  | { action: 'none' };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Whether a detection carries newer evidence than the stored one. Rules over entries report the
 * last seq they saw; a later run over a shorter look-back window may see less of the same day, and
 * must not shrink the evidence. Counter rules (quota) report what is used.
 */
export function evidenceAdvanced(stored: Record<string, unknown>, fresh: Record<string, unknown>): boolean {
  const [a, b] = [num(stored['lastSeq']), num(fresh['lastSeq'])];
  if (a !== undefined && b !== undefined) return b > a || (b === a && (num(fresh['count']) ?? 0) > (num(stored['count']) ?? 0));
  const [u, v] = [num(stored['used']), num(fresh['used'])];
  if (u !== undefined && v !== undefined) return v > u;
  return JSON.stringify(stored) !== JSON.stringify(fresh);
}

/**
 * What a detection does to the alert stored under its deduplication key. An escalation of an
 * acknowledged or resolved alert reopens it: the officer handled a lesser condition. A resolved
 * alert is otherwise left alone: re-evaluating the same day must not raise it again.
 */
export function decideUpsert(stored: StoredAlertFacts | undefined, draft: Pick<AlertDraft, 'severity' | 'evidence'>): UpsertDecision {
  if (!stored) return { action: 'create' };
  if (SEVERITY_RANK[draft.severity] > SEVERITY_RANK[stored.severity]) return { action: 'escalate', reopen: stored.status !== 'open' };
  if (stored.status === 'resolved') return { action: 'none' };
  return evidenceAdvanced(stored.evidence, draft.evidence) ? { action: 'refresh' } : { action: 'none' };
}

export type AlertAction = 'acknowledge' | 'resolve';

export const MAX_NOTE_LENGTH = 2000;

export type TransitionDecision =
  | { ok: true; from: AlertStatus; to: AlertStatus; note: string | null }
  | { ok: false; reason: 'ALREADY_ACKNOWLEDGED' | 'ALREADY_RESOLVED' | 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' };

/**
 * An officer's action on an alert. Acknowledging takes it from open; resolving needs a note saying
 * what was done and may come straight from open (a false positive needs no separate acknowledgement).
 * A resolved alert is final.
 */
export function decideTransition(current: AlertStatus, action: AlertAction, note?: string): TransitionDecision {
  if (current === 'resolved') return { ok: false, reason: 'ALREADY_RESOLVED' };
  if (action === 'acknowledge') {
    return current === 'open' ? { ok: true, from: current, to: 'acknowledged', note: null } : { ok: false, reason: 'ALREADY_ACKNOWLEDGED' };
  }
  const text = (note ?? '').normalize('NFC').trim();
  if (text.length === 0) return { ok: false, reason: 'NOTE_REQUIRED' };
  if (text.length > MAX_NOTE_LENGTH) return { ok: false, reason: 'NOTE_TOO_LONG' };
  return { ok: true, from: current, to: 'resolved', note: text };
}

/** Whether a notification is sent for an alert of this severity: info stays in the portal inbox. */
export function notifies(severity: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK.warning;
}
