/**
 * Persistence of the connection registry (R2): systems' registry facts, versions and devices,
 * requests with their steps and attachments, the workflow's steps, and the administrators'
 * working-day calendar overrides. Decisions live in core/registry; this module stores them.
 */
import { widenScope } from '../core/lookup/admission.js';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildCalendar, type CalendarOverrides, type WorkingCalendar } from '../core/calendar/index.js';
import { DEFAULT_WORKFLOW, type Effects, type RegistrationKind, type WorkflowStep } from '../core/registry/index.js';
import { hashSecret } from './directory.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export const jsonList = (text: string | null | undefined): string[] => (text ? (JSON.parse(text) as string[]) : []);

// ---- Working-day calendar overrides (DOMAIN §6: each year's schedule is data an administrator edits)

export async function calendarOverrides(db: Db): Promise<Map<number, CalendarOverrides>> {
  const rows = await db.selectFrom('calendar_overrides').selectAll().execute();
  return new Map(rows.map((r) => [r.year, { daysOff: JSON.parse(r.days_off), workingSaturdays: JSON.parse(r.working_saturdays) }]));
}

export async function calendarOverride(db: Db, year: number) {
  const r = await db.selectFrom('calendar_overrides').selectAll().where('year', '=', year).executeTakeFirst();
  return r && { daysOff: JSON.parse(r.days_off) as CalendarOverrides['daysOff'], workingSaturdays: JSON.parse(r.working_saturdays) as CalendarOverrides['workingSaturdays'], updatedBy: r.updated_by, updatedAt: r.updated_at };
}

export async function putCalendarOverride(db: Db, year: number, o: CalendarOverrides, by: string, nowMs: number): Promise<void> {
  const values = { days_off: JSON.stringify(o.daysOff), working_saturdays: JSON.stringify(o.workingSaturdays), updated_by: by, updated_at: nowMs };
  await db.insertInto('calendar_overrides').values({ year, ...values }).onConflict((oc) => oc.column('year').doUpdateSet(values)).execute();
}

export async function deleteCalendarOverride(db: Db, year: number): Promise<boolean> {
  return Number((await db.deleteFrom('calendar_overrides').where('year', '=', year).executeTakeFirst()).numDeletedRows) === 1;
}

/** The calendar with the administrators' overrides (validated when stored, resolved again here). */
export async function workingCalendar(db: Db): Promise<WorkingCalendar> {
  const overrides = await calendarOverrides(db);
  return buildCalendar([...overrides.keys()], overrides);
}

// ---- The workflow's steps

export async function currentWorkflow(db: Db): Promise<{ steps: WorkflowStep[]; updatedBy: string | null; updatedAt: number | null }> {
  const r = await db.selectFrom('registration_workflow').selectAll().where('id', '=', 1).executeTakeFirst();
  return r ? { steps: JSON.parse(r.steps) as WorkflowStep[], updatedBy: r.updated_by, updatedAt: r.updated_at } : { steps: [...DEFAULT_WORKFLOW], updatedBy: null, updatedAt: null };
}

