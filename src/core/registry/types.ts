/**
 * The vocabulary of the connection registry (R2: report new systems and changes in writing at least
 * 10 working days before use; no connection without written approval; R3: no self-made tools).
 */
import type { Role } from '../../gateway/access.js';

/** What a request asks for (letter 000: a new system, software, device, or a change of code or function). */
export const REGISTRATION_KINDS = ['new_connection', 'new_version', 'new_function', 'new_device'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/**
 * submitted: received, no step recorded yet; under_assessment: at least one step passed, another is
 * pending; approved: the last step granted it in writing; rejected: a step refused it (with a reason).
 */
export const REGISTRATION_STATUSES = ['submitted', 'under_assessment', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['submitted', 'under_assessment'];

/** The roles that assess and grant; managers submit, auditors read. */
export const DECIDING_ROLES = ['security', 'admin'] as const satisfies readonly Role[];
export type DecidingRole = (typeof DECIDING_ROLES)[number];

export { MAX_SECURITY_LEVEL, MIN_CONNECTION_SECURITY_LEVEL } from './security-level.js';

/** The person acting, as the session names them. */
export interface Actor {
  username: string;
  role: Role;
  unitId: number;
}

/** The written approval the last step records (R2: "no connection without written approval"). */
export interface Approval {
  approvingBody: string;
  documentNumber: string;
  /** YYYY-MM-DD */
  documentDate: string;
  signer: string;
}

/** An expected refusal: a value, not an exception; the shell records it and answers with `code`. */
export type Refused = {
  ok: false;
  code: 'FORBIDDEN' | 'INVALID_REQUEST' | 'UNKNOWN_PROCEDURE' | 'FIELD_NOT_ALLOWED' | 'NOT_FOUND';
  reason: string;
  /** A public message with safe specifics (e.g. the earliest permitted date), Vietnamese and English. */
  message?: { vi: string; en: string };
};
