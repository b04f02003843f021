import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_TIMEZONE, resolveOptions, type SimulatorOptions } from './options.js';

const base: SimulatorOptions = { accounts: [{ name: 'tinh-a', token: 't-a' }], dailyThreshold: 10 };

describe('resolveOptions', () => {
  it('fills defaults: no latency, no faults, Vietnam time, a seeded fault generator', () => {
    const o = resolveOptions(base);
    expect(o).toMatchObject({ latencyMs: 0, errorRate: 0, timezone: DEFAULT_SIMULATOR_TIMEZONE, logger: false, adminToken: null });
    expect(o.accounts).toEqual([{ name: 'tinh-a', token: 't-a', threshold: 10 }]);
    expect(resolveOptions(base).random()).toBe(o.random());
  });

  it('lets an account carry its own threshold', () => {
    const o = resolveOptions({ ...base, accounts: [{ name: 'x', token: 'y', dailyThreshold: 3 }] });
    expect(o.accounts[0]?.threshold).toBe(3);
  });

  it.each<[string, Partial<SimulatorOptions>]>([
    ['no accounts', { accounts: [] }],
    ['a negative threshold', { dailyThreshold: -1 }],
    ['a fractional threshold', { dailyThreshold: 1.5 }],
    ['an error rate above 1', { errorRate: 1.5 }],
    ['a NaN error rate', { errorRate: Number.NaN }],
    ['negative latency', { latencyMs: -5 }],
    ['an unknown time zone', { timezone: 'Asia/Atlantis' }],
    ['an account name unfit for a URL', { accounts: [{ name: 'a/b', token: 't' }] }],
    ['two accounts with one name', { accounts: [{ name: 'a', token: 't1' }, { name: 'a', token: 't2' }] }],
    ['two accounts with one token', { accounts: [{ name: 'a', token: 't' }, { name: 'b', token: 't' }] }],
    ['an empty token', { accounts: [{ name: 'a', token: '' }] }],
    ['an empty admin token', { adminToken: '' }],
  ])('refuses %s', (_label, patch) => {
    expect(() => resolveOptions({ ...base, ...patch })).toThrow(RangeError);
  });
});
