/** Admission: every refusal a lookup can meet before any quota is spent, and its code. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdNumberCheck } from '../id-number.js';
import { DOSSIER_CODE, MAX_PURPOSE_LENGTH, allowedFields, checkActingUser, checkAppScope, checkSecurityLevel, widenScope, checkAppAccess, checkPurpose, type PurposeInput } from './admission.js';
import { CITIZEN_FIELDS } from './fields.js';

const VALID_ID: IdNumberCheck = {
  status: 'valid',
  idNumber: '001099012345',
  provinceCode: '001',
  birthRegistrationProvince: 'Hà Nội',
  gender: 'male',
  birthYear: 1999,
};

const GOOD: PurposeInput = {
  idCheck: VALID_ID,
  procedure: { fields: ['fullName', 'dateOfBirth'], active: true },
  dossierCode: '000.00.20.H12-240101-0001',
  purpose: 'Xác minh nhân thân cho hồ sơ đăng ký khai sinh',
};

describe('checkActingUser', () => {
  const person = { status: 'active', unitId: 3, role: 'operator', passwordExpired: false, serviceAccount: false };

  it.each(['operator', 'manager'])('admits an active %s of the app’s unit', (role) => {
    expect(checkActingUser({ ...person, role }, 3)).toEqual({ ok: true });
  });

  it('refuses an unknown person as FORBIDDEN', () => {
    expect(checkActingUser(undefined, 3)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each(['disabled', 'locked', 'pending', 'dormant'])('refuses a person whose account is %s as ACCOUNT_DISABLED', (status) => {
    const r = checkActingUser({ ...person, status }, 3);
    expect(r).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    if (!r.ok) expect(r.detail).toContain(status);
  });

  it('refuses a person of another unit as FORBIDDEN, so an app cannot act for anyone in the province', () => {
    expect(checkActingUser({ ...person, unitId: 4 }, 3)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each(['admin', 'security', 'auditor'])('refuses to act for a %s, who never looks citizens up, as FORBIDDEN', (role) => {
    const r = checkActingUser({ ...person, role }, 3);
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    if (!r.ok) expect(r.detail).toContain(role);
  });

  it('refuses a person whose password is past its maximum age as PASSWORD_EXPIRED, but not a service account (R7, R8)', () => {
    expect(checkActingUser({ ...person, passwordExpired: true }, 3)).toMatchObject({ ok: false, code: 'PASSWORD_EXPIRED' });
    expect(checkActingUser({ ...person, passwordExpired: true, serviceAccount: true }, 3)).toEqual({ ok: true });
  });
});

describe('checkAppAccess', () => {
  const now = Date.UTC(2026, 10, 24);

  it('admits an approved app whose start date has come, at an approved version', () => {
    expect(checkAppAccess({ status: 'approved', activeFrom: null, versionStatus: 'approved' }, now)).toEqual({ ok: true });
    expect(checkAppAccess({ status: 'approved', activeFrom: now, versionStatus: 'approved' }, now)).toEqual({ ok: true });
    expect(checkAppAccess({ status: 'approved', activeFrom: now - 1, versionStatus: 'approved' }, now)).toEqual({ ok: true });
  });

  it.each(['pending', 'registered', 'rejected', 'suspended', 'revoked', ''])('refuses an app that is %j as APP_NOT_APPROVED', (status) => {
    expect(checkAppAccess({ status, activeFrom: null, versionStatus: 'approved' }, now)).toMatchObject({ ok: false, code: 'APP_NOT_APPROVED' });
  });

  it('refuses an approved app before its start date as APP_NOT_APPROVED (R2)', () => {
    expect(checkAppAccess({ status: 'approved', activeFrom: now + 1, versionStatus: 'approved' }, now)).toMatchObject({
      ok: false,
      code: 'APP_NOT_APPROVED',
    });
  });

  it('refuses an unregistered or unapproved version as APP_VERSION_NOT_APPROVED', () => {
    for (const versionStatus of [undefined, 'pending', 'revoked']) {
      expect(checkAppAccess({ status: 'approved', activeFrom: null, versionStatus }, now)).toMatchObject({
        ok: false,
        code: 'APP_VERSION_NOT_APPROVED',
      });
    }
  });

  it('reports the app’s approval before its version', () => {
    expect(checkAppAccess({ status: 'pending', activeFrom: null, versionStatus: undefined }, now)).toMatchObject({ code: 'APP_NOT_APPROVED' });
  });
});

describe('checkPurpose', () => {
  it('admits a valid number, an active procedure, a well-formed dossier and a purpose', () => {
    expect(checkPurpose(GOOD)).toEqual({ ok: true });
  });

  it('refuses an invalid ID number as INVALID_ID_NUMBER with its reason', () => {
    const r = checkPurpose({ ...GOOD, idCheck: { status: 'invalid', reason: 'NOT_12_DIGITS', message: 'x' } });
    expect(r).toEqual({ ok: false, code: 'INVALID_ID_NUMBER', detail: 'NOT_12_DIGITS' });
  });

  it('refuses a procedure that is missing or inactive as UNKNOWN_PROCEDURE', () => {
    expect(checkPurpose({ ...GOOD, procedure: undefined })).toMatchObject({ ok: false, code: 'UNKNOWN_PROCEDURE' });
    expect(checkPurpose({ ...GOOD, procedure: { fields: ['fullName'], active: false } })).toMatchObject({ ok: false, code: 'UNKNOWN_PROCEDURE' });
  });

  it('refuses a malformed dossier code as INVALID_REQUEST', () => {
    expect(checkPurpose({ ...GOOD, dossierCode: 'hồ sơ 1' })).toMatchObject({ ok: false, code: 'INVALID_REQUEST', detail: 'malformed dossier code' });
  });

  it('refuses an empty or blank purpose as INVALID_REQUEST', () => {
    for (const purpose of ['', '   ', '\n\t ']) {
      expect(checkPurpose({ ...GOOD, purpose })).toMatchObject({ ok: false, code: 'INVALID_REQUEST', detail: 'empty purpose' });
    }
  });

  it('accepts a purpose of the maximum length and refuses one character more, not counting surrounding blanks', () => {
    expect(MAX_PURPOSE_LENGTH).toBe(500);
    expect(checkPurpose({ ...GOOD, purpose: 'a'.repeat(500) })).toEqual({ ok: true });
    expect(checkPurpose({ ...GOOD, purpose: `  ${'a'.repeat(500)}  ` })).toEqual({ ok: true });
    expect(checkPurpose({ ...GOOD, purpose: 'a'.repeat(501) })).toMatchObject({ ok: false, code: 'INVALID_REQUEST', detail: 'purpose too long' });
  });

  it('checks the ID number first, then the procedure, the dossier and the purpose', () => {
    const allBad: PurposeInput = {
      idCheck: { status: 'invalid', reason: 'EMPTY', message: 'x' },
      procedure: undefined,
      dossierCode: '',
      purpose: '',
    };
    expect(checkPurpose(allBad)).toMatchObject({ code: 'INVALID_ID_NUMBER' });
    expect(checkPurpose({ ...allBad, idCheck: VALID_ID })).toMatchObject({ code: 'UNKNOWN_PROCEDURE' });
    expect(checkPurpose({ ...allBad, idCheck: VALID_ID, procedure: GOOD.procedure })).toMatchObject({ detail: 'malformed dossier code' });
  });
});

describe('DOSSIER_CODE', () => {
  const ALLOWED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-/';
  const allowedChar = fc.constantFrom(...ALLOWED.split(''));

  it.each(['000.00.20.H12-240101-0001', 'A/B_C-1.2', 'x', '.', '/', '-', '_', 'a'.repeat(64)])('accepts %j', (code) => {
    expect(DOSSIER_CODE.test(code)).toBe(true);
  });

  it.each(['', 'a b', ' A1', 'A1 ', 'hồ-sơ', 'Đ01', 'A1\n', '\nA1', 'A1\t', 'A+B', 'A:B', 'A\\B', 'A1;DROP', 'a'.repeat(65)])('refuses %j', (code) => {
    expect(DOSSIER_CODE.test(code)).toBe(false);
  });

  it('accepts any 1 to 64 characters of letters, digits and . - _ /', () => {
    fc.assert(
      fc.property(fc.array(allowedChar, { minLength: 1, maxLength: 64 }), (cs) => {
        expect(DOSSIER_CODE.test(cs.join(''))).toBe(true);
      }),
    );
  });

  it('refuses anything longer than 64 characters', () => {
    fc.assert(
      fc.property(fc.array(allowedChar, { minLength: 65, maxLength: 200 }), (cs) => {
        expect(DOSSIER_CODE.test(cs.join(''))).toBe(false);
      }),
    );
  });

  it('refuses a code holding any other character, such as a space or a Vietnamese letter', () => {
    const foreign = fc.oneof(
      fc.constantFrom(' ', '\t', '\n', 'ă', 'đ', 'Ư', 'ế', '+', ':', '#', '%', '\u00a0', '０'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }).filter((c) => !ALLOWED.includes(c)),
    );
    fc.assert(
      fc.property(fc.array(allowedChar, { maxLength: 30 }), foreign, fc.array(allowedChar, { maxLength: 30 }), (before, bad, after) => {
        expect(DOSSIER_CODE.test(before.join('') + bad + after.join(''))).toBe(false);
      }),
    );
  });
});

describe('allowedFields', () => {
  const PROCEDURE = ['fullName', 'dateOfBirth', 'gender', 'permanentAddress'];

  it('gives all of the procedure’s fields when none are requested, as a copy', () => {
    const r = allowedFields(PROCEDURE, undefined);
    expect(r).toEqual({ ok: true, fields: PROCEDURE });
    if (r.ok) {
      r.fields.push('religion');
      expect(PROCEDURE).not.toContain('religion');
    }
  });

  it('accepts a subset of the procedure’s fields', () => {
    expect(allowedFields(PROCEDURE, ['gender', 'fullName'])).toEqual({ ok: true, fields: ['gender', 'fullName'] });
  });

  it('refuses fields outside the procedure as FIELD_NOT_ALLOWED, listing every one of them', () => {
    const r = allowedFields(PROCEDURE, ['fullName', 'religion', 'ethnicity']);
    expect(r).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
    if (!r.ok) {
      expect(r.detail).toContain('religion');
      expect(r.detail).toContain('ethnicity');
      expect(r.detail).not.toContain('fullName');
    }
  });

  it('refuses an empty list of fields as INVALID_REQUEST', () => {
    expect(allowedFields(PROCEDURE, [])).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('removes duplicates, keeping the first occurrence order', () => {
    expect(allowedFields(PROCEDURE, ['gender', 'fullName', 'gender', 'fullName'])).toEqual({ ok: true, fields: ['gender', 'fullName'] });
  });

  it('refuses a prototype name as a field', () => {
    expect(allowedFields(PROCEDURE, ['__proto__'])).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
    expect(allowedFields(PROCEDURE, ['constructor'])).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
  });

  it('admits a request exactly when it is non-empty and within the procedure, and never widens it', () => {
    const field = fc.constantFrom(...CITIZEN_FIELDS);
    fc.assert(
      fc.property(fc.uniqueArray(field, { maxLength: 10 }), fc.array(field, { maxLength: 8 }), (procedure, requested) => {
        const r = allowedFields(procedure, requested);
        const outside = requested.filter((f) => !procedure.includes(f));
        if (outside.length > 0) {
          expect(r).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
          if (!r.ok) for (const f of outside) expect(r.detail).toContain(f);
        } else if (requested.length === 0) {
          expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
        } else {
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(new Set(r.fields)).toEqual(new Set(requested));
            expect(r.fields.length).toBe(new Set(requested).size);
            for (const f of r.fields) expect(procedure).toContain(f);
          }
        }
      }),
    );
  });
});

describe('checkSecurityLevel', () => {
  it.each([[1, false], [2, false], [3, true], [4, true], [5, true], [null, true]] as const)('level %s: admitted %s (Thông tư 46/2022/TT-BCA Art. 6; unrecorded admitted)', (level, admitted) => {
    const r = checkSecurityLevel(level);
    expect(r.ok).toBe(admitted);
    if (!r.ok) expect(r.code).toBe('APP_NOT_APPROVED');
  });
});

describe('checkAppScope', () => {
  const procedureFields = ['idNumber', 'fullName', 'dateOfBirth', 'permanentAddress'];

  it('refuses a procedure the system was not approved to serve as APP_NOT_APPROVED (an unapproved change of function, R2)', () => {
    const r = checkAppScope({ procedures: ['1.001193'], fields: [] }, '1.004222', procedureFields);
    expect(r).toMatchObject({ ok: false, code: 'APP_NOT_APPROVED' });
    if (!r.ok) expect(r.detail).toContain('1.004222');
  });

  it('gives only the fields of the procedure that the registration also names', () => {
    expect(checkAppScope({ procedures: ['1.001193'], fields: ['fullName', 'religion', 'dateOfBirth'] }, '1.001193', procedureFields))
      .toEqual({ ok: true, fields: ['fullName', 'dateOfBirth'] });
  });

  it('refuses as FIELD_NOT_ALLOWED when none of the procedure\'s fields is approved for the system', () => {
    expect(checkAppScope({ procedures: ['1.001193'], fields: ['religion'] }, '1.001193', procedureFields)).toMatchObject({ ok: false, code: 'FIELD_NOT_ALLOWED' });
  });

  it('narrows nothing for a system registered before the registry declared a scope', () => {
    expect(checkAppScope({ procedures: [], fields: [] }, '1.004222', procedureFields)).toEqual({ ok: true, fields: procedureFields });
  });
});

describe('widenScope', () => {
  it('adds an approved function\'s procedures or fields to a declared scope, once each', () => {
    expect(widenScope(['1.001193'], ['1.004222', '1.001193'])).toEqual(['1.001193', '1.004222']);
  });

  it('leaves an empty scope empty: it already stands for everything, and an approval never narrows it', () => {
    expect(widenScope([], ['religion'])).toEqual([]);
  });
});

