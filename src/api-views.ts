/**
 * The JSON shapes the HTTP API answers with, where the portal reads them too: one definition, so
 * the server's presenters and the portal (web/src/api/types.ts) cannot drift apart. No imports:
 * the portal's build takes these types alone.
 */

/** A ledger entry as shown: an allowlist of fields, the ID number only masked (presenters/ledger.ts). */
export interface LedgerEntryView {
  seq: number;
  time: string;
  requestId: string;
  instanceId: string;
  category: string;
  operation: string;
  outcome: string;
  appId: string | null;
  appVersion: string | null;
  actor: string | null;
  unitCode: string | null;
  clientIp: string | null;
  idNumberMasked: string | null;
  procedureCode: string | null;
  dossierCode: string | null;
  purpose: string | null;
  fieldsRequested: string[] | null;
  fieldsReturned: string[] | null;
  upstreamMs: number | null;
  detail: Record<string, unknown> | null;
  hash: string;
}

/** Today's quota use for the province, each unit, and each person and app with a cap (storage/quota-store.ts). */
export interface QuotaLine {
  used: number;
  cap: number;
  remaining: number;
}

/** Use against a cap that may not exist (a person or system limited only by the unit and province). */
export interface OpenQuotaLine {
  used: number;
  cap: number | null;
  remaining: number | null;
}

export interface QuotaSummary {
  day: string;
  threshold: number;
  province: QuotaLine;
  units: Array<QuotaLine & { code: string; name: string }>;
  /** Each person and system with a cap of their own or with use today; no cap: cap and remaining null. */
  users: Array<OpenQuotaLine & { username: string; unitCode: string }>;
  apps: Array<OpenQuotaLine & { id: string; name: string; unitCode: string }>;
}

/** An alert as shown (presenters/alert.ts): evidence carries masked ID numbers at most. */
export interface AlertView {
  id: number;
  rule: string;
  severity: string;
  status: string;
  owner: string;
  requirement: string;
  subject: { actor: string | null; unit: string | null; app: string | null };
  title: { vi: string; en: string };
  evidence: Record<string, unknown>;
  firstSeenAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

/** A personal-data breach incident and its 72-hour notification deadline (routes/privacy.ts). */
export interface IncidentView {
  id: number;
  title: string;
  description: string;
  severity: string;
  discoveredAt: string;
  reportedBy: string;
  createdAt: string;
  notificationDeadline: string;
  /** due | overdue | notified | notified_late */
  status: string;
  /** Until the deadline (negative once passed); once notified, the margin it was notified with. */
  msLeft: number;
  /** The same in Vietnamese words: "còn 5 giờ 20 phút". */
  timeLeft: string;
  notifiedAt: string | null;
  notifiedBy: string | null;
  authority: string | null;
  reference: string | null;
}
