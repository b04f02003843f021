/**
 * The database as Kysely sees it: one interface per table. Times are epoch milliseconds (int8),
 * booleans are 0/1 integers and lists are JSON text, so SQLite and PostgreSQL store the same values.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** R1: the unit's share of the province cap per day; no unit's tool can burn the province quota. */
  daily_quota: number;
  created_at: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  unit_id: number;
  role: string;
  /** pending (awaiting activation), active, disabled */
  status: string;
  daily_quota: number | null;
  password_hash: string | null;
  password_changed_at: number | null;
  activation_code_hash: string | null;
  activation_expires_at: number | null;
  created_at: number;
  last_login_at: number | null;
  activated_at: number | null;
  /** TOTP secret, sealed with the session secret (AES-256-GCM); never stored in clear. */
  mfa_secret: string | null;
  mfa_enabled: number | null;
  /** The last TOTP step accepted: a code is never accepted twice. */
  mfa_last_step: number | null;
  /** JSON array of SHA-256 hashes of unused recovery codes. */
  recovery_codes: string | null;
  disabled_at: number | null;
  disabled_reason: string | null;
  /** R7: the named person answerable for a service account (e.g. a sector database sync). */
  responsible_person: string | null;
  service_account: number | null;
}

export interface ProcedureTable {
  code: string;
  name: string;
  /** JSON array of the citizen fields this procedure may receive (data minimisation). */
  fields: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface AppTable {
  id: string;
  name: string;
  unit_id: number;
  /** SHA-256 of the app key; keys are 256-bit random, so a fast hash is enough. */
  key_hash: string;
  /** approved, pending, suspended, revoked */
  status: string;
  approval_doc: string | null;
  active_from: number | null;
  daily_quota: number | null;
  created_at: number;
}

export interface AppVersionTable {
  app_id: string;
  version: string;
  /** approved, pending, revoked */
  status: string;
  created_at: number;
}

export interface QuotaCounterTable {
  /** The quota day (YYYY-MM-DD in DANCU_TIMEZONE). */
  day: string;
  /** province | unit:<id> | user:<id> | app:<id> | rate:<userId>:<minute> */
  scope: string;
  used: number;
}

export interface LedgerTable {
  seq: number;
  ts: number;
  request_id: string;
  instance_id: string;
  /** lookup, verification, account, admin, upstream, quota, system … */
  category: string;
  operation: string;
  outcome: string;
  app_id: string | null;
  app_version: string | null;
  actor: string | null;
  unit_code: string | null;
  client_ip: string | null;
  id_hmac: string | null;
  id_masked: string | null;
  procedure_code: string | null;
  dossier_code: string | null;
  purpose: string | null;
  fields_requested: string | null;
  fields_returned: string | null;
  upstream_ms: number | null;
  /** JSON object of further facts (never citizen data). */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface LedgerHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CheckpointTable {
  seq: number;
  ts: number;
  hash: string;
  public_key: string;
  signature: string;
}

export interface UpstreamStateTable {
  id: number;
  locked: number;
  locked_at: number | null;
  reason: string | null;
  cleared_at: number | null;
  cleared_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the browser's cookie. */
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  ended_at: number | null;
  end_reason: string | null;
  ip: string;
  /** SHA-256 prefix of the User-Agent: enough to tell browsers apart without storing it. */
  agent: string;
  csrf: string;
  /** password | mfa: what must be done before anything else. */
  restriction: string | null;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: number | null;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  hash: string;
  created_at: number;
}

export interface AccountRequestTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  unit_id: number;
  role: string;
  requested_by: string;
  /** pending, approved, rejected */
  status: string;
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
  created_at: number;
}

export interface AccessReviewTable {
  id: Generated<number>;
  quarter: string;
  user_id: number;
  reviewer: string;
  decision: string;
  created_at: number;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  procedures: ProcedureTable;
  apps: AppTable;
  app_versions: AppVersionTable;
  quota_counters: QuotaCounterTable;
  ledger: LedgerTable;
  ledger_head: LedgerHeadTable;
  checkpoints: CheckpointTable;
  upstream_state: UpstreamStateTable;
  sessions: SessionTable;
  login_throttles: LoginThrottleTable;
  password_history: PasswordHistoryTable;
  account_requests: AccountRequestTable;
  access_reviews: AccessReviewTable;
}

export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type ProcedureRow = Selectable<ProcedureTable>;
export type AppRow = Selectable<AppTable>;
export type LedgerRow = Selectable<LedgerTable>;
export type NewLedgerRow = Insertable<LedgerTable>;
export type CheckpointRow = Selectable<CheckpointTable>;
