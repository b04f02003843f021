/**
 * Whether a request may be submitted (R2): a unit head reports, for the unit's own systems, at least
 * 10 working days before planned use (DOMAIN §6), a system of security level 3 or higher, with the
 * procedures and fields it will use taken from the catalogue (data minimisation).
 */
import { isIP } from 'node:net';
import { addDays, checkPlannedDate, earliestPermittedDate, isValidCivilDate, type WorkingCalendar } from '../calendar/index.js';
import { securityLevelTooLow } from './workflow.js';
import { MIN_CONNECTION_SECURITY_LEVEL, type Actor, type RegistrationKind, type Refused } from './types.js';

/** A planned date further than this is a typing error, not a plan. */
export const MAX_PLAN_AHEAD_DAYS = 2 * 366;

export interface CatalogueEntry {
  fields: readonly string[];
  active: boolean;
}

export interface SubmissionInput {
  kind: RegistrationKind;
  actor: Actor;
  /** The civil date of submission in DANCU_TIMEZONE. */
  today: string;
  plannedDate: string;
  calendar: WorkingCalendar;
  /** The system concerned; null for a new connection (it is created by the request). */
  app: { unitId: number; status: string; procedures: readonly string[] } | null;
  /** Declared with a new connection. */
  securityLevel?: number;
  /** new_version: the status of that version string if it is already known for the app. */
  existingVersionStatus?: string;
  /** new_device / new_connection with a device: the hostname is already registered for the app. */
  hostnameTaken?: boolean;
  addresses?: readonly string[];
  /** Procedures and fields the request adds (new_connection, new_function). */
  procedures?: readonly string[];
  fields?: readonly string[];
  catalogue: ReadonlyMap<string, CatalogueEntry>;
}

export type SubmissionDecision = { ok: true; earliest: string } | Refused;

const invalid = (reason: string, vi: string, en: string): Refused => ({ ok: false, code: 'INVALID_REQUEST', reason, message: { vi, en } });

export function decideSubmission(i: SubmissionInput): SubmissionDecision {
  // A unit head answers for the unit's systems; the province's roles assess and grant (R2, separation of duties).
  if (i.actor.role !== 'manager') return { ok: false, code: 'FORBIDDEN', reason: 'only a unit head submits requests' };
  if (i.kind === 'new_connection' ? i.app !== null : i.app === null) return { ok: false, code: 'NOT_FOUND', reason: 'app' };
  if (i.app && i.app.unitId !== i.actor.unitId) return { ok: false, code: 'FORBIDDEN', reason: 'app of another unit' };
  if (i.app && i.app.status !== 'approved' && i.app.status !== 'suspended') {
    return invalid(`app is ${i.app.status}`, 'Chỉ đề nghị thay đổi cho hệ thống đã được chấp thuận kết nối', 'Changes can be requested only for a system approved for connection');
  }

  const dateCheck = checkDate(i);
  if (!dateCheck.ok) return dateCheck;

  if (i.kind === 'new_connection' && (i.securityLevel ?? 0) < MIN_CONNECTION_SECURITY_LEVEL) return securityLevelTooLow(i.securityLevel ?? null);
  if (i.kind === 'new_version' && (i.existingVersionStatus === 'approved' || i.existingVersionStatus === 'pending')) {
    return invalid(`version is ${i.existingVersionStatus}`, 'Phiên bản này đã được đăng ký', 'This version is already registered');
  }
  if (i.hostnameTaken) return invalid('hostname taken', 'Thiết bị (tên máy) đã được đăng ký cho hệ thống', 'The device hostname is already registered for the system');
  if (i.addresses && i.addresses.some((a) => isIP(a) === 0)) return invalid('address', 'Địa chỉ IP của thiết bị không hợp lệ', 'A device IP address is malformed');
  if (i.kind === 'new_connection' || i.kind === 'new_function') {
    const scope = checkScope(i);
    if (!scope.ok) return scope;
  }
  return { ok: true, earliest: dateCheck.earliest };
}

/** R2: at least 10 working days' notice; the refusal names the earliest permitted date. */
function checkDate(i: SubmissionInput): { ok: true; earliest: string } | Refused {
  if (!isValidCivilDate(i.plannedDate)) return invalid('planned date malformed', 'Ngày dự kiến sử dụng không hợp lệ (YYYY-MM-DD)', 'The planned date of use is not a valid date (YYYY-MM-DD)');
  if (i.plannedDate > addDays(i.today, MAX_PLAN_AHEAD_DAYS)) return invalid('planned date too far', 'Ngày dự kiến sử dụng quá xa (tối đa 2 năm)', 'The planned date of use is too far ahead (2 years at most)');
  const check = checkPlannedDate(i.today, i.plannedDate, i.calendar);
  if (!check.ok) {
    return {
      ok: false, code: 'INVALID_REQUEST', reason: `planned ${i.plannedDate} before earliest ${check.earliest}`,
      message: { vi: check.message, en: `The planned date of use must be ${check.earliest} or later (at least 10 working days after the request is submitted)` },
    };
  }
  return { ok: true, earliest: earliestPermittedDate(i.today, i.calendar).earliest };
}

/** Procedures must be in the catalogue; fields must lie within those procedures' fields (data minimisation). */
function checkScope(i: SubmissionInput): { ok: true } | Refused {
  const requested = i.procedures ?? [];
  const fields = i.fields ?? [];
  if (i.kind === 'new_function' && requested.length === 0 && fields.length === 0) {
    return invalid('empty function', 'Cần nêu thủ tục hoặc trường thông tin bổ sung', 'Name the procedures or fields to add');
  }
  if (i.kind === 'new_connection' && requested.length === 0) return invalid('no procedure', 'Cần nêu các thủ tục hành chính hệ thống sử dụng', 'Name the procedures the system serves');
  const unknown = requested.filter((p) => !i.catalogue.get(p)?.active);
  if (unknown.length > 0) return { ok: false, code: 'UNKNOWN_PROCEDURE', reason: `not in catalogue: ${unknown.join(',')}` };
  const within = new Set<string>();
  for (const p of [...requested, ...(i.app?.procedures ?? [])]) for (const f of i.catalogue.get(p)?.fields ?? []) within.add(f);
  const outside = fields.filter((f) => !within.has(f));
  if (outside.length > 0) return { ok: false, code: 'FIELD_NOT_ALLOWED', reason: `not in the procedures: ${outside.join(',')}` };
  return { ok: true };
}
