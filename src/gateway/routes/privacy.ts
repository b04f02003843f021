/**
 * Personal-data protection (Luật 91/2025/QH15, NĐ 356/2025/NĐ-CP from 01/01/2026):
 * - data-subject reports (the right to know who processed one's data), as JSON and as a PDF in
 *   Vietnamese, with delayed disclosure (holds) during an investigation;
 * - personal-data breach incidents and their 72-hour notification deadline;
 * - ledger retention (TT 46/2022/TT-BCA Art. 8(1)): what a prune would delete, and the prune.
 * Every step is recorded in the ledger, with the ID number only as HMAC and masked.
 * The ID number travels in POST bodies only, never in a URL (URLs end up in access logs).
 */
import type { IncidentView } from '../../api-views.js';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { addDays, isValidCivilDate } from '../../core/calendar/index.js';
import { workingCalendar } from '../../storage/registry.js';
import { DancuError } from '../../core/errors.js';
import { maskIdNumber } from '../../core/id-number.js';
import { DOSSIER_CODE } from '../../core/lookup/admission.js';
import {
  activeHold, breachNotice, checkDiscoveredAt, DEFAULT_RETENTION_MONTHS, describeDuration, heldThrough, reportAccess, requestTimeliness, retentionCutoffDay, SEVERITIES,
  type RequestTimeliness,
} from '../../core/privacy/index.js';
import { dayKey, startOfDayMs } from '../../core/time.js';
import { idNumberHmac } from '../../keys.js';
import { renderDataSubjectPdf } from '../../privacy/data-subject-pdf.js';
import { draft } from '../../storage/ledger-writer.js';
import * as store from '../../storage/privacy.js';
import type { Principal } from '../access.js';
import type { GatewayConfig, GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
const staffOf = (req: FastifyRequest) => req.principal as Staff;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** The runtime passes the whole Config; a bare GatewayConfig (tests) gets the default period. */
export function retentionMonthsOf(config: GatewayConfig & { ledgerRetentionMonths?: number }): number {
  return config.ledgerRetentionMonths ?? DEFAULT_RETENTION_MONTHS;
}

const IdNumber = Type.String({ pattern: '^[0-9]{12}$', description: 'Số định danh cá nhân (12 chữ số); chỉ gửi trong thân yêu cầu' });
const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const ReportBody = Type.Object({
  idNumber: IdNumber,
  requestReceivedOn: Type.Optional({ ...CivilDate, description: 'Ngày nhận yêu cầu của chủ thể dữ liệu (hạn xác nhận: 2 ngày làm việc)' }),
  requestReference: Type.Optional(Type.String({ maxLength: 64, description: 'Số, ký hiệu của yêu cầu (chữ, số và . - _ /)' })),
}, { additionalProperties: false });

const ReportEntryView = Type.Object({
  seq: Type.Integer(), time: Type.String(), kind: Type.String(), reachedUpstream: Type.Boolean(), outcome: Type.String(),
  unitCode: Nullable(Type.String()), unitName: Nullable(Type.String()), user: Nullable(Type.String()), appId: Nullable(Type.String()), appName: Nullable(Type.String()),
  appVersion: Nullable(Type.String()), procedureCode: Nullable(Type.String()), procedureName: Nullable(Type.String()), dossierCode: Nullable(Type.String()),
  purpose: Nullable(Type.String()), fieldsReturned: Type.Array(Type.String()),
});
const ReportView = Type.Object({
  idNumberMasked: Type.String(), generatedAt: Type.String(),
  coverage: Type.Object({ since: Nullable(Type.String()), retentionMonths: Type.Integer() }),
  hold: Type.Union([Type.Object({ until: Type.String() }), Type.Null()]),
  request: Type.Union([Type.Object({ receivedOn: Type.String(), acknowledgeBy: Type.String(), late: Type.Boolean() }), Type.Null()]),
  entries: Type.Array(ReportEntryView),
});

const HoldBody = Type.Object({
  idNumber: IdNumber,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  until: { ...CivilDate, description: 'Tạm hoãn đến hết ngày này (YYYY-MM-DD)' },
}, { additionalProperties: false });
const HoldView = Type.Object({
  id: Type.Integer(), idNumberMasked: Type.String(), reason: Type.String(), until: Type.String(), createdBy: Type.String(), createdAt: Type.String(),
  releasedAt: Nullable(Type.String()), releasedBy: Nullable(Type.String()),
});

const IncidentBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ minLength: 1, maxLength: 5000 }),
  discoveredAt: Type.String({ minLength: 10, maxLength: 40, description: 'Thời điểm phát hiện (ISO 8601, có múi giờ)' }),
  severity: Type.Union(SEVERITIES.map((s) => Type.Literal(s))),
}, { additionalProperties: false });
const NotifyBody = Type.Object({
  authority: Type.String({ minLength: 1, maxLength: 200, description: 'Cơ quan nhận thông báo' }),
  reference: Type.String({ minLength: 1, maxLength: 200, description: 'Số, ký hiệu văn bản thông báo' }),
}, { additionalProperties: false });
const IncidentSchema = Type.Object({
  id: Type.Integer(), title: Type.String(), description: Type.String(), severity: Type.String(), discoveredAt: Type.String(), reportedBy: Type.String(),
  createdAt: Type.String(), notificationDeadline: Type.String(), status: Type.String(), msLeft: Type.Integer(), timeLeft: Type.String(),
  notifiedAt: Nullable(Type.String()), notifiedBy: Nullable(Type.String()), authority: Nullable(Type.String()), reference: Nullable(Type.String()),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const PruneQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ description: 'true: only say what would be deleted' })) }, { additionalProperties: false });
