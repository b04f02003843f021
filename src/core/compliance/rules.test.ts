import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './instruments.js';
import { contentHash, currentRuleSet, rulesInForce, type LocalRule } from './rules.js';

const rule = (o: Partial<LocalRule>): LocalRule => ({ id: 1, unitId: null, code: 'QC-01', title: 'Quy chế', version: '1', effectiveFrom: '2026-01-01', contentHash: contentHash('Điều 1.'), ...o });
const UNIT = 7;
const TODAY = '2026-10-15';
const version = (rules: LocalRule[], today = TODAY, unitId = UNIT) => currentRuleSet(INSTRUMENTS, rules, unitId, today).version;

describe('the set of rules in force and its version (R11)', () => {
  it('keeps, per code and scope, the latest version already in force', () => {
    const rules = [rule({ id: 1, version: '1' }), rule({ id: 2, version: '2', effectiveFrom: '2026-09-01' }), rule({ id: 3, version: '3', effectiveFrom: '2026-11-01' })];
    expect(rulesInForce(rules, UNIT, TODAY).map((r) => r.version)).toEqual(['2']);
    expect(rulesInForce(rules, UNIT, '2026-11-01').map((r) => r.version)).toEqual(['3']);
  });

  it('applies province-wide rules and the unit\'s own, never another unit\'s', () => {
    const rules = [rule({ id: 1 }), rule({ id: 2, unitId: UNIT, code: 'QC-DV' }), rule({ id: 3, unitId: 8, code: 'QC-KHAC' })];
    expect(rulesInForce(rules, UNIT, TODAY).map((r) => r.code)).toEqual(['QC-01', 'QC-DV']);
  });

  it('changes the version when a rule is added, re-versioned, or its text edited', () => {
    const base = [rule({})];
    expect(version(base)).toBe(version([rule({})]));
    expect(version([...base, rule({ id: 2, code: 'QC-02' })])).not.toBe(version(base));
    expect(version([rule({ version: '1.1' })])).not.toBe(version(base));
    expect(version([rule({ contentHash: contentHash('Điều 1 (sửa).') })])).not.toBe(version(base));
  });

  it('keeps the version when another unit\'s rules change', () => {
    expect(version([rule({}), rule({ id: 2, unitId: 8, code: 'QC-KHAC' })])).toBe(version([rule({})]));
  });

  it('changes the version when an instrument comes into force or lapses', () => {
    // Luật 117/2025/QH15 replaced the 2018 law on 01/3/2026.
    expect(version([], '2026-02-28')).not.toBe(version([], '2026-03-01'));
    expect(version([], '2026-03-02')).toBe(version([], '2026-03-01'));
    const set = currentRuleSet(INSTRUMENTS, [], UNIT, '2026-03-01');
    expect(set.instruments.map((i) => i.id)).toContain('luat-bvbmnn-2025');
    expect(set.instruments.map((i) => i.id)).not.toContain('luat-bvbmnn-2018');
  });

  it('hashes the text after Unicode normalisation, so the same words give the same version', () => {
    expect(contentHash('Quy đinh'.normalize('NFD'))).toBe(contentHash('Quy đinh'.normalize('NFC')));
  });
});
