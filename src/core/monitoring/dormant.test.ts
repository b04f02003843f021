import { describe, expect, it } from 'vitest';
import { dormantAlerts } from './dormant.js';
import { at, context, FakeLedger } from './fixtures.js';
import type { UserFacts } from './types.js';

const DAY = 86_400_000;
const when = at('2026-03-05T09:00');

function used(actor = 'het01'): FakeLedger {
  const l = new FakeLedger();
  l.lookup({ ts: when, actor });
  l.lookup({ ts: when + 60_000, actor });
  return l;
}

const user = (o: Partial<UserFacts>): UserFacts => ({ username: 'het01', lastLoginAt: null, ...o });

describe('use of a dormant account (R9, R4)', () => {
  it('fires for lookups on behalf of an account last seen 46 days before, once that day', () => {
    const alerts = dormantAlerts(used().entries, context({ users: [user({ lastLoginAt: when - 46 * DAY })] }));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'account.dormant-use', severity: 'high', requirement: 'R9', dedupKey: 'account.dormant-use|actor:het01|2026-03-05' });
    // Two requests, each a reservation and a result: four entries by the account that day.
    expect(alerts[0]!.evidence).toMatchObject({ inactiveDays: 46, thresholdDays: 45, count: 4 });
  });

  it('does not fire for an account used 44 days after its last login', () => {
    expect(dormantAlerts(used().entries, context({ users: [user({ lastLoginAt: when - 44 * DAY })] }))).toEqual([]);
  });

  it('counts from activation, then creation, for an account that never logged in', () => {
    expect(dormantAlerts(used().entries, context({ users: [user({ activatedAt: when - 50 * DAY })] }))).toHaveLength(1);
    expect(dormantAlerts(used().entries, context({ users: [user({ createdAt: when - 50 * DAY })] }))).toHaveLength(1);
    expect(dormantAlerts(used().entries, context({ users: [user({ activatedAt: when - 5 * DAY, createdAt: when - 50 * DAY })] }))).toEqual([]);
  });

  it('fires on a gap of 45 days between two entries of the account, not on the first one', () => {
    const l = new FakeLedger();
    l.lookup({ ts: when - 45 * DAY, actor: 'het01' });
    l.lookup({ ts: when, actor: 'het01' });
    const alerts = dormantAlerts(l.entries, context({ users: [user({ lastLoginAt: when - 50 * DAY })] }));
    expect(alerts.map((a) => a.dedupKey)).toEqual(['account.dormant-use|actor:het01|2026-03-05']);
  });

  it('judges nobody it knows nothing about, and ignores a login later than the entry', () => {
    expect(dormantAlerts(used().entries, context())).toEqual([]);
    expect(dormantAlerts(used('other').entries, context({ users: [user({ lastLoginAt: 0 })] }))).toEqual([]);
    expect(dormantAlerts(used().entries, context({ users: [user({})] }))).toEqual([]);
    expect(dormantAlerts(used().entries, context({ users: [user({ lastLoginAt: when + DAY })] }))).toEqual([]);
  });

  it('follows a configured period', () => {
    const ctx = context({ users: [user({ lastLoginAt: when - 31 * DAY })], thresholds: { dormant: { inactiveDays: 30 } } });
    expect(dormantAlerts(used().entries, ctx)).toHaveLength(1);
  });
});
