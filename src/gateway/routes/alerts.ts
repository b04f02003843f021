/**
 * The alert inbox (R6: monitor, promptly prevent and handle violations): `GET /api/v1/alerts`
 * for those who watch (a unit head sees the unit's own), and the lifecycle actions for those who
 * handle them. Every transition is written to the ledger before it is applied.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ALERT_STATUSES, type AlertAction } from '../../core/alerts/lifecycle.js';
import { DancuError } from '../../core/errors.js';
import { listAlerts, transitionAlert } from '../../storage/alerts.js';
import type { GatewayDeps } from '../deps.js';
import { presentAlert } from '../presenters/alert.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
export const AlertSchema = Type.Object({
  id: Type.Integer(), rule: Type.String(), severity: Type.String(), status: Type.String(), owner: Type.String(), requirement: Type.String(),
  subject: Type.Object({ actor: Nullable(Type.String()), unit: Nullable(Type.String()), app: Nullable(Type.String()) }),
  title: Type.Object({ vi: Type.String(), en: Type.String() }),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  firstSeenAt: Type.String(), lastSeenAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()), acknowledgedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()), resolvedBy: Nullable(Type.String()), resolutionNote: Nullable(Type.String()),
});

const Query = Type.Object({
  status: Type.Optional(Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)))),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });
const Params = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ResolveBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

const REASONS: Record<string, { vi: string; en: string }> = {
  ALREADY_ACKNOWLEDGED: { vi: 'Cảnh báo đã được tiếp nhận', en: 'The alert is already acknowledged' },
  ALREADY_RESOLVED: { vi: 'Cảnh báo đã được xử lý xong', en: 'The alert is already resolved' },
  NOTE_REQUIRED: { vi: 'Cần ghi nội dung xử lý', en: 'A note saying what was done is required' },
  NOTE_TOO_LONG: { vi: 'Nội dung xử lý quá dài', en: 'The note is too long' },
  CHANGED_CONCURRENTLY: { vi: 'Cảnh báo vừa được người khác cập nhật, vui lòng tải lại', en: 'Someone else just changed the alert; reload it' },
};

/** Security and administrators handle alerts; auditors and unit heads read them. */
const handlers = { roles: ['security', 'admin'] } as const;

export function alertRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const act = async (req: FastifyRequest, id: number, action: AlertAction, note?: string) => {
    const p = req.principal;
    const by = p.kind === 'staff' ? p.username : 'unknown';
    const r = await transitionAlert(deps.storage.db, (d) => record(deps, d), { id, action, by, note, requestId: req.id, nowMs: deps.now().getTime(), clientIp: req.ip.slice(0, 64) });
    if (!r.ok) {
      throw new DancuError(r.code, r.reason, REASONS[r.reason]);
    }
    return presentAlert(r.alert);
  };

  return async (app) => {
    app.get<{ Querystring: Static<typeof Query> }>('/api/v1/alerts', {
      config: { access: { roles: ['security', 'auditor', 'admin', 'manager'] } },
      schema: { tags: ['alerts'], summary: 'Hộp thư cảnh báo vi phạm', querystring: Query, response: { 200: Type.Object({ alerts: Type.Array(AlertSchema) }), '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal;
      const q = req.query;
      // A unit head sees the alerts about the unit's own people and systems.
      const own = p.kind === 'staff' && p.role === 'manager' ? p.unitCode : undefined;
      if (own && q.unit && q.unit !== own) throw new DancuError('FORBIDDEN', 'manager outside own unit');
      const rows = await listAlerts(deps.storage.db, { status: q.status, unit: own ?? q.unit, beforeId: q.before, limit: q.limit ?? 100 });
      return { alerts: rows.map(presentAlert) };
    });

    app.post<{ Params: Static<typeof Params> }>('/api/v1/alerts/:id/acknowledge', {
      config: { access: handlers },
      schema: { tags: ['alerts'], summary: 'Tiếp nhận cảnh báo', params: Params, response: { 200: AlertSchema, '4xx': ErrorResponse } },
    }, async (req) => act(req, req.params.id, 'acknowledge'));

    app.post<{ Params: Static<typeof Params>; Body: Static<typeof ResolveBody> }>('/api/v1/alerts/:id/resolve', {
      config: { access: handlers },
      schema: { tags: ['alerts'], summary: 'Đóng cảnh báo với nội dung đã xử lý', params: Params, body: ResolveBody, response: { 200: AlertSchema, '4xx': ErrorResponse } },
    }, async (req) => act(req, req.params.id, 'resolve', req.body.note));
  };
}
