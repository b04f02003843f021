/**
 * The dormancy sweep (R9; TCVN 14423: accounts unused for 45 days are disabled). It runs with the
 * monitoring job, so an account nobody uses is disabled when its time comes rather than at its next
 * login — which for a person acting only through a connected system never comes. Use is a login or
 * a lookup made as the person (core/accounts/policy.ts `isDormant`); the ledger is read only for
 * accounts whose logins alone say dormant. Each disabling is recorded in the ledger first, then
 * applied; the account's sessions end with it.
 */
import { randomUUID } from 'node:crypto';
import { lastUse, type AccountPolicy } from '../core/accounts/policy.js';
import { activePeople, disableDormant, dormancyOf, endSessions } from '../storage/accounts.js';
import type { Storage } from '../storage/db.js';
import { draft, type Ledger } from '../storage/ledger-writer.js';

const DAY_MS = 86_400_000;

export interface DormancySweepDeps {
  readonly storage: Storage;
  readonly ledger: Ledger;
  readonly policy: AccountPolicy;
  readonly now: () => Date;
}

/** Disables every active personal account found dormant; returns their usernames. */
export async function sweepDormantAccounts(deps: DormancySweepDeps): Promise<string[]> {
  const db = deps.storage.db;
  const nowMs = deps.now().getTime();
  const disabled: string[] = [];
  for (const u of await activePeople(db)) {
    const { dormant, facts } = await dormancyOf(db, u.username, { lastLoginAt: u.last_login_at, activatedAt: u.activated_at, createdAt: u.created_at }, nowMs, deps.policy);
    if (!dormant) continue;
    const last = lastUse(facts);
    await deps.ledger.append(draft({
      request_id: `dormancy-${randomUUID()}`, category: 'account', operation: 'account.disabled', outcome: 'ACCOUNT_DISABLED',
      actor: u.username.slice(0, 64), unit_code: u.unit_code,
      detail: { reason: 'dormant', by: 'dormancy sweep', lastUse: new Date(last).toISOString(), inactiveDays: Math.floor((nowMs - last) / DAY_MS), thresholdDays: deps.policy.dormantMs / DAY_MS },
    }));
    if (await disableDormant(db, u.id, nowMs)) {
      await endSessions(db, { userId: u.id }, 'dormant', nowMs);
      disabled.push(u.username);
    } else {
      // Changed meanwhile (an administrator disabled or re-enabled it): the record says so.
      await deps.ledger.append(draft({
        request_id: `dormancy-${randomUUID()}`, category: 'account', operation: 'account.disable-skipped', outcome: 'OK',
        actor: u.username.slice(0, 64), unit_code: u.unit_code, detail: { reason: 'account changed before the dormancy sweep applied' },
      }));
    }
  }
  return disabled;
}
