/**
 * Account hygiene for the working group's report (R4, R8, R9): passwords past their maximum age,
 * administrators and security staff without a second factor, dormant accounts, locked and disabled
 * ones. Pure: the shell gives the accounts, `now` and the policies.
 */
import type { AccountPolicy } from '../accounts/policy.js';
import { isDormant, mfaRequired } from '../accounts/policy.js';
import { isRole } from '../../gateway/access.js';
import { passwordExpired, type PasswordPolicy } from '../password/policy.js';

export interface AccountFacts {
  username: string;
  unitCode: string;
  role: string;
  status: string;
  passwordChangedAt: number | null;
  mfaEnabled: boolean;
  lastLoginAt: number | null;
  activatedAt: number | null;
  createdAt: number;
  lockedUntil: number | null;
  serviceAccount: boolean;
  /** The last lookup made as this person, when read (core/accounts/policy.ts `UseFacts`). */
  lastActedAt?: number | null;
}

export type HygieneIssue = 'PASSWORD_EXPIRED' | 'NO_MFA' | 'DORMANT' | 'LOCKED' | 'DISABLED';

export const ISSUE_LABEL: Record<HygieneIssue, { vi: string; en: string; rule: string }> = {
  PASSWORD_EXPIRED: { vi: 'Mật khẩu quá hạn (trên 90 ngày chưa đổi)', en: 'Password past its maximum age', rule: 'R8' },
  NO_MFA: { vi: 'Quản trị/an ninh mạng chưa bật xác thực hai lớp', en: 'Administrator or security account without MFA', rule: 'R8' },
  DORMANT: { vi: 'Không hoạt động từ 45 ngày trở lên', en: 'Dormant: no activity for 45 days or more', rule: 'R9' },
  LOCKED: { vi: 'Đang bị khóa do đăng nhập sai nhiều lần', en: 'Locked after repeated failed logins', rule: 'R4' },
  DISABLED: { vi: 'Đã vô hiệu hóa', en: 'Disabled', rule: 'R9' },
};

export interface HygieneFinding {
  username: string;
  unitCode: string;
  role: string;
  issue: HygieneIssue;
}

/** Every issue of every account, in a stable order (issue, unit, username). */
export function accountHygiene(accounts: readonly AccountFacts[], nowMs: number, p: { account: AccountPolicy; password: PasswordPolicy }): HygieneFinding[] {
  const out: HygieneFinding[] = [];
  const now = new Date(nowMs);
  for (const a of accounts) {
    const add = (issue: HygieneIssue) => out.push({ username: a.username, unitCode: a.unitCode, role: a.role, issue });
    if (a.status === 'disabled') {
      add('DISABLED');
      continue;
    }
    if (a.status !== 'active') continue;
    if (a.passwordChangedAt !== null && passwordExpired(new Date(a.passwordChangedAt), now, p.password)) add('PASSWORD_EXPIRED');
    if (isRole(a.role) && mfaRequired(a.role, p.account) && !a.mfaEnabled) add('NO_MFA');
    if (!a.serviceAccount && isDormant(a, nowMs, p.account)) add('DORMANT');
    if (a.lockedUntil !== null && a.lockedUntil > nowMs) add('LOCKED');
  }
  const order = Object.keys(ISSUE_LABEL);
  return out.sort((x, y) => order.indexOf(x.issue) - order.indexOf(y.issue) || x.unitCode.localeCompare(y.unitCode) || x.username.localeCompare(y.username));
}
