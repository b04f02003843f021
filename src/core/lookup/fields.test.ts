/** Citizen fields and data minimisation: only allowlisted fields ever leave the gateway. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITIZEN_FIELDS, SENSITIVE_FIELDS, isCitizenField, minimise } from './fields.js';

/** The citizen fields of INTERFACE.md ("Citizen fields (camelCase)"), the public contract. */
const INTERFACE_FIELDS = [
  'idNumber', 'fullName', 'otherNames', 'dateOfBirth', 'gender', 'placeOfBirth', 'birthRegistrationPlace', 'hometown',
  'ethnicity', 'religion', 'nationality', 'bloodGroup', 'oldIdNumber', 'permanentAddress', 'temporaryAddress',
  'currentAddress', 'maritalStatus', 'householdHeadRelation', 'fatherName', 'motherName', 'spouseName', 'dateOfDeath',
];

describe('CITIZEN_FIELDS', () => {
  it('are exactly the fields of the public contract, each once', () => {
    expect([...CITIZEN_FIELDS].sort()).toEqual([...INTERFACE_FIELDS].sort());
    expect(new Set(CITIZEN_FIELDS).size).toBe(CITIZEN_FIELDS.length);
  });

  it('mark ethnicity and religion as sensitive, and only known fields', () => {
    expect(SENSITIVE_FIELDS.has('ethnicity')).toBe(true);
    expect(SENSITIVE_FIELDS.has('religion')).toBe(true);
    for (const f of SENSITIVE_FIELDS) expect(isCitizenField(f)).toBe(true);
    expect(SENSITIVE_FIELDS.has('fullName')).toBe(false);
  });
});

describe('isCitizenField', () => {
  it('recognises every citizen field', () => {
    for (const f of INTERFACE_FIELDS) expect(isCitizenField(f)).toBe(true);
  });

  it.each(['', 'FullName', 'full_name', 'password', 'toString', 'constructor', '__proto__', 'length'])('rejects %j', (f) => {
    expect(isCitizenField(f)).toBe(false);
  });
});

describe('minimise', () => {
  const citizen = {
    idNumber: '001099012345',
    fullName: 'Công dân thử nghiệm',
    dateOfBirth: '1999-01-02',
    religion: 'Không',
    ethnicity: 'Kinh',
    fatherName: null,
    internalScore: 7,
  };

  it('copies only the allowed fields', () => {
    expect(minimise(citizen, ['fullName', 'dateOfBirth'])).toEqual({ fullName: 'Công dân thử nghiệm', dateOfBirth: '1999-01-02' });
  });

  it('copies nothing when nothing is allowed', () => {
    expect(minimise(citizen, [])).toEqual({});
  });

  it('leaves out allowed fields the record does not have, rather than inventing them', () => {
    const out = minimise(citizen, ['fullName', 'spouseName']);
    expect(Object.keys(out)).toEqual(['fullName']);
    expect('spouseName' in out).toBe(false);
  });

  it('keeps a null value as null, and sends an undefined one as null', () => {
    const out = minimise({ ...citizen, motherName: undefined }, ['fatherName', 'motherName']);
    expect(out).toEqual({ fatherName: null, motherName: null });
    expect(Object.keys(out).sort()).toEqual(['fatherName', 'motherName']);
  });

  it('never copies names inherited from the prototype, even when listed as allowed', () => {
    const out = minimise(citizen, ['fullName', 'constructor', 'toString', '__proto__', 'hasOwnProperty']);
    expect(Object.keys(out)).toEqual(['fullName']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, 'constructor')).toBe(false);
    expect(JSON.stringify(out)).toBe('{"fullName":"Công dân thử nghiệm"}');
  });

  it('ignores fields an upstream record only inherits', () => {
    const record = Object.create({ religion: 'inherited' }) as Record<string, unknown>;
    record.fullName = 'x';
    expect(minimise(record, ['fullName', 'religion'])).toEqual({ fullName: 'x' });
  });

  it('does not follow a "__proto__" key of a parsed upstream body that the allowlist does not name', () => {
    const parsed = JSON.parse('{"__proto__":{"fullName":"smuggled","isAdmin":true},"dateOfBirth":"1999-01-02"}') as Record<string, unknown>;
    const out = minimise(parsed, ['fullName', 'dateOfBirth']);
    expect(out).toEqual({ dateOfBirth: '1999-01-02' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('returns a new object, so changing it leaves the record alone', () => {
    const out = minimise(citizen, ['fullName']);
    out.fullName = 'changed';
    expect(citizen.fullName).toBe('Công dân thử nghiệm');
  });

  it('keeps exactly the allowed citizen fields the record owns, with their values, for any record and allowlist', () => {
    const key = fc.oneof(fc.constantFrom(...CITIZEN_FIELDS), fc.constantFrom('internalScore', 'rawXml', 'constructor', 'toString'));
    const value = fc.oneof(fc.string(), fc.constant(null), fc.integer());
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.uniqueArray(key, { maxLength: 12 }), (record, allowed) => {
        const out = minimise(record, allowed);
        const expected = allowed.filter((k) => isCitizenField(k) && Object.prototype.hasOwnProperty.call(record, k));
        expect(Object.keys(out).sort()).toEqual([...expected].sort());
        for (const k of expected) expect(out[k]).toBe(record[k]);
      }),
    );
  });
});

describe('minimise against special keys', () => {
  it('never follows an allowlist that names __proto__', () => {
    const citizen = JSON.parse('{"__proto__":{"isAdmin":true},"fullName":"A"}') as Record<string, unknown>;
    const out = minimise(citizen, ['fullName', '__proto__']);
    expect(out).toEqual({ fullName: 'A' });
    expect((out as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });
});
