import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const CWD = '/srv/dancu';

describe('DANCU_LEDGER_RETENTION_MONTHS', () => {
  it('defaults to 24 months', () => {
    expect(loadConfig({}, CWD).ledgerRetentionMonths).toBe(24);
  });

  it('accepts 12 months or more', () => {
    expect(loadConfig({ DANCU_LEDGER_RETENTION_MONTHS: '12' }, CWD).ledgerRetentionMonths).toBe(12);
    expect(loadConfig({ DANCU_LEDGER_RETENTION_MONTHS: '60' }, CWD).ledgerRetentionMonths).toBe(60);
  });

  it.each(['11', '0', '-24', '18.5', 'hai năm'])('refuses %s and names the variable', (raw) => {
    expect(() => loadConfig({ DANCU_LEDGER_RETENTION_MONTHS: raw }, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({ DANCU_LEDGER_RETENTION_MONTHS: raw }, CWD)).toThrow(/DANCU_LEDGER_RETENTION_MONTHS/);
  });
});
