import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_POLICY } from '../accounts/policy.js';
import { DEFAULT_PASSWORD_POLICY } from '../password/policy.js';
import { accountHygiene, type AccountFacts } from './hygiene.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-31T03:00:00Z');
const policy = { account: DEFAULT_ACCOUNT_POLICY, password: DEFAULT_PASSWORD_POLICY };
const base: AccountFacts = {
  username: 'motcua01', unitCode: 'U1', role: 'operator', status: 'active', passwordChangedAt: NOW - 10 * DAY, mfaEnabled: false,
  lastLoginAt: NOW - DAY, activatedAt: NOW - 100 * DAY, createdAt: NOW - 100 * DAY, lockedUntil: null, serviceAccount: false,
};

describe('account hygiene', () => {
  it('finds nothing wrong with a recently used operator with a fresh password', () => {
    expect(accountHygiene([base], NOW, policy)).toEqual([]);
  });

  it('names expired passwords, privileged accounts without MFA, dormant and locked accounts', () => {
    const found = accountHygiene([
      { ...base, username: 'cu', passwordChangedAt: NOW - 90 * DAY },
      { ...base, username: 'quantri', role: 'admin' },
      { ...base, username: 'anninh', role: 'security', mfaEnabled: true },
      { ...base, username: 'vangmat', lastLoginAt: NOW - 45 * DAY },
      { ...base, username: 'khoa', lockedUntil: NOW + 60_000 },
      { ...base, username: 'nghiviec', status: 'disabled' },
    ], NOW, policy);
    expect(found.map((f) => `${f.issue}:${f.username}`)).toEqual(['PASSWORD_EXPIRED:cu', 'NO_MFA:quantri', 'DORMANT:vangmat', 'LOCKED:khoa', 'DISABLED:nghiviec']);
  });

  it('does not call a named service account dormant (R7)', () => {
    expect(accountHygiene([{ ...base, serviceAccount: true, lastLoginAt: null, activatedAt: NOW - 200 * DAY }], NOW, policy)).toEqual([]);
  });
});
