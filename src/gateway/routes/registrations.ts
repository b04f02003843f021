/**
 * Requests of R2 — a new connection, version, function or device, reported in writing at least 10
 * working days before planned use — and their approval workflow: a unit head submits for the unit,
 * the security team is notified and assesses, an administrator records the written grant; nobody
 * performs a step on their own request. Every submission, step and refusal is in the ledger.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DancuError } from '../../core/errors.js';
import { CITIZEN_FIELDS } from '../../core/lookup/fields.js';
import {
  checkWorkflow, decideStep, decideSubmission, effectsOf, REGISTRATION_KINDS, REGISTRATION_STATUSES, workingDaysLeft,
  type Refused, type WorkflowStep,
} from '../../core/registry/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import { dayKey } from '../../core/time.js';
import * as dir from '../../storage/directory.js';
import * as reg from '../../storage/registry.js';
import { ROLES } from '../access.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { appRegistryRoutes } from './registration-apps.js';
import { actorOf, AppId, assertMayRead, IdParam, Nullable, READERS, registrationEntry, type Staff } from './registration-common.js';
import { attachmentRoutes } from './registration-attachments.js';
import { ErrorResponse } from './schemas.js';

const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const ProcedureCode = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' });
const Field = Type.Union(CITIZEN_FIELDS.map((f) => Type.Literal(f)));
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Version = Type.Object({
  version: Type.String({ pattern: '^[A-Za-z0-9._+-]{1,64}$', description: 'Chuỗi phiên bản, như hệ thống gửi trong X-Client-Version' }),
  fingerprint: Type.String({ pattern: '^[A-Za-z0-9:._+/=-]{8,128}$', description: 'Dấu vân tay bản build, ví dụ sha256:…' }),
}, { additionalProperties: false });
const Device = Type.Object({
  hostname: Type.String({ pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63})*$', maxLength: 253 }),
  addresses: Type.Array(Type.String({ maxLength: 45 }), { minItems: 1, maxItems: 8, uniqueItems: true }),
}, { additionalProperties: false });
const Common = { plannedDate: CivilDate, description: Text(2000) };
const Procedures = Type.Array(ProcedureCode, { maxItems: 200, uniqueItems: true });
const Fields = Type.Array(Field, { maxItems: CITIZEN_FIELDS.length, uniqueItems: true });

const NewRequest = Type.Union([
  Type.Object({
    kind: Type.Literal('new_connection'), ...Common,
    app: Type.Object({
      name: Text(200), responsiblePerson: Text(200),
      securityLevel: Type.Integer({ minimum: 1, maximum: 5, description: 'Cấp độ an toàn hệ thống thông tin; kết nối cần cấp độ 3 trở lên' }),
      procedures: Procedures, fields: Fields, dailyQuota: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    }, { additionalProperties: false }),
    version: Version, device: Type.Optional(Device),
  }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('new_version'), ...Common, appId: AppId, version: Version }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('new_function'), ...Common, appId: AppId, procedures: Procedures, fields: Fields }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('new_device'), ...Common, appId: AppId, device: Device }, { additionalProperties: false }),
]);
type NewRequestBody = Static<typeof NewRequest>;

const Label = Type.Object({ vi: Type.String(), en: Type.String() });
const StepDef = Type.Object({ name: Type.String(), role: Type.String(), label: Label });
const AttachmentView = Type.Object({
  id: Type.Integer(), kind: Type.String(), filename: Type.String(), mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(),
  textChecked: Type.Boolean({ description: 'Đã trích văn bản và kiểm tra dấu hiệu bí mật nhà nước' }), uploadedBy: Type.String(), uploadedAt: Type.String(),
});
const RegistrationView = Type.Object({
  id: Type.Integer(), kind: Type.String(), status: Type.String(), appId: Type.String(), appName: Type.String(), unitCode: Type.String(),
  plannedDate: Type.String(), submittedOn: Type.String(), earliestPermittedDate: Type.String(),
  workingDaysLeft: Type.Integer({ description: 'Số ngày làm việc còn lại trước ngày dự kiến sử dụng' }),
  description: Type.String(),
  version: Nullable(Type.Object({ version: Type.String(), fingerprint: Nullable(Type.String()) })),
  device: Nullable(Type.Object({ hostname: Type.String(), addresses: Type.Array(Type.String()) })),
  procedures: Type.Array(Type.String()), fields: Type.Array(Type.String()),
  submittedBy: Type.String(), submittedAt: Type.String(),
  pendingStep: Nullable(StepDef),
  steps: Type.Array(Type.Object({ step: Type.String(), role: Type.String(), actor: Type.String(), result: Type.String(), note: Nullable(Type.String()), at: Type.String() })),
  approval: Nullable(Type.Object({ approvingBody: Type.String(), documentNumber: Type.String(), documentDate: Type.String(), signer: Type.String() })),
  rejectReason: Nullable(Type.String()), decidedAt: Nullable(Type.String()),
  attachments: Type.Array(AttachmentView),
});
const Created = Type.Composite([RegistrationView, Type.Object({ appKey: Type.Optional(Type.String({ description: 'Mã khóa của hệ thống mới: chỉ hiện một lần; dùng được sau khi được chấp thuận và đến ngày dự kiến' })) })]);
const StepBody = Type.Object({
  step: Type.String({ maxLength: 32 }),
  outcome: Type.Union([Type.Literal('pass'), Type.Literal('reject')]),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  approval: Type.Optional(Type.Object({ approvingBody: Text(300), documentNumber: Text(128), documentDate: CivilDate, signer: Text(200) }, { additionalProperties: false })),
}, { additionalProperties: false });
const WorkflowBody = Type.Object({
  steps: Type.Array(Type.Object({
    name: Type.String({ maxLength: 32 }), role: Type.Union([Type.Literal('security'), Type.Literal('admin')]),
    label: Type.Object({ vi: Text(200), en: Text(200) }, { additionalProperties: false }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
const WorkflowView = Type.Object({ steps: Type.Array(StepDef), updatedBy: Nullable(Type.String()), updatedAt: Nullable(Type.String()) });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function registrationRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const now = () => deps.now().getTime();
  const today = () => dayKey(deps.now(), deps.config.timezone);

  async function present(rows: reg.RegistrationRow[], calendar: WorkingCalendar) {
    const ids = rows.map((r) => r.id);
    const [steps, files] = await Promise.all([reg.stepsOf(db, ids), reg.attachmentsOf(db, ids)]);
    const day = today();
    return rows.map((r) => {
      const defs = JSON.parse(r.steps) as WorkflowStep[];
      const open = r.status === 'submitted' || r.status === 'under_assessment';
      return {
        id: r.id, kind: r.kind, status: r.status, appId: r.app_id, appName: r.app_name, unitCode: r.unit_code,
        plannedDate: r.planned_date, submittedOn: r.submitted_on, earliestPermittedDate: r.earliest_date,
        workingDaysLeft: workingDaysLeft(day, r.planned_date, calendar), description: r.description,
        version: r.version === null ? null : { version: r.version, fingerprint: r.fingerprint },
        device: r.device_hostname === null ? null : { hostname: r.device_hostname, addresses: reg.jsonList(r.device_addresses) },
        procedures: reg.jsonList(r.procedures), fields: reg.jsonList(r.fields),
        submittedBy: r.submitted_by, submittedAt: new Date(r.submitted_at).toISOString(),
        pendingStep: open ? defs[r.current_step] ?? null : null,
        steps: steps.filter((s) => s.registration_id === r.id).map((s) => ({ step: s.step, role: s.role, actor: s.actor, result: s.result, note: s.note, at: new Date(s.created_at).toISOString() })),
        approval: r.document_number === null ? null : { approvingBody: r.approving_body ?? '', documentNumber: r.document_number, documentDate: r.document_date ?? '', signer: r.signer ?? '' },
        rejectReason: r.reject_reason, decidedAt: iso(r.decided_at),
        attachments: files.filter((f) => f.registration_id === r.id).map((f) => ({
          id: f.id, kind: f.kind, filename: f.filename, mediaType: f.media_type, size: f.size, sha256: f.sha256, textChecked: f.text_checked === 1,
          uploadedBy: f.uploaded_by, uploadedAt: new Date(f.created_at).toISOString(),
        })),
      };
    });
  }

  async function one(id: number) {
    const r = await reg.registrationById(db, id);
    if (!r) throw new DancuError('NOT_FOUND');
    return r;
  }

  /** A refused decision is recorded with its reason, then answered (STYLE: denials go to the ledger). */
  async function refuse(req: FastifyRequest, operation: string, r: Refused, about: Parameters<typeof registrationEntry>[3], detail: Record<string, unknown>): Promise<never> {
    await record(deps, registrationEntry(req, operation, r.code, about, { ...detail, reason: r.reason }));
    throw new DancuError(r.code, r.reason, r.message);
  }

  async function submit(req: FastifyRequest, body: NewRequestBody) {
    const actor = actorOf(req.principal);
    const app = 'appId' in body ? await reg.appWithUnit(db, body.appId) : undefined;
    if ('appId' in body && !app) throw new DancuError('NOT_FOUND', 'app');
    const calendar = await reg.workingCalendar(db);
    const catalogue = new Map((await dir.listProcedures(db)).map((p) => [p.code, { fields: dir.procedureFields(p), active: p.active === 1 }]));
    const version = body.kind === 'new_connection' || body.kind === 'new_version' ? body.version : undefined;
    const device = body.kind === 'new_connection' || body.kind === 'new_device' ? body.device : undefined;
    const scope = body.kind === 'new_connection' ? body.app : body.kind === 'new_function' ? body : undefined;
    const day = today();
    const decision = decideSubmission({
      kind: body.kind, actor, today: day, plannedDate: body.plannedDate, calendar,
      app: app ? { unitId: app.unit_id, status: app.status, procedures: reg.jsonList(app.procedures_used) } : null,
      ...(body.kind === 'new_connection' ? { securityLevel: body.app.securityLevel } : {}),
      ...(app && body.kind === 'new_version' ? { existingVersionStatus: await dir.appVersionStatus(db, app.id, body.kind === 'new_version' ? body.version.version : '') } : {}),
      ...(device ? { addresses: device.addresses, hostnameTaken: app ? (await reg.devicesOf(db, [app.id])).some((d) => d.hostname.toLowerCase() === device.hostname.toLowerCase()) : false } : {}),
      ...(scope ? { procedures: scope.procedures, fields: scope.fields } : {}),
      catalogue,
    });
    const about = { app_id: app?.id ?? null, unit_code: (req.principal as Staff).unitCode, version: version?.version ?? null };
    if (!decision.ok) return refuse(req, 'registration.submit', decision, about, { kind: body.kind, plannedDate: body.plannedDate, submittedOn: day });
    const { steps } = await reg.currentWorkflow(db);
    const created = await reg.createRegistration(db, {
      kind: body.kind, unitId: actor.unitId, submittedBy: actor.username, plannedDate: body.plannedDate, submittedOn: day, earliestDate: decision.earliest,
      description: body.description.trim(), steps, ...(app ? { appId: app.id } : {}),
      ...(body.kind === 'new_connection' ? { newApp: { name: body.app.name.trim(), responsiblePerson: body.app.responsiblePerson.trim(), securityLevel: body.app.securityLevel, dailyQuota: body.app.dailyQuota ?? null } } : {}),
      ...(version ? { version } : {}), ...(device ? { device } : {}), ...(scope ? { procedures: scope.procedures, fields: scope.fields } : {}),
    }, now());
    // The security team is told of every new request (R2: reported to the working group via Công an tỉnh and its cyber-security team).
    await record(deps, registrationEntry(req, 'registration.submitted', 'OK', { ...about, app_id: created.appId }, {
      notify: 'security', registrationId: created.id, kind: body.kind, plannedDate: body.plannedDate, submittedOn: day, earliestPermittedDate: decision.earliest,
      ...(device ? { hostname: device.hostname } : {}), ...(version ? { fingerprint: version.fingerprint } : {}),
    }));
    const [view] = await present([await one(created.id)], calendar);
    return { ...view!, ...(created.appKey ? { appKey: created.appKey } : {}) };
  }

  async function step(req: FastifyRequest<{ Params: { id: number }; Body: Static<typeof StepBody> }>) {
    const r = await one(req.params.id);
    const steps = JSON.parse(r.steps) as WorkflowStep[];
    const prior = await reg.stepsOf(db, [r.id]);
    const day = today();
    const action = req.body;
    const about = { app_id: r.app_id, unit_code: r.unit_code, version: r.version };
    const decision = decideStep({
      kind: r.kind as (typeof REGISTRATION_KINDS)[number], status: r.status as (typeof REGISTRATION_STATUSES)[number], currentStep: r.current_step, steps,
      submittedBy: r.submitted_by, submittedOn: r.submitted_on, priorActors: prior.map((s) => s.actor),
      app: { status: r.app_status, securityLevel: r.app_security_level ?? null },
      attachmentKinds: (await reg.attachmentsOf(db, [r.id])).map((a) => a.kind),
    }, actorOf(req.principal), action, day);
    if (!decision.ok) return refuse(req, 'registration.step', decision, about, { registrationId: r.id, step: action.step, outcome: action.outcome });
    const def = steps[r.current_step]!;
    const final = decision.result !== 'passed';
    const applied = await reg.applyStep(db, {
      registrationId: r.id, expectedStep: r.current_step, next: decision.next, step: { name: def.name, role: def.role }, actor: actorOf(req.principal).username,
      result: decision.result, note: action.note?.trim() || action.reason?.trim() || null, rejectReason: decision.result === 'rejected' ? action.reason!.trim() : null,
      approval: decision.result === 'approved' ? action.approval! : null,
      effects: final ? effectsOf(r.kind as (typeof REGISTRATION_KINDS)[number], decision.result as 'approved' | 'rejected', r.planned_date, action.approval, deps.config.timezone) : {},
    }, now());
    if (!applied) {
      return refuse(req, 'registration.step', { ok: false, code: 'INVALID_REQUEST', reason: 'request changed meanwhile', message: { vi: 'Đề nghị vừa được người khác xử lý; vui lòng tải lại', en: 'Someone else just acted on the request; reload it' } }, about, { registrationId: r.id, step: action.step });
    }
    const operation = decision.result === 'passed' ? 'registration.step' : `registration.${decision.result}`;
    await record(deps, registrationEntry(req, operation, 'OK', about, {
      registrationId: r.id, kind: r.kind, step: def.name, result: decision.result, notify: decision.notify,
      ...(decision.result === 'rejected' ? { reason: action.reason!.trim() } : {}),
      ...(decision.result === 'approved' ? { ...action.approval!, plannedDate: r.planned_date } : {}),
    }));
    const [view] = await present([await one(r.id)], await reg.workingCalendar(db));
    return view!;
  }

  return async (app) => {
    app.get<{ Querystring: { status?: string; appId?: string; limit?: number } }>('/api/v1/registrations', {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['registrations'], summary: 'Đề nghị kết nối, thay đổi phiên bản, chức năng, thiết bị; kèm số ngày làm việc còn lại',
        querystring: Type.Object({ status: Type.Optional(Type.Union(REGISTRATION_STATUSES.map((s) => Type.Literal(s)))), appId: Type.Optional(AppId), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Array(RegistrationView), '4xx': ErrorResponse },
      },
    }, async (req) => {
      const p = req.principal as Staff;
      const rows = await reg.listRegistrations(db, {
        ...(p.role === 'manager' ? { unitId: p.unitId } : {}), ...(req.query.status ? { status: req.query.status } : {}), ...(req.query.appId ? { appId: req.query.appId } : {}), limit: req.query.limit ?? 100,
      });
      return present(rows, await reg.workingCalendar(db));
    });

    app.post<{ Body: NewRequestBody }>('/api/v1/registrations', {
      config: { access: { roles: ['manager'] } },
      schema: {
        tags: ['registrations'], summary: 'Gửi đề nghị (tối thiểu 10 ngày làm việc trước ngày dự kiến sử dụng)', body: NewRequest,
        response: { 200: Created, '4xx': ErrorResponse },
      },
    }, async (req) => submit(req, req.body));

    app.get<{ Params: { id: number } }>('/api/v1/registrations/:id', {
      config: { access: { roles: READERS } },
      schema: { tags: ['registrations'], summary: 'Một đề nghị, các bước đã thực hiện và tệp đính kèm', params: IdParam, response: { 200: RegistrationView, '4xx': ErrorResponse } },
    }, async (req) => {
      const r = await one(req.params.id);
      assertMayRead(req.principal, r.unit_id);
      return (await present([r], await reg.workingCalendar(db)))[0]!;
    });

    app.post<{ Params: { id: number }; Body: Static<typeof StepBody> }>('/api/v1/registrations/:id/steps', {
      config: { access: { roles: ['security', 'admin'] } },
      schema: {
        tags: ['registrations'], summary: 'Thực hiện bước đang chờ: thông qua (bước cuối ghi văn bản chấp thuận) hoặc từ chối (nêu lý do)',
        params: IdParam, body: StepBody, response: { 200: RegistrationView, '4xx': ErrorResponse },
      },
    }, step);

    app.get('/api/v1/registrations/workflow', {
      config: { access: { roles: ROLES } },
      schema: { tags: ['registrations'], summary: 'Các bước phê duyệt đề nghị', response: { 200: WorkflowView } },
    }, async () => {
      const w = await reg.currentWorkflow(db);
      return { steps: w.steps, updatedBy: w.updatedBy, updatedAt: iso(w.updatedAt) };
    });

    app.put<{ Body: Static<typeof WorkflowBody> }>('/api/v1/registrations/workflow', {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['registrations'], summary: 'Cấu hình các bước phê duyệt (áp dụng cho đề nghị gửi sau đó)', body: WorkflowBody,
        response: { 200: WorkflowView, '4xx': ErrorResponse },
      },
    }, async (req) => {
      const steps = req.body.steps.map((s) => ({ name: s.name, role: s.role, label: { vi: s.label.vi.trim(), en: s.label.en.trim() } }));
      const check = checkWorkflow(steps);
      if (!check.ok) throw new DancuError(check.code, check.reason, check.message);
      const by = (req.principal as Staff).username;
      await reg.putWorkflow(db, steps, by, now());
      await record(deps, registrationEntry(req, 'registration.workflow', 'OK', {}, { steps: steps.map((s) => `${s.name}:${s.role}`) }));
      return { steps, updatedBy: by, updatedAt: iso(now()) };
    });

    await app.register(attachmentRoutes(deps));
    await app.register(appRegistryRoutes(deps));
  };
}
