/**
 * Whether a person's acknowledgement of the rules is current (R11, letter 004: staff are made aware
 * of the personal-data and identity laws). It is current when it names the version of the set in
 * force now and was given within the validity period (a year by default): so it is needed before
 * the first lookup, again every year, and again whenever the rules change.
 */

export interface AcknowledgementPolicy {
  /** How long an acknowledgement stays valid. */
  readonly validityDays: number;
}

export const DEFAULT_ACKNOWLEDGEMENT_POLICY: AcknowledgementPolicy = Object.freeze({ validityDays: 365 });

export interface LastAcknowledgement {
  readonly version: string;
  readonly at: number;
}

export type AcknowledgementStatus =
  | { readonly current: true; readonly expiresAt: number }
  | { readonly current: false; readonly reason: 'never' | 'rules_changed' | 'expired' };

export function acknowledgementStatus(last: LastAcknowledgement | null, currentVersion: string, now: number, policy: AcknowledgementPolicy = DEFAULT_ACKNOWLEDGEMENT_POLICY): AcknowledgementStatus {
  if (!last) return { current: false, reason: 'never' };
  if (last.version !== currentVersion) return { current: false, reason: 'rules_changed' };
  const expiresAt = last.at + policy.validityDays * 86_400_000;
  if (now >= expiresAt) return { current: false, reason: 'expired' };
  return { current: true, expiresAt };
}

export type AcknowledgementDecision = { readonly ok: true } | { readonly ok: false; readonly code: 'ACKNOWLEDGEMENT_REQUIRED'; readonly detail: string };

/** The admission decision: nothing to check when the requirement is off. */
export function acknowledgementAdmission(required: boolean, last: LastAcknowledgement | null, currentVersion: string, now: number, policy: AcknowledgementPolicy = DEFAULT_ACKNOWLEDGEMENT_POLICY): AcknowledgementDecision {
  if (!required) return { ok: true };
  const s = acknowledgementStatus(last, currentVersion, now, policy);
  return s.current ? { ok: true } : { ok: false, code: 'ACKNOWLEDGEMENT_REQUIRED', detail: `rules ${currentVersion}: ${s.reason}` };
}