export async function putWorkflow(db: Db, steps: readonly WorkflowStep[], by: string, nowMs: number): Promise<void> {
  const values = { steps: JSON.stringify(steps), updated_by: by, updated_at: nowMs };
  await db.insertInto('registration_workflow').values({ id: 1, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
}

// ---- Systems in the registry

export async function appWithUnit(db: Db, appId: string) {
  return db.selectFrom('apps').innerJoin('units', 'units.id', 'apps.unit_id').selectAll('apps').select('units.code as unit_code').where('apps.id', '=', appId).executeTakeFirst();
}

export async function versionsOf(db: Db, appIds: string[]) {
  if (appIds.length === 0) return [];
  return db.selectFrom('app_versions').selectAll().where('app_id', 'in', appIds).orderBy('created_at').execute();
}

export async function devicesOf(db: Db, appIds: string[]) {
  if (appIds.length === 0) return [];
  return db.selectFrom('app_devices').selectAll().where('app_id', 'in', appIds).orderBy('id').execute();
}

export interface RegistryFacts {
  responsiblePerson?: string;
  securityLevel?: number;
  procedures?: readonly string[];
  fields?: readonly string[];
}

/** Records registry facts of a system (e.g. one approved in writing before dancu, `dancu apps add`). */
export async function setAppRegistry(db: Db, appId: string, f: RegistryFacts): Promise<boolean> {
  const set = {
    ...(f.responsiblePerson !== undefined ? { responsible_person: f.responsiblePerson } : {}),
    ...(f.securityLevel !== undefined ? { security_level: f.securityLevel } : {}),
    ...(f.procedures !== undefined ? { procedures_used: JSON.stringify([...f.procedures]) } : {}),
    ...(f.fields !== undefined ? { fields_used: JSON.stringify([...f.fields]) } : {}),
  };
  if (Object.keys(set).length === 0) return (await appWithUnit(db, appId)) !== undefined;
  return Number((await db.updateTable('apps').set(set).where('id', '=', appId).executeTakeFirst()).numUpdatedRows) === 1;
}

/** Guarded: changes the status only if it is still `from` (a concurrent change wins, this one fails). */
export async function changeAppStatus(db: Db, appId: string, from: string, to: string, reason: string): Promise<boolean> {
  const r = await db.updateTable('apps').set({ status: to, status_reason: reason }).where('id', '=', appId).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- Requests

export interface NewRegistration {
  kind: RegistrationKind;
  unitId: number;
  submittedBy: string;
  plannedDate: string;
  submittedOn: string;
  earliestDate: string;
  description: string;
  steps: readonly WorkflowStep[];
  /** The system concerned; absent for a new connection, which creates it. */
  appId?: string;
  newApp?: { name: string; responsiblePerson: string; securityLevel: number; dailyQuota: number | null };
  version?: { version: string; fingerprint: string };
  device?: { hostname: string; addresses: readonly string[] };
  procedures?: readonly string[];
  fields?: readonly string[];
}

/**
 * Stores a request in one transaction with what it brings into the registry, each pending until
 * the grant: a new connection creates its system (status pending: its key is refused until the
 * grant and its planned date, R2); a version or device is registered as pending.
 * Returns the key of a new system, once; only its hash is kept.
 */
export async function createRegistration(db: Db, r: NewRegistration, nowMs: number): Promise<{ id: number; appId: string; appKey: string | null }> {
  return db.transaction().execute(async (trx) => {
    let appId = r.appId;
    let appKey: string | null = null;
    if (r.kind === 'new_connection') {
      if (!r.newApp) throw new Error('new connection without app');
      appId = `app_${randomBytes(8).toString('hex')}`;
      appKey = `dck_${randomBytes(32).toString('base64url')}`;
      await trx.insertInto('apps').values({
        id: appId, name: r.newApp.name, unit_id: r.unitId, key_hash: hashSecret(appKey), status: 'pending', approval_doc: null, active_from: null,
        daily_quota: r.newApp.dailyQuota, created_at: nowMs, responsible_person: r.newApp.responsiblePerson, security_level: r.newApp.securityLevel,
        procedures_used: JSON.stringify(r.procedures ?? []), fields_used: JSON.stringify(r.fields ?? []),
      }).execute();
    }
    if (!appId) throw new Error('request without app');
    if (r.version) {
      // One statement: a version refused before is registered again as pending, with its new fingerprint.
      // (Writing first also keeps SQLite from upgrading a read snapshot while the ledger's writer commits.)
      await trx.insertInto('app_versions').values({ app_id: appId, version: r.version.version, status: 'pending', created_at: nowMs, fingerprint: r.version.fingerprint, active_from: null })
        .onConflict((oc) => oc.columns(['app_id', 'version']).doUpdateSet({ status: 'pending', fingerprint: r.version!.fingerprint, active_from: null })).execute();
    }
    let deviceId: number | null = null;
    if (r.device) {
      const d = await trx.insertInto('app_devices').values({ app_id: appId, hostname: r.device.hostname, addresses: JSON.stringify([...r.device.addresses]), status: 'pending', created_at: nowMs })
        .returning('id').executeTakeFirstOrThrow();
      deviceId = d.id;
    }
    const row = await trx.insertInto('registrations').values({
      kind: r.kind, app_id: appId, unit_id: r.unitId, status: 'submitted', planned_date: r.plannedDate, submitted_on: r.submittedOn, earliest_date: r.earliestDate,
      description: r.description, version: r.version?.version ?? null, fingerprint: r.version?.fingerprint ?? null, device_id: deviceId,
      procedures: r.procedures ? JSON.stringify([...r.procedures]) : null, fields: r.fields ? JSON.stringify([...r.fields]) : null,
      steps: JSON.stringify(r.steps), current_step: 0, submitted_by: r.submittedBy, submitted_at: nowMs, decided_at: null,
      approving_body: null, document_number: null, document_date: null, signer: null, reject_reason: null, updated_at: nowMs,
    }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, appId, appKey };
  });
}

function registrations(db: Db) {
  return db.selectFrom('registrations')
    .innerJoin('apps', 'apps.id', 'registrations.app_id')
    .innerJoin('units', 'units.id', 'registrations.unit_id')
    .leftJoin('app_devices', 'app_devices.id', 'registrations.device_id')
    .selectAll('registrations')
    .select(['apps.name as app_name', 'apps.status as app_status', 'apps.security_level as app_security_level', 'units.code as unit_code', 'app_devices.hostname as device_hostname', 'app_devices.addresses as device_addresses']);
}

export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof registrationById>>>;

export async function registrationById(db: Db, id: number) {
  return registrations(db).where('registrations.id', '=', id).executeTakeFirst();
}

export async function listRegistrations(db: Db, f: { unitId?: number; status?: string; appId?: string; limit: number }) {
  return registrations(db)
    .$if(f.unitId !== undefined, (q) => q.where('registrations.unit_id', '=', f.unitId!))
    .$if(f.status !== undefined, (q) => q.where('registrations.status', '=', f.status!))
    .$if(f.appId !== undefined, (q) => q.where('registrations.app_id', '=', f.appId!))
    .orderBy('registrations.id', 'desc').limit(f.limit).execute();
}

export async function stepsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('registration_steps').selectAll().where('registration_id', 'in', ids).orderBy('id').execute();
}

/** Metadata only: the bytes are read one attachment at a time. */
export async function attachmentsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('registration_attachments')
    .select(['id', 'registration_id', 'kind', 'filename', 'media_type', 'size', 'sha256', 'text_checked', 'uploaded_by', 'created_at'])
    .where('registration_id', 'in', ids).orderBy('id').execute();
}

export interface StepRecord {
  registrationId: number;
  expectedStep: number;
  next: { status: string; currentStep: number };
  step: { name: string; role: string };
  actor: string;
  result: 'passed' | 'approved' | 'rejected';
  note: string | null;
  rejectReason: string | null;
  approval: { approvingBody: string; documentNumber: string; documentDate: string; signer: string } | null;
  effects: Effects;
}

class Conflict extends Error {}

/**
 * Applies a decided step in one transaction, guarded on the step still awaited: of two people
 * acting at once, one wins and the other gets `false` (re-read, re-decide). A final decision
 * applies its effects to the registry in the same commit.
 */
export async function applyStep(db: Db, s: StepRecord, nowMs: number): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      const final = s.result !== 'passed';
      const upd = await trx.updateTable('registrations').set({
        status: s.next.status, current_step: s.next.currentStep, updated_at: nowMs,
        ...(final ? { decided_at: nowMs } : {}),
        ...(s.approval ? { approving_body: s.approval.approvingBody, document_number: s.approval.documentNumber, document_date: s.approval.documentDate, signer: s.approval.signer } : {}),
        ...(s.rejectReason ? { reject_reason: s.rejectReason } : {}),
      }).where('id', '=', s.registrationId).where('current_step', '=', s.expectedStep).where('status', 'in', ['submitted', 'under_assessment']).executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) throw new Conflict();
      await trx.insertInto('registration_steps').values({ registration_id: s.registrationId, step: s.step.name, role: s.step.role, actor: s.actor, result: s.result, note: s.note, created_at: nowMs }).execute();
      if (final) await applyEffects(trx, s.registrationId, s.effects);
    });
    return true;
  } catch (err) {
    if (err instanceof Conflict) return false;
    throw err;
  }
}

