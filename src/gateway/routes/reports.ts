/**
 * `GET /api/v1/reports`: the working group's report (R6) as a PDF or XLSX file, province-wide or
 * for one unit; a unit head gets the own unit's only. Each generation is recorded in the ledger
 * before the file leaves (who took which report of what).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { isValidCivilDate } from '../../core/calendar/index.js';
import { DancuError } from '../../core/errors.js';
import { PERIODS } from '../../core/reports/period.js';
import { generateReport, UnknownUnit } from '../../reports/index.js';
import { draft } from '../../storage/ledger-writer.js';
import { accountPolicyOf, passwordPolicyOf, type GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const Query = Type.Object({
  period: Type.Union(PERIODS.map((p) => Type.Literal(p))),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]),
  unit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' })),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
}, { additionalProperties: false });

export function reportRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const c = deps.config;
  return async (app) => {
    app.get<{ Querystring: Static<typeof Query> }>('/api/v1/reports', {
      config: { access: { roles: ['security', 'auditor', 'admin', 'manager'] } },
      schema: {
        tags: ['reports'], summary: 'Báo cáo ngày, tuần, tháng cho Tổ công tác Đề án 06 (PDF hoặc XLSX)', querystring: Query,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { '4xx': ErrorResponse },
      },
    }, async (req, reply) => {
      const p = req.principal;
      const q = req.query;
      const own = p.kind === 'staff' && p.role === 'manager' ? p.unitCode : undefined;
      if (own && q.unit && q.unit !== own) throw new DancuError('FORBIDDEN', 'manager outside own unit');
      const unit = own ?? q.unit;
      if (q.date && !isValidCivilDate(q.date)) throw new DancuError('INVALID_REQUEST', 'no such date');
      const now = deps.now();
      let r;
      try {
        r = await generateReport(deps.storage.db, { period: q.period, format: q.format, ...(q.date ? { date: q.date } : {}), ...(unit ? { unit } : {}) }, { ...c, security: { account: accountPolicyOf(deps), password: passwordPolicyOf(deps) } }, now);
      } catch (err) {
        if (err instanceof UnknownUnit) throw new DancuError('NOT_FOUND', 'unknown unit');
        throw err;
      }
      await record(deps, draft({
        request_id: req.id, category: 'report', operation: 'report.generate', outcome: 'OK', actor: p.kind === 'staff' ? p.username : null,
        unit_code: unit ?? null, client_ip: req.ip.slice(0, 64), detail: { period: q.period, from: r.from, to: r.to, format: q.format, scope: unit ?? 'province', bytes: r.body.length },
      }));
      return reply.header('content-type', r.contentType).header('content-disposition', `attachment; filename="${r.filename}"`).send(r.body);
    });
  };
}
