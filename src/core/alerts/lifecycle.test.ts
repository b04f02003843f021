import { describe, expect, it } from 'vitest';
import { decideTransition, decideUpsert, evidenceAdvanced, notifies, ownerOf } from './lifecycle.js';

describe('ownership of an alert', () => {
  it('goes to the security team by default and unapproved versions to the administrator', () => {
    expect(ownerOf('machine-cadence')).toBe('security');
    expect(ownerOf('quota.95')).toBe('security');
    expect(ownerOf('app-version.unapproved')).toBe('admin');
  });
});

describe('a new detection of a stored condition', () => {
  const stored = { severity: 'warning' as const, status: 'open' as const, evidence: { lastSeq: 100, count: 20 } };

  it('creates an alert for a key never seen', () => {
    expect(decideUpsert(undefined, { severity: 'info', evidence: {} })).toEqual({ action: 'create' });
  });

  it('escalates a worse severity, reopening an acknowledged or resolved alert', () => {
    expect(decideUpsert(stored, { severity: 'high', evidence: {} })).toEqual({ action: 'escalate', reopen: false });
    expect(decideUpsert({ ...stored, status: 'acknowledged' }, { severity: 'high', evidence: {} })).toEqual({ action: 'escalate', reopen: true });
    expect(decideUpsert({ ...stored, status: 'resolved' }, { severity: 'critical', evidence: {} })).toEqual({ action: 'escalate', reopen: true });
  });

  it('refreshes the evidence when it moved forward, and never shrinks it', () => {
    expect(decideUpsert(stored, { severity: 'warning', evidence: { lastSeq: 150, count: 40 } })).toEqual({ action: 'refresh' });
    expect(decideUpsert(stored, { severity: 'info', evidence: { lastSeq: 150, count: 40 } })).toEqual({ action: 'refresh' });
    expect(decideUpsert(stored, { severity: 'warning', evidence: { lastSeq: 100, count: 12 } })).toEqual({ action: 'none' });
    expect(decideUpsert(stored, { severity: 'warning', evidence: { lastSeq: 90, count: 50 } })).toEqual({ action: 'none' });
  });

  it('leaves a resolved alert alone when the same condition is seen again', () => {
    expect(decideUpsert({ ...stored, status: 'resolved' }, { severity: 'warning', evidence: { lastSeq: 999 } })).toEqual({ action: 'none' });
  });

  it('compares counter evidence by what is used', () => {
    expect(evidenceAdvanced({ used: 800 }, { used: 850 })).toBe(true);
    expect(evidenceAdvanced({ used: 850 }, { used: 850 })).toBe(false);
    expect(evidenceAdvanced({ seq: 4, reason: 'X' }, { seq: 4, reason: 'X' })).toBe(false);
  });
});

describe('an officer acting on an alert', () => {
  it('acknowledges an open alert once', () => {
    expect(decideTransition('open', 'acknowledge')).toEqual({ ok: true, from: 'open', to: 'acknowledged', note: null });
    expect(decideTransition('acknowledged', 'acknowledge')).toEqual({ ok: false, reason: 'ALREADY_ACKNOWLEDGED' });
  });

  it('resolves with a note, from open or acknowledged, and never again', () => {
    expect(decideTransition('acknowledged', 'resolve', '  Đã làm việc với đơn vị, gỡ công cụ  ')).toEqual({ ok: true, from: 'acknowledged', to: 'resolved', note: 'Đã làm việc với đơn vị, gỡ công cụ' });
    expect(decideTransition('open', 'resolve', 'Báo động nhầm')).toMatchObject({ ok: true, from: 'open', to: 'resolved' });
    expect(decideTransition('open', 'resolve', '   ')).toEqual({ ok: false, reason: 'NOTE_REQUIRED' });
    expect(decideTransition('open', 'resolve', 'x'.repeat(2001))).toEqual({ ok: false, reason: 'NOTE_TOO_LONG' });
    expect(decideTransition('resolved', 'resolve', 'lại')).toEqual({ ok: false, reason: 'ALREADY_RESOLVED' });
    expect(decideTransition('resolved', 'acknowledge')).toEqual({ ok: false, reason: 'ALREADY_RESOLVED' });
  });
});

describe('notification', () => {
  it('is sent from warning up; info stays in the inbox', () => {
    expect(notifies('info')).toBe(false);
    expect(notifies('warning')).toBe(true);
    expect(notifies('critical')).toBe(true);
  });
});
