/**
 * Whether a lookup or verification may spend quota: every check that can refuse a request runs
 * before any quota is reserved, so a refused request consumes nothing (R1) and is recorded (R6).
 */
import type { ErrorCode } from '../errors.js';
import type { IdNumberCheck } from '../id-number.js';
import { MIN_CONNECTION_SECURITY_LEVEL } from '../registry/security-level.js';

/** INTERFACE: a dossier code is 1–64 characters of letters, digits and `. - _ /`. */
export const DOSSIER_CODE = /^[A-Za-z0-9._\-/]{1,64}$/;
export const MAX_PURPOSE_LENGTH = 500;

export type Refusal = { ok: false; code: ErrorCode; detail: string };

/**
 * The roles whose holders look citizens up, in the portal or through a connected system: the
 * people of a one-stop desk and their heads. Security, audit and administration staff oversee the
 * door and never pass through it (separation of duties), whoever claims to act for them.
 */
export const LOOKUP_ROLES = ['operator', 'manager'] as const;

export interface ActingUser {
  status: string;
  unitId: number;
  role: string;
  /** Past its maximum age (R8); a service account's password is not what its system uses. */
  passwordExpired: boolean;
  serviceAccount: boolean;
}

/**
 * The acting person (X-On-Behalf-Of, or the session's) must exist, be active, belong to the unit
 * and hold a role that looks citizens up (R4, R9), with a password in date (R8): a system cannot
 * act for someone the portal would not let look anyone up.
 */
export function checkActingUser(user: ActingUser | undefined, appUnitId: number): { ok: true } | Refusal {
  if (!user) return { ok: false, code: 'FORBIDDEN', detail: 'acting user unknown' };
  if (user.status !== 'active') return { ok: false, code: 'ACCOUNT_DISABLED', detail: `acting user is ${user.status}` };
  if (user.unitId !== appUnitId) return { ok: false, code: 'FORBIDDEN', detail: 'acting user belongs to another unit' };
  if (!(LOOKUP_ROLES as readonly string[]).includes(user.role)) return { ok: false, code: 'FORBIDDEN', detail: `acting user's role (${user.role}) does not look citizens up` };
  if (user.passwordExpired && !user.serviceAccount) return { ok: false, code: 'PASSWORD_EXPIRED', detail: 'acting user\'s password has expired' };
  return { ok: true };
}

export interface AppAccessInput {
  status: string;
  activeFrom: number | null;
  versionStatus: string | undefined;
}

/** R2: an app's key works only while it is approved in writing and its start date has come. */
export function checkAppAccess(a: AppAccessInput, nowMs: number): { ok: true } | Refusal {
  if (a.status !== 'approved') return { ok: false, code: 'APP_NOT_APPROVED', detail: `app is ${a.status}` };
  if (a.activeFrom !== null && a.activeFrom > nowMs) return { ok: false, code: 'APP_NOT_APPROVED', detail: 'start date not reached' };
  if (a.versionStatus !== 'approved') return { ok: false, code: 'APP_VERSION_NOT_APPROVED', detail: `version is ${a.versionStatus ?? 'unregistered'}` };
  return { ok: true };
}

/** Thông tư 46/2022/TT-BCA Art. 6 at the door: a system whose recorded security level is below 3 is not used. */
export function checkSecurityLevel(level: number | null): { ok: true } | Refusal {
  if (level !== null && level < MIN_CONNECTION_SECURITY_LEVEL) return { ok: false, code: 'APP_NOT_APPROVED', detail: `security level ${level} below ${MIN_CONNECTION_SECURITY_LEVEL}` };
  return { ok: true };
}

/** What a system is registered and approved in writing to serve (R2); empty where never declared. */
export interface AppScope {
  procedures: readonly string[];
  fields: readonly string[];
}

/**
 * R2 at the door: a procedure the system was not approved to serve is an unapproved change of
 * function (APP_NOT_APPROVED), and the citizen fields it receives are those of the procedure that
 * its registration also names. An empty list narrows nothing: systems registered before the
 * registry declared no scope. Returns the fields the procedure may give this system.
 */
export function checkAppScope(scope: AppScope, procedureCode: string, procedureFields: readonly string[]): { ok: true; fields: string[] } | Refusal {
  if (scope.procedures.length > 0 && !scope.procedures.includes(procedureCode)) {
    return { ok: false, code: 'APP_NOT_APPROVED', detail: `procedure ${procedureCode} not approved for this system` };
  }
  if (scope.fields.length === 0) return { ok: true, fields: [...procedureFields] };
  const fields = procedureFields.filter((f) => scope.fields.includes(f));
  if (fields.length === 0) return { ok: false, code: 'FIELD_NOT_ALLOWED', detail: `no field of procedure ${procedureCode} approved for this system` };
  return { ok: true, fields };
}

/**
 * A scope list widened by an approved new function. An empty list already stands for everything
 * (no scope declared, or all of the procedures' fields), so adding to it leaves it empty: an
 * approval never narrows what a system may do.
 */
export function widenScope(current: readonly string[], added: readonly string[]): string[] {
  return current.length === 0 ? [] : [...new Set([...current, ...added])];
}

export interface PurposeInput {
  idCheck: IdNumberCheck;
  procedure: { fields: readonly string[]; active: boolean } | undefined;
  dossierCode: string;
  purpose: string;
}

/** The purpose binding every query carries: a valid number, a catalogued procedure, a dossier and a reason. */
export function checkPurpose(i: PurposeInput): { ok: true } | Refusal {
  if (i.idCheck.status === 'invalid') return { ok: false, code: 'INVALID_ID_NUMBER', detail: i.idCheck.reason };
  if (!i.procedure || !i.procedure.active) return { ok: false, code: 'UNKNOWN_PROCEDURE', detail: 'procedure not in the catalogue' };
  if (!DOSSIER_CODE.test(i.dossierCode)) return { ok: false, code: 'INVALID_REQUEST', detail: 'malformed dossier code' };
  const purpose = i.purpose.trim();
  if (purpose.length === 0) return { ok: false, code: 'INVALID_REQUEST', detail: 'empty purpose' };
  if (purpose.length > MAX_PURPOSE_LENGTH) return { ok: false, code: 'INVALID_REQUEST', detail: 'purpose too long' };
  return { ok: true };
}

/** Requested fields must lie within the procedure's; none requested means all of the procedure's. */
export function allowedFields(procedureFields: readonly string[], requested: readonly string[] | undefined): { ok: true; fields: string[] } | Refusal {
  if (requested === undefined) return { ok: true, fields: [...procedureFields] };
  const outside = requested.filter((f) => !procedureFields.includes(f));
  if (outside.length > 0) return { ok: false, code: 'FIELD_NOT_ALLOWED', detail: `not in procedure: ${outside.join(',')}` };
  if (requested.length === 0) return { ok: false, code: 'INVALID_REQUEST', detail: 'empty field list' };
  return { ok: true, fields: [...new Set(requested)] };
}