const PruneView = Type.Object({
  status: Type.String(), retentionMonths: Type.Integer(), cutoff: Nullable(Type.String()), headSeq: Type.Integer(), prunedThrough: Type.Integer(),
  boundarySeq: Type.Union([Type.Integer(), Type.Null()]), checkpointHash: Nullable(Type.String()), entries: Type.Integer(), deleted: Type.Integer(),
  message: Type.String(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function presentHold(h: store.HoldRow) {
  return { id: h.id, idNumberMasked: h.idMasked, reason: h.reason, until: new Date(h.untilMs).toISOString(), createdBy: h.createdBy, createdAt: new Date(h.createdAtMs).toISOString(), releasedAt: iso(h.releasedAtMs), releasedBy: h.releasedBy };
}

function presentIncident(i: store.IncidentRow, nowMs: number): IncidentView {
  const n = breachNotice({ discoveredAtMs: i.discoveredAtMs, notifiedAtMs: i.notifiedAtMs }, nowMs);
  const timeLeft = n.status === 'due' ? `còn ${describeDuration(n.msLeft)}` : n.status === 'overdue' ? `quá hạn ${describeDuration(n.msLeft)}`
    : n.status === 'notified' ? 'đã thông báo trong hạn' : `đã thông báo, trễ ${describeDuration(n.msLeft)}`;
  return {
    id: i.id, title: i.title, description: i.description, severity: i.severity, discoveredAt: new Date(i.discoveredAtMs).toISOString(), reportedBy: i.reportedBy,
    createdAt: new Date(i.createdAtMs).toISOString(), notificationDeadline: new Date(n.deadlineMs).toISOString(), status: n.status, msLeft: n.msLeft, timeLeft,
    notifiedAt: iso(i.notifiedAtMs), notifiedBy: i.notifiedBy, authority: i.authority, reference: i.reference,
  };
}

export function privacyRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const tz = deps.config.timezone;
  const months = retentionMonthsOf(deps.config);
  const now = () => deps.now().getTime();
  /** A privacy entry: the ID number only as its HMAC and masked form, never the number. */
  const audit = (req: FastifyRequest, d: { operation: string; outcome?: string; idNumber?: string; idHmac?: string; idMasked?: string; dossier?: string | null; detail?: Record<string, unknown> }) => {
    const p = staffOf(req);
    return record(deps, draft({
      request_id: req.id, category: 'privacy', operation: d.operation, outcome: d.outcome ?? 'OK',
      actor: p.username, unit_code: p.unitCode, client_ip: req.ip.slice(0, 64), dossier_code: d.dossier ?? null,
      id_hmac: d.idNumber ? idNumberHmac(deps.keys, d.idNumber) : d.idHmac ?? null, id_masked: d.idNumber ? maskIdNumber(d.idNumber) : d.idMasked ?? null, detail: d.detail ?? null,
    }));
  };

  /**
   * Decides who may read the report of a number (holds), records the report or the refusal, and
   * builds it. The entry is written before the answer: a report that cannot be recorded is refused.
   */
  async function report(req: FastifyRequest, body: Static<typeof ReportBody>, format: 'json' | 'pdf') {
    const p = staffOf(req);
    const { idNumber } = body;
    if (body.requestReference !== undefined && !DOSSIER_CODE.test(body.requestReference)) {
      throw new DancuError('INVALID_REQUEST', 'malformed request reference', { vi: 'Số, ký hiệu yêu cầu chỉ gồm chữ, số và . - _ / (tối đa 64 ký tự)', en: 'The request reference may hold letters, digits and . - _ / (at most 64)' });
    }
    let request: RequestTimeliness | null = null;
    const today = dayKey(deps.now(), tz);
    if (body.requestReceivedOn !== undefined) {
      if (!isValidCivilDate(body.requestReceivedOn) || body.requestReceivedOn > today) {
        throw new DancuError('INVALID_REQUEST', 'bad request date', { vi: 'Ngày nhận yêu cầu không hợp lệ hoặc ở tương lai', en: 'The request date is invalid or in the future' });
      }
      // The province's calendar, with the administrators' corrections to each year's days off.
      request = requestTimeliness(body.requestReceivedOn, today, await workingCalendar(db));
    }
    const idHmac = idNumberHmac(deps.keys, idNumber);
    const hold = activeHold(await store.holdsOf(db, idHmac), now());
    const access = reportAccess(p.role, hold);
    if (!access.allow) {
      await audit(req, { operation: 'data_subject.report', outcome: 'FORBIDDEN', idNumber, dossier: body.requestReference, detail: { format, reason: access.reason } });
      const day = access.holdUntilMs !== undefined ? heldThrough(access.holdUntilMs, tz) : '';
      throw new DancuError('FORBIDDEN', `data-subject report ${access.reason === 'HELD' ? 'held' : 'not for this role'}`, access.reason === 'HELD'
        ? { vi: `Báo cáo của số định danh này đang được tạm hoãn cung cấp (ví dụ trong thời gian điều tra) đến hết ngày ${day}; liên hệ bộ phận an ninh`, en: `The report for this number is held back (e.g. during an investigation) until the end of ${day}; contact the security team` }
        : undefined);
    }
    const r = await store.dataSubjectReport(db, { idHmac, idMasked: maskIdNumber(idNumber), nowMs: now(), retentionMonths: months });
    await audit(req, { operation: 'data_subject.report', idNumber, dossier: body.requestReference, detail: { format, entries: r.entries.length, held: access.held, ...(request ? { acknowledgeBy: request.acknowledgeBy, late: request.late } : {}) } });
    return { ...r, hold: hold ? { until: new Date(hold.untilMs).toISOString() } : null, request };
  }

  return async (app) => {
    const readers = { roles: ['security', 'auditor'] } as const;
    const security = { roles: ['security'] } as const;

    app.post<{ Body: Static<typeof ReportBody> }>('/api/v1/data-subject-reports', {
      config: { access: readers },
      schema: { tags: ['privacy'], summary: 'Báo cáo về việc xử lý dữ liệu cá nhân của một số định danh', body: ReportBody, response: { 200: ReportView, '4xx': ErrorResponse } },
    }, async (req) => report(req, req.body, 'json'));

    app.post<{ Body: Static<typeof ReportBody> }>('/api/v1/data-subject-reports/pdf', {
      config: { access: readers },
      schema: { tags: ['privacy'], summary: 'Báo cáo về việc xử lý dữ liệu cá nhân (PDF tiếng Việt)', body: ReportBody, response: { '4xx': ErrorResponse } },
    }, async (req, reply) => {
      const r = await report(req, req.body, 'pdf');
      const pdf = await renderDataSubjectPdf(r, { timezone: tz });
      return reply.type('application/pdf')
        .header('content-disposition', `attachment; filename="bao-cao-xu-ly-du-lieu-ca-nhan-${dayKey(deps.now(), tz)}.pdf"`)
        .send(pdf);
    });

    app.post<{ Body: Static<typeof HoldBody> }>('/api/v1/data-subject-holds', {
      config: { access: security },
      schema: { tags: ['privacy'], summary: 'Tạm hoãn cung cấp báo cáo cho chủ thể dữ liệu (ví dụ khi đang điều tra)', body: HoldBody, response: { 201: HoldView, '4xx': ErrorResponse } },
    }, async (req, reply) => {
      const p = staffOf(req);
      const { idNumber, reason, until } = req.body;
      if (!isValidCivilDate(until) || until < dayKey(deps.now(), tz)) {
        throw new DancuError('INVALID_REQUEST', 'hold end in the past', { vi: 'Ngày kết thúc tạm hoãn không hợp lệ hoặc đã qua', en: 'The hold end date is invalid or past' });
      }
      const untilMs = startOfDayMs(addDays(until, 1), tz);
      const hold = await store.addHold(db, { idHmac: idNumberHmac(deps.keys, idNumber), idMasked: maskIdNumber(idNumber), reason: reason.trim(), untilMs, createdBy: p.username, nowMs: now() });
      // The reason stays in the holds table (security only): the ledger is read by the auditors it is held from.
      await audit(req, { operation: 'data_subject.hold', idNumber, detail: { holdId: hold.id, until } });
      return reply.code(201).send(presentHold(hold));
    });

    app.get('/api/v1/data-subject-holds', {
      config: { access: security },
      schema: { tags: ['privacy'], summary: 'Các trường hợp đang tạm hoãn cung cấp báo cáo', response: { 200: Type.Object({ holds: Type.Array(HoldView) }) } },
    }, async () => ({ holds: (await store.activeHolds(db, now())).map(presentHold) }));

    app.post<{ Params: Static<typeof IdParams> }>('/api/v1/data-subject-holds/:id/release', {
      config: { access: security },
      schema: { tags: ['privacy'], summary: 'Chấm dứt tạm hoãn', params: IdParams, response: { 200: HoldView, '4xx': ErrorResponse } },
    }, async (req) => {
      const hold = await store.releaseHold(db, req.params.id, staffOf(req).username, now());
      if (!hold) throw new DancuError('NOT_FOUND', 'no hold in force with this id');
      await audit(req, { operation: 'data_subject.hold_released', idHmac: await store.holdIdHmac(db, hold.id), idMasked: hold.idMasked, detail: { holdId: hold.id } });
      return presentHold(hold);
    });

    app.post<{ Body: Static<typeof IncidentBody> }>('/api/v1/incidents', {
      config: { access: security },
      schema: { tags: ['privacy'], summary: 'Ghi nhận sự cố vi phạm dữ liệu cá nhân (thông báo trong 72 giờ)', body: IncidentBody, response: { 201: IncidentSchema, '4xx': ErrorResponse } },
    }, async (req, reply) => {
      const p = staffOf(req);
      const discoveredAtMs = /[zZ]|[+-]\d{2}:?\d{2}$/.test(req.body.discoveredAt) ? Date.parse(req.body.discoveredAt) : Number.NaN;
      const check = checkDiscoveredAt(discoveredAtMs, now());
      if (!check.ok) {
        throw new DancuError('INVALID_REQUEST', check.message, { vi: 'Thời điểm phát hiện phải là thời gian ISO 8601 có múi giờ, không ở tương lai', en: 'discoveredAt must be an ISO 8601 time with a zone, not in the future' });
      }
      const incident = await store.addIncident(db, { title: req.body.title.trim(), description: req.body.description.trim(), severity: req.body.severity, discoveredAtMs, reportedBy: p.username, nowMs: now() });
      const view = presentIncident(incident, now());
      await audit(req, { operation: 'incident.created', detail: { incidentId: incident.id, severity: incident.severity, discoveredAt: view.discoveredAt, deadline: view.notificationDeadline } });
      return reply.code(201).send(view);
    });

    app.get('/api/v1/incidents', {
      config: { access: { roles: ['security', 'auditor', 'admin'] } },
      schema: { tags: ['privacy'], summary: 'Sự cố vi phạm dữ liệu cá nhân và hạn thông báo 72 giờ', response: { 200: Type.Object({ incidents: Type.Array(IncidentSchema) }) } },
    }, async () => ({ incidents: (await store.listIncidents(db)).map((i) => presentIncident(i, now())) }));

    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof NotifyBody> }>('/api/v1/incidents/:id/notify', {
      config: { access: security },
      schema: { tags: ['privacy'], summary: 'Ghi nhận đã thông báo sự cố cho cơ quan có thẩm quyền', params: IdParams, body: NotifyBody, response: { 200: IncidentSchema, '4xx': ErrorResponse } },
    }, async (req) => {
      const p = staffOf(req);
      const existing = await store.incidentById(db, req.params.id);
      if (!existing) throw new DancuError('NOT_FOUND');
      const notified = await store.markNotified(db, existing.id, { authority: req.body.authority.trim(), reference: req.body.reference.trim(), by: p.username, nowMs: now() });
      if (!notified) throw new DancuError('INVALID_REQUEST', 'already notified', { vi: 'Sự cố này đã được ghi nhận thông báo', en: 'This incident has already been notified' });
      const view = presentIncident(notified, now());
      await audit(req, { operation: 'incident.notified', outcome: view.status === 'notified' ? 'OK' : 'LATE', detail: { incidentId: notified.id, authority: notified.authority, reference: notified.reference, status: view.status } });
      return view;
    });

    const cutoffMs = () => startOfDayMs(retentionCutoffDay(dayKey(deps.now(), tz), months), tz);

    app.get('/api/v1/ledger/retention', {
      config: { access: { roles: ['admin', 'security', 'auditor'] } },
      schema: { tags: ['ledger'], summary: 'Thời hạn lưu nhật ký và phạm vi có thể xóa', response: { 200: PruneView } },
    }, async () => {
      const plan = await store.planPrune(db, cutoffMs());
      return presentPrune({ status: plan.decision.prune ? 'dry-run' : 'nothing', plan }, months);
    });

    app.post<{ Querystring: Static<typeof PruneQuery> }>('/api/v1/ledger/prune', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['ledger'], summary: 'Xóa nhật ký quá thời hạn lưu (đến điểm kiểm tra có chữ ký)', querystring: PruneQuery, response: { 200: PruneView, '4xx': ErrorResponse } },
    }, async (req) => {
      const p = staffOf(req);
      const r = await store.pruneLedger({ db, storage: deps.storage, keys: deps.keys, ledger: { append: (d) => record(deps, d) } },
        { cutoffMs: cutoffMs(), retentionMonths: months, dryRun: req.query.dryRun === true, requestId: req.id, actor: p.username, clientIp: req.ip.slice(0, 64) });
      return presentPrune(r, months);
    });
  };
}

