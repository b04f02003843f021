import { describe, expect, it } from 'vitest';
import { decideAppStatus } from './app-status.js';

describe('suspending, reinstating and revoking a connected system', () => {
  it('suspends an approved system and reinstates a suspended one', () => {
    expect(decideAppStatus('approved', 'suspend')).toEqual({ ok: true, next: 'suspended' });
    expect(decideAppStatus('suspended', 'reinstate')).toEqual({ ok: true, next: 'approved' });
  });

  it('revokes an approved, suspended or pending system, for good', () => {
    for (const s of ['approved', 'suspended', 'pending']) expect(decideAppStatus(s, 'revoke')).toEqual({ ok: true, next: 'revoked' });
    expect(decideAppStatus('revoked', 'reinstate')).toMatchObject({ ok: false });
    expect(decideAppStatus('revoked', 'suspend')).toMatchObject({ ok: false });
  });

  it('never reinstates what was not suspended (a pending system needs its grant)', () => {
    expect(decideAppStatus('pending', 'reinstate')).toMatchObject({ ok: false });
    expect(decideAppStatus('approved', 'reinstate')).toMatchObject({ ok: false });
  });
});
