import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_POLICY, isDormant, lastUse } from './policy.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-24T02:00:00Z');
const ago = (days: number) => NOW - days * DAY;

describe('dormant accounts (45 days without use, TCVN 14423)', () => {
  it('counts from the last login, or, never logged in, from the activation or the creation', () => {
    expect(isDormant({ lastLoginAt: ago(45), activatedAt: ago(300), createdAt: ago(300) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(true);
    expect(isDormant({ lastLoginAt: ago(44), activatedAt: ago(300), createdAt: ago(300) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(false);
    expect(isDormant({ lastLoginAt: null, activatedAt: ago(10), createdAt: ago(300) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(false);
    expect(isDormant({ lastLoginAt: null, activatedAt: null, createdAt: ago(46) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(true);
  });

  it('counts a lookup made as the person (a connected system on their behalf) as use, whichever came last', () => {
    const oldLogin = { lastLoginAt: ago(90), activatedAt: ago(300), createdAt: ago(300) };
    expect(isDormant({ ...oldLogin, lastActedAt: ago(5) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(false);
    expect(isDormant({ ...oldLogin, lastActedAt: ago(50) }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(true);
    expect(isDormant({ ...oldLogin, lastActedAt: null }, NOW, DEFAULT_ACCOUNT_POLICY)).toBe(true);
    expect(lastUse({ ...oldLogin, lastActedAt: ago(50) })).toBe(ago(50));
    expect(lastUse({ lastLoginAt: ago(3), activatedAt: ago(300), createdAt: ago(300), lastActedAt: ago(50) })).toBe(ago(3));
  });
});
