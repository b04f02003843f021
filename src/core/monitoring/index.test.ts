import { describe, expect, it } from 'vitest';
import { at, context, FakeLedger, sequence } from './fixtures.js';
import { evaluate, RULES } from './index.js';
import { RULE_IDS } from './types.js';

describe('the rule catalogue', () => {
  it('lists every rule exactly once', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it('names a requirement of the letters and describes each rule in Vietnamese and English', () => {
    for (const r of RULES) {
      expect(r.requirement).toMatch(/^R([1-9]|1[01])$/);
      expect(r.description.vi.length).toBeGreaterThan(10);
      expect(r.description.en.length).toBeGreaterThan(10);
    }
  });

  it('makes the province-wide emergencies critical', () => {
    const critical = RULES.filter((r) => r.severity === 'critical').map((r) => r.id).sort();
    expect(critical).toEqual(['ledger.verification-failed', 'upstream.locked']);
  });
});

describe('evaluate', () => {
  const ledger = new FakeLedger();
  sequence(ledger, { actor: 'desk01', start: at('2026-03-05T22:00'), gapMs: 2000, count: 40 });
  ledger.add({ ts: at('2026-03-05T22:30'), operation: 'upstream.locked', outcome: 'UPSTREAM_LOCKED' });

  it('runs every family and returns the most severe first', () => {
    const alerts = evaluate(ledger.entries, context());
    expect(alerts[0]!.rule).toBe('upstream.locked');
    const order = ['critical', 'high', 'warning', 'info'];
    const ranks = alerts.map((a) => order.indexOf(a.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(alerts.map((a) => a.rule))).toEqual(new Set(['upstream.locked', 'machine-cadence', 'enumeration.sequential', 'burst', 'after-hours']));
  });

  it('gives the same answer whatever the order of the entries', () => {
    const shuffled = [...ledger.entries].reverse();
    expect(evaluate(shuffled, context())).toEqual(evaluate(ledger.entries, context()));
  });

  it('returns nothing for an empty ledger and no other inputs', () => {
    expect(evaluate([], context())).toEqual([]);
  });
});
