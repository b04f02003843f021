import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/index.js';
import { decideSubmission, type SubmissionInput } from './submission.js';

const calendar = buildCalendar([2026, 2027]);
const catalogue = new Map([
  ['1.001193', { fields: ['idNumber', 'fullName', 'dateOfBirth'], active: true }],
  ['1.004222', { fields: ['idNumber', 'permanentAddress'], active: true }],
  ['9.000001', { fields: ['religion'], active: false }],
]);
const manager = { username: 'lanhdao', role: 'manager' as const, unitId: 1 };
const connection = (over: Partial<SubmissionInput> = {}): SubmissionInput => ({
  kind: 'new_connection', actor: manager, today: '2026-02-13', plannedDate: '2026-03-07', calendar, app: null, securityLevel: 3,
  procedures: ['1.001193'], fields: ['fullName'], catalogue, ...over,
});
const change = (over: Partial<SubmissionInput>): SubmissionInput => ({
  kind: 'new_version', actor: manager, today: '2026-02-13', plannedDate: '2026-03-07', calendar, app: { unitId: 1, status: 'approved', procedures: ['1.001193'] }, catalogue, ...over,
});

describe('the 10-working-day notice (R2)', () => {
  it('accepts the earliest permitted date, across Tết 2026, and returns it', () => {
    expect(decideSubmission(connection())).toEqual({ ok: true, earliest: '2026-03-07' });
  });

  it('refuses the day before, naming the earliest date in Vietnamese and in English', () => {
    const d = decideSubmission(connection({ plannedDate: '2026-03-06' }));
    expect(d).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(!d.ok && d.message?.vi).toContain('07/03/2026');
    expect(!d.ok && d.message?.en).toContain('2026-03-07');
  });

  it('refuses a malformed date and a date more than two years ahead', () => {
    expect(decideSubmission(connection({ plannedDate: '2026-02-30' }))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    expect(decideSubmission(connection({ plannedDate: '2029-01-01' }))).toMatchObject({ ok: false, code: 'INVALID_REQUEST', reason: 'planned date too far' });
  });
});

describe('who submits what', () => {
  it('lets only a unit head submit, for the unit\'s own systems', () => {
    expect(decideSubmission(connection({ actor: { ...manager, role: 'admin' } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideSubmission(change({ app: { unitId: 2, status: 'approved', procedures: [] } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('accepts changes only to a system approved for connection (or suspended, to fix it)', () => {
    expect(decideSubmission(change({ app: { unitId: 1, status: 'suspended', procedures: [] } }))).toMatchObject({ ok: true });
    for (const status of ['pending', 'rejected', 'revoked']) expect(decideSubmission(change({ app: { unitId: 1, status, procedures: [] } }))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('refuses a new connection below security level 3 (Thông tư 46/2022/TT-BCA Art. 6)', () => {
    expect(decideSubmission(connection({ securityLevel: 2 }))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('refuses a version already approved or pending, but lets a rejected one be submitted again', () => {
    expect(decideSubmission(change({ existingVersionStatus: 'approved' }))).toMatchObject({ ok: false });
    expect(decideSubmission(change({ existingVersionStatus: 'pending' }))).toMatchObject({ ok: false });
    expect(decideSubmission(change({ existingVersionStatus: 'rejected' }))).toMatchObject({ ok: true });
  });

  it('refuses a device whose hostname is taken or whose address is not an IP address', () => {
    expect(decideSubmission(change({ kind: 'new_device', hostnameTaken: true }))).toMatchObject({ ok: false });
    expect(decideSubmission(change({ kind: 'new_device', addresses: ['10.0.0.300'] }))).toMatchObject({ ok: false });
    expect(decideSubmission(change({ kind: 'new_device', addresses: ['10.0.0.30', 'fe80::1'] }))).toMatchObject({ ok: true });
  });
});

describe('procedures and fields (data minimisation)', () => {
  it('refuses a procedure missing from the catalogue or withdrawn from it', () => {
    expect(decideSubmission(connection({ procedures: ['1.999999'] }))).toMatchObject({ ok: false, code: 'UNKNOWN_PROCEDURE' });
    expect(decideSubmission(connection({ procedures: ['9.000001'], fields: [] }))).toMatchObject({ ok: false, code: 'UNKNOWN_PROCEDURE' });
  });

  it('refuses fields outside the procedures named', () => {
    expect(decideSubmission(connection({ fields: ['fullName', 'permanentAddress'] }))).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
  });

  it('lets a new function add fields of the system\'s procedures or of new ones, but not nothing', () => {
    expect(decideSubmission(change({ kind: 'new_function', procedures: [], fields: ['dateOfBirth'] }))).toMatchObject({ ok: true });
    expect(decideSubmission(change({ kind: 'new_function', procedures: ['1.004222'], fields: ['permanentAddress'] }))).toMatchObject({ ok: true });
    expect(decideSubmission(change({ kind: 'new_function', procedures: [], fields: [] }))).toMatchObject({ ok: false });
  });
});
