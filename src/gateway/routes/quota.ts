/** Today's quota and activity: `GET /api/v1/quota`, `GET /api/v1/stats/today` (R1, R6). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { provinceCap } from '../../core/quota/quota.js';
import { dayKey, hourIn, startOfDayMs } from '../../core/time.js';
import { quotaSummary } from '../../storage/quota-store.js';
import { ROLES } from '../access.js';
import type { GatewayDeps } from '../deps.js';

const Line = { used: Type.Integer(), cap: Type.Integer(), remaining: Type.Integer() };
/** A person or system without a cap of its own: cap and remaining null (only the unit and province limit it). */
const OpenLine = { used: Type.Integer(), cap: Type.Union([Type.Integer(), Type.Null()]), remaining: Type.Union([Type.Integer(), Type.Null()]) };
const QuotaView = Type.Object({
  day: Type.String(), threshold: Type.Integer(), province: Type.Object(Line),
  units: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Line })),
  users: Type.Array(Type.Object({ username: Type.String(), unitCode: Type.String(), ...OpenLine })),
  apps: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), unitCode: Type.String(), ...OpenLine })),
});

/** Province-wide oversight sees every person and system; a unit's people and systems see their own unit's. */
const OVERSIGHT_ROLES: readonly string[] = ['admin', 'security', 'auditor'];

export function quotaRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const c = deps.config;
  return async (app) => {
    app.get('/api/v1/quota', {
      config: { access: { apps: true, roles: ROLES } },
      schema: { tags: ['quota'], summary: 'Hạn mức tra cứu hôm nay', response: { 200: QuotaView } },
    }, async (req) => {
      const q = await quotaSummary(deps.storage.db, dayKey(deps.now(), c.timezone), c.upstreamDailyThreshold, provinceCap(c.upstreamDailyThreshold, c.quotaSafetyMargin));
      const p = req.principal;
      if (p.kind === 'staff' && OVERSIGHT_ROLES.includes(p.role)) return q;
      const own = p.kind === 'anonymous' ? null : p.unitCode;
      return { ...q, users: q.users.filter((u) => u.unitCode === own), apps: q.apps.filter((a) => a.unitCode === own) };
    });

    app.get('/api/v1/stats/today', {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['quota'], summary: 'Số lượt tra cứu theo giờ và số lượt từ chối theo lý do, hôm nay',
        response: { 200: Type.Object({ day: Type.String(), lookupsByHour: Type.Array(Type.Object({ hour: Type.Integer(), count: Type.Integer() })), refusalsByReason: Type.Array(Type.Object({ code: Type.String(), count: Type.Integer() })) }) },
      },
    }, async (req) => {
      const day = dayKey(deps.now(), c.timezone);
      const from = startOfDayMs(day, c.timezone);
      const p = req.principal;
      // A unit head sees the unit's own activity; province-wide roles see everything.
      const unit = p.kind === 'staff' && p.role === 'manager' ? p.unitCode : null;
      let results = deps.storage.db.selectFrom('ledger').select(['ts']).where('ts', '>=', from).where('operation', 'in', ['lookup.result', 'verification.result']);
      let refusals = deps.storage.db.selectFrom('ledger').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).where('ts', '>=', from)
        .where('category', 'in', ['lookup', 'verification']).where('outcome', 'not in', ['OK', 'RESERVED']).groupBy('outcome');
      if (unit) {
        results = results.where('unit_code', '=', unit);
        refusals = refusals.where('unit_code', '=', unit);
      }
      const byHour = new Array<number>(24).fill(0);
      for (const r of await results.execute()) byHour[hourIn(r.ts, c.timezone)]!++;
      return {
        day,
        lookupsByHour: byHour.map((count, hour) => ({ hour, count })),
        refusalsByReason: (await refusals.execute()).map((r) => ({ code: r.outcome, count: Number(r.n) })).sort((a, b) => b.count - a.count),
      };
    });
  };
}
