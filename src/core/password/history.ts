/** The pure half of the password-history rule (TCVN 14423 [S]: no reuse of the last 10 passwords). */

import type { PasswordPolicy } from './policy.js';

/**
 * The stored hashes a new password must be compared with: the last `historySize` entries of `history`.
 *
 * `history` is in chronological order, oldest first, and includes the current password's hash, so the
 * current password counts as one of the last N and cannot be "changed" to itself (letter 004, R8:
 * the 3-monthly change must be a real change).
 *
 * Comparing needs argon2, which is slow and asynchronous, so it belongs to the shell: for each hash in
 * the window, `await verifyPassword(hash, candidate)` (hash.ts); any match refuses the change. The shell
 * also trims what it stores to this window, since older hashes serve no rule and only widen what a
 * database leak hands to an offline attacker.
 *
 * A `historySize` of 0 or less means no history rule, and yields an empty window (not the whole list,
 * which is what `slice(-0)` would give).
 */
export function historyWindow<T>(history: readonly T[], policy: Pick<PasswordPolicy, 'historySize'>): T[] {
  const size = Math.floor(policy.historySize);
  if (!(size > 0)) return [];
  return history.slice(-size);
}
