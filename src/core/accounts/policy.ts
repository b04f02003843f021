/**
 * Account and session rules (R4, R8, R9; TCVN 14423 [S] defaults of DOMAIN §4), as pure decisions.
 * Every number here is a default an administrator can change through the configuration.
 */
import type { Role } from '../../gateway/access.js';

export interface AccountPolicy {
  /** Consecutive failures that lock a login name (TCVN 14423 [S]: 5). */
  readonly maxFailures: number;
  /** How long a lock lasts; an administrator can unlock earlier. */
  readonly lockMs: number;
  readonly idleMs: number;
  /** Administrators hold the keys to everything: a shorter idle timeout. */
  readonly adminIdleMs: number;
  /** A session ends 8 hours after login whatever its activity. */
  readonly absoluteMs: number;
  /** Accounts unused this long are disabled (TCVN 14423 [S]: 45 days). */
  readonly dormantMs: number;
  /** Roles that must use a second factor (TCVN 14423 [S]). */
  readonly mfaRoles: readonly Role[];
  /** One-time activation codes are valid this long. */
  readonly activationMs: number;
}

export const DEFAULT_ACCOUNT_POLICY: AccountPolicy = Object.freeze({
  maxFailures: 5,
  lockMs: 15 * 60_000,
  idleMs: 15 * 60_000,
  adminIdleMs: 5 * 60_000,
  absoluteMs: 8 * 3600_000,
  dormantMs: 45 * 86_400_000,
  mfaRoles: ['admin', 'security'] as const,
  activationMs: 72 * 3600_000,
});

export interface Throttle {
  readonly failures: number;
  readonly lockedUntil: number | null;
}

export function isLocked(t: Throttle | undefined, nowMs: number): boolean {
  return !!t && t.lockedUntil !== null && t.lockedUntil > nowMs;
}

/**
 * After a wrong password. The same counter is kept for unknown login names, so the answers and
 * the lock behave identically whether or not the account exists.
 */
export function afterFailure(t: Throttle | undefined, nowMs: number, p: AccountPolicy): Throttle {
  const expired = t?.lockedUntil !== null && t?.lockedUntil !== undefined && t.lockedUntil <= nowMs;
  const failures = (expired ? 0 : t?.failures ?? 0) + 1;
  return { failures, lockedUntil: failures >= p.maxFailures ? nowMs + p.lockMs : null };
}

export type SessionState = 'live' | 'idle' | 'expired' | 'ended';

export function sessionState(s: { createdAt: number; lastSeenAt: number; endedAt: number | null }, role: Role, nowMs: number, p: AccountPolicy): SessionState {
  if (s.endedAt !== null) return 'ended';
  if (nowMs - s.createdAt >= p.absoluteMs) return 'expired';
  const idle = role === 'admin' ? p.adminIdleMs : p.idleMs;
  return nowMs - s.lastSeenAt >= idle ? 'idle' : 'live';
}

/** What says an account was used: its login history, and its last lookup as the acting person. */
export interface UseFacts {
  lastLoginAt: number | null;
  activatedAt: number | null;
  createdAt: number;
  /**
   * The last lookup or verification made as this person (the ledger's actor), including those a
   * connected system made on their behalf (X-On-Behalf-Of), which use the account without a login.
   * Undefined when not read: the login history alone then decides.
   */
  lastActedAt?: number | null;
}

/**
 * Dormant: no sign of use for the dormancy period (45 days, TCVN 14423): neither a login (or, never
 * logged in, the activation or creation) nor a lookup made as this person.
 */
export function isDormant(u: UseFacts, nowMs: number, p: AccountPolicy): boolean {
  return nowMs - lastUse(u) >= p.dormantMs;
}

/** The last sign of use (ms), for the record of a disabled account. */
export function lastUse(u: UseFacts): number {
  return Math.max(u.lastLoginAt ?? u.activatedAt ?? u.createdAt, u.lastActedAt ?? Number.NEGATIVE_INFINITY);
}

export function mfaRequired(role: Role, p: AccountPolicy): boolean {
  return p.mfaRoles.includes(role);
}

/**
 * What a fresh session may do first: an expired or no-longer-compliant password must be changed,
 * and a role that needs MFA must enrol, before anything else.
 */
export type Restriction = 'password' | 'mfa' | null;

export function restrictionAfterLogin(o: { passwordExpired: boolean; passwordCompliant: boolean; mfaRequired: boolean; mfaEnabled: boolean }): Restriction {
  if (o.passwordExpired || !o.passwordCompliant) return 'password';
  if (o.mfaRequired && !o.mfaEnabled) return 'mfa';
  return null;
}

/** A second live session from another address or browser suggests a shared account (R4, R9). */
export function looksShared(older: { ip: string; agent: string }, newer: { ip: string; agent: string }): boolean {
  return older.ip !== newer.ip || older.agent !== newer.agent;
}