/** One view of a prune (or its preview) for the API and the CLI. */
export function presentPrune(r: store.PruneResult, retentionMonths: number) {
  if (r.status === 'refused') {
    return { status: r.status, retentionMonths, cutoff: null, headSeq: 0, prunedThrough: 0, boundarySeq: null, checkpointHash: null, entries: 0, deleted: 0, message: `the ledger does not verify (${r.verify.firstBroken.reason} at entry ${r.verify.firstBroken.seq}); nothing pruned` };
  }
  const d = r.plan.decision;
  return {
    status: r.status, retentionMonths, cutoff: r.plan.cutoff, headSeq: r.plan.headSeq, prunedThrough: r.status === 'pruned' && d.prune ? d.boundarySeq : r.plan.prunedThrough,
    boundarySeq: d.prune ? d.boundarySeq : null, checkpointHash: d.prune ? d.checkpointHash : null, entries: d.prune ? d.entries : 0,
    deleted: r.status === 'pruned' ? r.deleted : 0,
    message: !d.prune ? d.message : r.status === 'pruned' ? `entries ${r.plan.prunedThrough + 1}..${d.boundarySeq} deleted; the ledger now starts after the signed checkpoint at entry ${d.boundarySeq}` : `entries ${r.plan.prunedThrough + 1}..${d.boundarySeq} would be deleted`,
  };
}
