/** Shapes of the gateway's answers, as the portal reads them. */
import type { Role } from '../access';
export type { AlertView as Alert, IncidentView as Incident, LedgerEntryView as LedgerEntry, QuotaLine, QuotaSummary } from '../../../src/api-views.js';

export interface Me {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  unitName: string;
  restriction: 'password' | 'mfa' | null;
  passwordExpiresAt: string | null;
  mfaEnabled: boolean;
  csrfToken: string;
  /** DANCU_TIMEZONE: quota days and every displayed time. */
  timezone: string;
}

export interface Procedure {
  code: string;
  name: string;
  fields: string[];
  active: boolean;
}

export interface TodayStats {
  lookupsByHour: Array<{ hour: number; count: number }>;
  refusalsByReason: Array<{ code: string; count: number }>;
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number; checkpoints: number; ms: number }
  | { ok: false; entries: number; firstBroken: { seq: number; reason: string; message: string }; ms: number };

export interface Unit {
  code: string;
  name: string;
  dailyQuota: number;
}

export interface User {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  status: string;
  lastLoginAt: string | null;
  mfaEnabled: boolean;
  locked: boolean;
  serviceAccount: boolean;
  responsiblePerson: string | null;
  disabledReason?: string | null;
}

export interface AccountRequest {
  id: number | string;
  username: string;
  fullName: string;
  unitCode: string;
  role: Role;
  requestedBy: string;
  status: 'pending' | 'approved' | 'rejected' | string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
}

export interface App {
  id: string;
  name: string;
  unitCode: string;
  status: string;
  approvalDoc: string | null;
  dailyQuota: number | null;
  versions: Array<{ version: string; status: string }>;
}

export interface UpstreamStatus {
  locked: boolean;
  lockedAt: string | null;
  reason: string | null;
  clearedAt: string | null;
  clearedBy: string | null;
  /** The circuit breaker of this instance: closed (normal), open, half-open. */
  breaker?: string;
}

export interface AccessReview {
  quarter: string;
  pending: string[];
  reviewed: Array<{ username: string; decision: string; reviewer: string }>;
}

export interface LookupResult {
  requestId: string;
  citizen: Record<string, string | null>;
  quota: { unitRemaining: number; provinceRemaining: number };
}

export interface VerificationResult {
  requestId: string;
  match: { idNumber: boolean; fullName: boolean; dateOfBirth: boolean };
  quota?: { unitRemaining: number; provinceRemaining: number };
}

export interface AcknowledgementStatus {
  required: boolean;
  version: string;
  current: boolean;
  reason: 'never' | 'rules_changed' | 'expired' | string | null;
  acknowledgedAt: string | null;
  acknowledgedVersion: string | null;
  expiresAt: string | null;
}

export interface RulesLibrary {
  unitCode: string;
  today: string;
  version: string;
  instruments: Array<{ id: string; kind: string; number: string; title: string; summary: string; effectiveFrom: { date: string; tag: string }; status: string; statusNote: string | null; inCurrentSet: boolean }>;
  rules: Array<{ id: number; unitCode: string | null; code: string; title: string; version: string; effectiveFrom: string; text: string; inForce: boolean }>;
  acknowledgement: AcknowledgementStatus;
}
