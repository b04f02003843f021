import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountBook, FRESH_ACCOUNT, callsOn, recordCall, unlockAccount } from './accounts.js';

describe('recordCall', () => {
  it('serves calls up to the threshold and locks on the call past it', () => {
    let s = FRESH_ACCOUNT;
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = recordCall(s, '2026-03-10', 3);
      s = r.state;
      outcomes.push(r.outcome);
    }
    expect(outcomes).toEqual(['serve', 'serve', 'serve', 'locked']);
    expect(s).toEqual({ day: '2026-03-10', callsToday: 4, totalCalls: 4, locked: true });
  });

  it('starts a new count on a new day but keeps the lock', () => {
    const locked = { day: '2026-03-10', callsToday: 9, totalCalls: 9, locked: true };
    const r = recordCall(locked, '2026-03-11', 3);
    expect(r.outcome).toBe('locked');
    expect(r.state).toEqual({ day: '2026-03-11', callsToday: 1, totalCalls: 10, locked: true });
  });

  it('starts a new count on a new day for an unlocked account', () => {
    const full = { day: '2026-03-10', callsToday: 3, totalCalls: 3, locked: false };
    expect(recordCall(full, '2026-03-11', 3).outcome).toBe('serve');
  });

  it('locks on the first call when the threshold is zero', () => {
    expect(recordCall(FRESH_ACCOUNT, '2026-03-10', 0).outcome).toBe('locked');
  });

  it('never serves more than the threshold in a day, and never serves again once locked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.constantFrom('2026-03-10', '2026-03-11', '2026-03-12'), { maxLength: 200 }).map((d) => d.sort()),
        (threshold, days) => {
          let s = FRESH_ACCOUNT;
          const served = new Map<string, number>();
          let lockedSeen = false;
          for (const day of days) {
            const r = recordCall(s, day, threshold);
            s = r.state;
            if (lockedSeen) expect(r.outcome).toBe('locked');
            if (r.outcome === 'locked') lockedSeen = true;
            else served.set(day, (served.get(day) ?? 0) + 1);
          }
          for (const n of served.values()) expect(n).toBeLessThanOrEqual(threshold);
          expect(s.totalCalls).toBe(days.length);
        },
      ),
    );
  });
});

describe('unlockAccount', () => {
  it('clears the lock and today\'s count but keeps the total', () => {
    const s = unlockAccount({ day: '2026-03-10', callsToday: 7, totalCalls: 12, locked: true }, '2026-03-10');
    expect(s).toEqual({ day: '2026-03-10', callsToday: 0, totalCalls: 12, locked: false });
    expect(recordCall(s, '2026-03-10', 3).outcome).toBe('serve');
  });
});

describe('callsOn', () => {
  it('shows zero for a count from an earlier day', () => {
    const s = { day: '2026-03-10', callsToday: 5, totalCalls: 5, locked: false };
    expect(callsOn(s, '2026-03-10')).toBe(5);
    expect(callsOn(s, '2026-03-11')).toBe(0);
  });
});

describe('AccountBook', () => {
  it('keeps each account\'s count and threshold apart', () => {
    const book = new AccountBook([{ name: 'a', threshold: 1 }, { name: 'b', threshold: 5 }]);
    expect(book.record('a', 'd')).toBe('serve');
    expect(book.record('a', 'd')).toBe('locked');
    expect(book.record('b', 'd')).toBe('serve');
    expect(book.stats('d')).toEqual({
      calls: 3,
      day: 'd',
      byAccount: {
        a: { calls: 2, totalCalls: 2, locked: true, threshold: 1 },
        b: { calls: 1, totalCalls: 1, locked: false, threshold: 5 },
      },
    });
  });

  it('resets every account to zero and unlocked', () => {
    const book = new AccountBook([{ name: 'a', threshold: 0 }]);
    book.record('a', 'd');
    book.reset();
    expect(book.stats('d')).toEqual({ calls: 0, day: 'd', byAccount: { a: { calls: 0, totalCalls: 0, locked: false, threshold: 0 } } });
  });

  it('refuses to unlock an account it does not know', () => {
    expect(new AccountBook([{ name: 'a', threshold: 1 }]).unlock('b', 'd')).toBe(false);
  });
});
