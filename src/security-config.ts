/**
 * The security parameters of DOMAIN.md §4, parsed once by `loadConfig` into `Config.security`.
 * The defaults satisfy every source; each may be changed where its source is not the letter itself.
 * Letter 004 (R8) [V] sets floors that no setting may go below: passwords of at least 8 characters,
 * changed at least every 3 months (90 days). The TCVN 14423 parameters [S] are the province's to tune.
 */
import { DEFAULT_ACCOUNT_POLICY, type AccountPolicy } from './core/accounts/policy.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './core/password/index.js';
import { intIn } from './env.js';
import { ROLES, type Role } from './gateway/access.js';

export interface SecurityPolicies {
  readonly account: AccountPolicy;
  readonly password: PasswordPolicy;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export function parseSecurityEnv(get: (name: string) => string | undefined, problems: string[]): SecurityPolicies {
  const num = (name: string, fallback: number, min: number, max: number) => intIn(name, get(name) ?? String(fallback), min, max, problems);
  const a = DEFAULT_ACCOUNT_POLICY;
  const p = DEFAULT_PASSWORD_POLICY;

  const rawRoles = get('DANCU_MFA_ROLES');
  let mfaRoles: readonly Role[] = a.mfaRoles;
  if (rawRoles !== undefined) {
    const named = rawRoles.split(',').map((r) => r.trim()).filter((r) => r.length > 0);
    const unknown = named.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length > 0) problems.push(`DANCU_MFA_ROLES: not a role: ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`);
    else mfaRoles = [...new Set(named)] as Role[];
  }

  const account: AccountPolicy = Object.freeze({
    ...a,
    maxFailures: num('DANCU_LOCKOUT_FAILURES', a.maxFailures, 1, 100),
    lockMs: num('DANCU_LOCKOUT_MINUTES', a.lockMs / MINUTE, 1, 7 * 24 * 60) * MINUTE,
    idleMs: num('DANCU_SESSION_IDLE_MINUTES', a.idleMs / MINUTE, 1, 8 * 60) * MINUTE,
    adminIdleMs: num('DANCU_ADMIN_SESSION_IDLE_MINUTES', a.adminIdleMs / MINUTE, 1, 8 * 60) * MINUTE,
    dormantMs: num('DANCU_DORMANT_DAYS', a.dormantMs / DAY, 1, 3650) * DAY,
    mfaRoles: Object.freeze(mfaRoles),
  });
  const password: PasswordPolicy = Object.freeze({
    ...p,
    // Letter 004: at least 8 characters; at least every 3 months.
    minLength: num('DANCU_PASSWORD_MIN_LENGTH', p.minLength, 8, 128),
    maxAgeDays: num('DANCU_PASSWORD_MAX_AGE_DAYS', p.maxAgeDays, 1, 90),
    historySize: num('DANCU_PASSWORD_HISTORY', p.historySize, 0, 50),
  });
  return Object.freeze({ account, password });
}
