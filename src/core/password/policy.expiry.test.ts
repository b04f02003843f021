import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordExpired, passwordExpiresAt } from './policy.js';

const DAY = 86_400_000;
const changedAt = new Date('2026-01-01T00:00:00.000Z');

describe('password expiry (letter 004: change at least every 3 months)', () => {
  it('expires 90 days after the change', () => {
    expect(passwordExpiresAt(changedAt, DEFAULT_PASSWORD_POLICY).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('is still valid one millisecond before 90 days', () => {
    expect(passwordExpired(changedAt, new Date(changedAt.getTime() + 90 * DAY - 1), DEFAULT_PASSWORD_POLICY)).toBe(false);
  });

  it('has expired at exactly 90 days', () => {
    expect(passwordExpired(changedAt, new Date(changedAt.getTime() + 90 * DAY), DEFAULT_PASSWORD_POLICY)).toBe(true);
  });

  it('is valid right after the change and expired long after', () => {
    expect(passwordExpired(changedAt, changedAt, DEFAULT_PASSWORD_POLICY)).toBe(false);
    expect(passwordExpired(changedAt, new Date('2027-01-01T00:00:00Z'), DEFAULT_PASSWORD_POLICY)).toBe(true);
  });

  it('follows a configured maximum age', () => {
    const policy = { ...DEFAULT_PASSWORD_POLICY, maxAgeDays: 30 };
    expect(passwordExpired(changedAt, new Date(changedAt.getTime() + 30 * DAY), policy)).toBe(true);
    expect(passwordExpired(changedAt, new Date(changedAt.getTime() + 29 * DAY), policy)).toBe(false);
  });

  it('fails closed on an invalid date', () => {
    expect(passwordExpired(new Date(Number.NaN), changedAt, DEFAULT_PASSWORD_POLICY)).toBe(true);
    expect(passwordExpired(changedAt, new Date(Number.NaN), DEFAULT_PASSWORD_POLICY)).toBe(true);
  });
});
