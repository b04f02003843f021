import { describe, expect, it } from 'vitest';
import { acknowledgementAdmission, acknowledgementStatus } from './acknowledgement.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 9, 15);

describe('whether an acknowledgement of the rules is current (R11)', () => {
  it('requires one before the first lookup', () => {
    expect(acknowledgementStatus(null, 'v2', NOW)).toEqual({ current: false, reason: 'never' });
  });

  it('holds for a year for the version acknowledged', () => {
    expect(acknowledgementStatus({ version: 'v2', at: NOW - 364 * DAY }, 'v2', NOW)).toEqual({ current: true, expiresAt: NOW + DAY });
    expect(acknowledgementStatus({ version: 'v2', at: NOW - 365 * DAY }, 'v2', NOW)).toEqual({ current: false, reason: 'expired' });
  });

  it('lapses as soon as the rules change', () => {
    expect(acknowledgementStatus({ version: 'v1', at: NOW - DAY }, 'v2', NOW)).toEqual({ current: false, reason: 'rules_changed' });
  });

  it('follows the validity period of the policy given', () => {
    expect(acknowledgementStatus({ version: 'v2', at: NOW - 40 * DAY }, 'v2', NOW, { validityDays: 30 })).toEqual({ current: false, reason: 'expired' });
  });

  it('refuses a lookup with ACKNOWLEDGEMENT_REQUIRED only while the requirement is on', () => {
    expect(acknowledgementAdmission(true, null, 'v2', NOW)).toEqual({ ok: false, code: 'ACKNOWLEDGEMENT_REQUIRED', detail: 'rules v2: never' });
    expect(acknowledgementAdmission(false, null, 'v2', NOW)).toEqual({ ok: true });
    expect(acknowledgementAdmission(true, { version: 'v2', at: NOW }, 'v2', NOW)).toEqual({ ok: true });
  });
});