async function applyEffects(trx: Db, registrationId: number, e: Effects): Promise<void> {
  const r = await trx.selectFrom('registrations').selectAll().where('id', '=', registrationId).executeTakeFirstOrThrow();
  if (e.app) {
    const upd = await trx.updateTable('apps').set({
      status: e.app.status,
      ...(e.app.activeFrom !== undefined ? { active_from: e.app.activeFrom } : {}),
      ...(e.app.approvalDoc !== undefined ? { approval_doc: e.app.approvalDoc } : {}),
    }).where('id', '=', r.app_id).where('status', '=', 'pending').executeTakeFirst();
    // The system was revoked while its request was decided: nothing is granted.
    if (Number(upd.numUpdatedRows) !== 1) throw new Conflict();
  }
  if (e.version && r.version !== null) {
    await trx.updateTable('app_versions').set({ status: e.version.status, ...(e.version.activeFrom !== undefined ? { active_from: e.version.activeFrom } : {}) })
      .where('app_id', '=', r.app_id).where('version', '=', r.version).execute();
  }
  if (e.device && r.device_id !== null) await trx.updateTable('app_devices').set({ status: e.device.status }).where('id', '=', r.device_id).execute();
  if (e.addScope) {
    const app = await trx.selectFrom('apps').select(['procedures_used', 'fields_used']).where('id', '=', r.app_id).executeTakeFirstOrThrow();
    const merge = (a: string | null | undefined, b: string | null) => JSON.stringify(widenScope(jsonList(a), jsonList(b)));
    await trx.updateTable('apps').set({ procedures_used: merge(app.procedures_used, r.procedures), fields_used: merge(app.fields_used, r.fields) }).where('id', '=', r.app_id).execute();
  }
}

// ---- Attachments

export interface NewAttachment {
  registrationId: number;
  kind: string;
  filename: string;
  mediaType: string;
  sha256: string;
  textChecked: boolean;
  content: Buffer;
  uploadedBy: string;
}

export async function addAttachment(db: Db, a: NewAttachment, nowMs: number): Promise<number> {
  const r = await db.insertInto('registration_attachments').values({
    registration_id: a.registrationId, kind: a.kind, filename: a.filename, media_type: a.mediaType, size: a.content.length, sha256: a.sha256,
    text_checked: a.textChecked ? 1 : 0, content: a.content, uploaded_by: a.uploadedBy, created_at: nowMs,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function attachmentContent(db: Db, registrationId: number, attachmentId: number) {
  return db.selectFrom('registration_attachments').selectAll().where('id', '=', attachmentId).where('registration_id', '=', registrationId).executeTakeFirst();
}
