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
  /** approved, pending, suspended, revoked, rejected (a refused new connection) */
  status: string;
  approval_doc: string | null;
  active_from: number | null;
  daily_quota: number | null;
  created_at: number;
  /** Registry (migration 003, R2): the person answerable for the system, by title or name. */
  responsible_person?: string | null;
  /** Security level (cấp độ) 1–5; connecting requires 3 or higher (Thông tư 46/2022/TT-BCA Art. 6). */
  security_level?: number | null;
  /** JSON arrays: the procedures the system serves and the citizen fields it uses. */
  procedures_used?: string | null;
  fields_used?: string | null;
  /** Why the system was suspended or revoked. */
  status_reason?: string | null;
}

export interface AppVersionTable {
  app_id: string;
  version: string;
  /** approved, pending, revoked, rejected */
  status: string;
  created_at: number;
  /** Build fingerprint registered with the version (migration 003), e.g. sha256:… of the build. */
  fingerprint?: string | null;
  /** When an approved version's planned date of use begins (recorded for the registry). */
  active_from?: number | null;
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

/** R6: one alert per condition (its deduplication key), with its lifecycle; the portal inbox. */
export interface AlertTable {
  id: Generated<number>;
  dedup_key: string;
  rule: string;
  /** info, warning, high, critical */
  severity: string;
  /** open, acknowledged, resolved */
  status: string;
  /** The role responsible for handling it (security by default). */
  owner: string;
  requirement: string;
  subject_actor: string | null;
  subject_unit: string | null;
  subject_app: string | null;
  title_vi: string;
  title_en: string;
  /** JSON object: counts, seq numbers, masked ID numbers at most (never an ID number or its HMAC). */
  evidence: string;
  first_seen_at: number;
  last_seen_at: number;
  updated_at: number;
  /** The ledger entry that recorded the alert; null until written (retried by the next run). */
  raised_seq: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

/** Outbox of notifications: one row per alert event and channel, delivered and retried by the job. */
export interface AlertNotificationTable {
  id: Generated<number>;
  alert_id: number;
  /** email, webhook */
  channel: string;
  /** raised, escalated */
  event: string;
  /** pending, sending, sent, failed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

/** Where the monitoring job stopped reading the ledger. */
export interface MonitorStateTable {
  name: string;
  cursor_seq: number;
  updated_at: number;
}

/** A personal-data breach (Luật 91/2025/QH15): notified to the authority within 72 hours of discovery. */
export interface IncidentTable {
  id: Generated<number>;
  title: string;
  description: string;
  /** low, medium, high, critical */
  severity: string;
  discovered_at: number;
  reported_by: string;
  created_at: number;
  notified_at: number | null;
  notified_by: string | null;
  authority: string | null;
  reference: string | null;
}

/** Delayed disclosure of a data-subject report (e.g. during an investigation); never the ID number itself. */
export interface DataSubjectHoldTable {
  id: Generated<number>;
  id_hmac: string;
  id_masked: string;
  reason: string;
  /** The hold ends at this instant (the end of the `until` day in the configured zone). */
  until_at: number;
  created_by: string;
  created_at: number;
  released_at: number | null;
  released_by: string | null;
}

/** A device a connected system runs on (migration 003); the full inventory is `devices` (issue 10). */
export interface AppDeviceTable {
  id: Generated<number>;
  app_id: string;
  hostname: string;
  /** JSON array of IP addresses. */
  addresses: string;
  /** pending, approved, rejected */
  status: string;
  created_at: number;
}

/** A request of R2: new connection, version, function or device, with its planned date of use. */
export interface RegistrationTable {
  id: Generated<number>;
  /** new_connection, new_version, new_function, new_device */
  kind: string;
  app_id: string;
  unit_id: number;
  /** submitted, under_assessment, approved, rejected */
  status: string;
  /** YYYY-MM-DD: planned date of use, day of submission, earliest permitted date at submission. */
  planned_date: string;
  submitted_on: string;
  earliest_date: string;
  description: string;
  version: string | null;
  fingerprint: string | null;
  device_id: number | null;
  /** JSON arrays: procedures and fields the request adds (new_connection, new_function). */
  procedures: string | null;
  fields: string | null;
  /** JSON: the workflow's steps as they stood at submission. */
  steps: string;
  current_step: number;
  submitted_by: string;
  submitted_at: number;
  decided_at: number | null;
  approving_body: string | null;
  document_number: string | null;
  document_date: string | null;
  signer: string | null;
  reject_reason: string | null;
  updated_at: number;
}

export interface RegistrationStepTable {
  id: Generated<number>;
  registration_id: number;
  step: string;
  role: string;
  actor: string;
  /** passed, approved, rejected */
  result: string;
  note: string | null;
  created_at: number;
}

export interface RegistrationAttachmentTable {
  id: Generated<number>;
  registration_id: number;
  /** written_report, security_test_report, other */
  kind: string;
  filename: string;
  media_type: string;
  size: number;
  /** SHA-256 (hex) of the content, checked again on every download. */
  sha256: string;
  /** 1 when text was extracted and scanned for state-secret markings (R5), 0 for a PDF without text. */
  text_checked: number;
  content: Buffer;
  uploaded_by: string;
  created_at: number;
}

/** The approval workflow's steps as administrators configured them (one row, id 1). */
export interface RegistrationWorkflowTable {
  id: number;
  steps: string;
  updated_by: string;
  updated_at: number;
}

/** An administrator's edit of one year's calendar: days off and working Saturdays (JSON arrays). */
export interface CalendarOverrideTable {
  year: number;
  days_off: string;
  working_saturdays: string;
  updated_by: string;
  updated_at: number;
}

/** R10: a machine of the inventory, as the anti-malware console last reported it (migration 005). */
export interface DeviceTable {
  id: Generated<number>;
  /** Lower case, without a Windows domain prefix: the key reports are matched by. */
  hostname: string;
  unit_id: number | null;
  owner: string | null;
  /** JSON array of canonical IP addresses (also in device_addresses, for lookup by address). */
  addresses: string;
  os: string | null;
  os_patched_at: number | null;
  av_product: string | null;
  av_signature_at: number | null;
  /** 1 on, 0 off, null when the console does not say. */
  av_protection: number | null;
  /** JSON array of installed programs, null when never reported. */
  software: string | null;
  last_report_at: number | null;
  /** SHA-256 of the enrolment token (X-Device-Token); the token itself is shown once. */
  token_hash: string | null;
  token_issued_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface DeviceAddressTable {
  device_id: number;
  address: string;
}

/** A network registered for a unit (CIDR): requests from it are matched against the inventory. */
export interface AddressRangeTable {
  id: Generated<number>;
  unit_id: number;
  cidr: string;
  note: string | null;
  created_at: number;
  created_by: string;
}

/** R11: a security rule adopted by the province (unit_id null) or a unit; a new upload with the same code is its next version. */
export interface RuleTable {
  id: Generated<number>;
  unit_id: number | null;
  code: string;
  title: string;
  version: string;
  /** YYYY-MM-DD */
  effective_from: string;
  body: string;
  content_hash: string;
  created_at: number;
  created_by: string;
}

export interface AcknowledgementTable {
  id: Generated<number>;
  user_id: number;
  /** The version of the rule set acknowledged (core/compliance/rules.ts). */
  rules_version: string;
  acknowledged_at: number;
  client_ip: string | null;
}

/** Settings an administrator changes in the portal; each overrides its environment default. */
export interface SettingTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: number;
  updated_by: string;
}

/** One row (id 1): bumped by triggers on every write to the tables the lookup path caches (migration 007). */
export interface DirectoryGenerationTable {
  id: number;
  n: number;
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
  incidents: IncidentTable;
  data_subject_holds: DataSubjectHoldTable;
  alerts: AlertTable;
  alert_notifications: AlertNotificationTable;
  monitor_state: MonitorStateTable;
  app_devices: AppDeviceTable;
  registrations: RegistrationTable;
  registration_steps: RegistrationStepTable;
  registration_attachments: RegistrationAttachmentTable;
  registration_workflow: RegistrationWorkflowTable;
  calendar_overrides: CalendarOverrideTable;
  devices: DeviceTable;
  device_addresses: DeviceAddressTable;
  address_ranges: AddressRangeTable;
  rules: RuleTable;
  acknowledgements: AcknowledgementTable;
  settings: SettingTable;
  directory_generation: DirectoryGenerationTable;
}

export type UnitRow = Selectable<UnitTable>;
export type UserRow = Selectable<UserTable>;
export type ProcedureRow = Selectable<ProcedureTable>;
export type AppRow = Selectable<AppTable>;
export type LedgerRow = Selectable<LedgerTable>;
export type NewLedgerRow = Insertable<LedgerTable>;
export type CheckpointRow = Selectable<CheckpointTable>;
export type AlertRow = Selectable<AlertTable>;
