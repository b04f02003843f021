/**
 * The working-day calendar (R2, DOMAIN §6): each year's days off and working Saturdays — the
 * administrators' override, else the official schedule shipped as data, else the statute — and the
 * earliest permitted planned date of use (10 working days after submission).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { earliestPermittedDate, FIRST_STATUTORY_YEAR, isValidCivilDate, resolveYear, type CalendarOverrides } from '../../core/calendar/index.js';
import { DancuError } from '../../core/errors.js';
import { dayKey } from '../../core/time.js';
import { draft } from '../../storage/ledger-writer.js';
import * as reg from '../../storage/registry.js';
import { ROLES, type Principal } from '../access.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const LAST_YEAR = 2199;
const YearParam = Type.Object({ year: Type.Integer({ minimum: FIRST_STATUTORY_YEAR, maximum: LAST_YEAR }) });
const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Labelled = Type.Object({ date: CivilDate, label: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const YearView = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.Literal('override'), Type.Literal('official'), Type.Literal('statutory')]),
  daysOff: Type.Array(Type.Object({ date: Type.String(), label: Type.String() })),
  workingSaturdays: Type.Array(Type.Object({ date: Type.String(), label: Type.String() })),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const YearEdit = Type.Object({
  daysOff: Type.Array(Labelled, { maxItems: 120 }),
  workingSaturdays: Type.Array(Labelled, { maxItems: 53 }),
}, { additionalProperties: false });
const Earliest = Type.Object({ submitted: Type.String(), earliest: Type.String(), workingDays: Type.Array(Type.String()) });

type Staff = Extract<Principal, { kind: 'staff' }>;
const sorted = (m: ReadonlyMap<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, label]) => ({ date, label }));

export function calendarRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const audit = (req: FastifyRequest, operation: string, detail: Record<string, unknown>) =>
    record(deps, draft({ request_id: req.id, category: 'admin', operation, outcome: 'OK', actor: (req.principal as Staff).username, client_ip: req.ip.slice(0, 64), detail }));

  async function view(year: number) {
    const stored = await reg.calendarOverride(db, year);
    const r = resolveYear(year, stored ? new Map([[year, stored]]) : undefined);
    return {
      year, source: r.source, daysOff: sorted(r.daysOff), workingSaturdays: sorted(r.workingSaturdays),
      updatedBy: stored?.updatedBy ?? null, updatedAt: stored ? new Date(stored.updatedAt).toISOString() : null,
    };
  }

  return async (app) => {
    // Static path first: `earliest` is not a year.
    app.get<{ Querystring: { submitted?: string } }>('/api/v1/calendar/earliest', {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['calendar'], summary: 'Ngày sớm nhất được phép đưa vào sử dụng (10 ngày làm việc sau ngày gửi báo cáo)',
        querystring: Type.Object({ submitted: Type.Optional(CivilDate) }), response: { 200: Earliest, '4xx': ErrorResponse },
      },
    }, async (req) => {
      const submitted = req.query.submitted ?? dayKey(deps.now(), deps.config.timezone);
      const year = Number(submitted.slice(0, 4));
      if (!isValidCivilDate(submitted) || year < FIRST_STATUTORY_YEAR || year > LAST_YEAR - 1) {
        throw new DancuError('INVALID_REQUEST', 'submitted date', { vi: 'Ngày gửi không hợp lệ (YYYY-MM-DD)', en: 'The submission date is not a valid date (YYYY-MM-DD)' });
      }
      const r = earliestPermittedDate(submitted, await reg.workingCalendar(db));
      return { submitted, earliest: r.earliest, workingDays: r.countedDays };
    });

    app.get<{ Params: { year: number } }>('/api/v1/calendar/:year', {
      config: { access: { roles: ROLES } },
      schema: { tags: ['calendar'], summary: 'Lịch ngày nghỉ và ngày thứ Bảy làm việc của một năm', params: YearParam, response: { 200: YearView, '4xx': ErrorResponse } },
    }, async (req) => view(req.params.year));

    app.put<{ Params: { year: number }; Body: Static<typeof YearEdit> }>('/api/v1/calendar/:year', {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['calendar'], summary: 'Sửa lịch của một năm (thay thế lịch chính thức hoặc theo luật của năm đó)',
        params: YearParam, body: YearEdit, response: { 200: YearView, '4xx': ErrorResponse },
      },
    }, async (req) => {
      const { year } = req.params;
      const edit: CalendarOverrides = { daysOff: req.body.daysOff, workingSaturdays: req.body.workingSaturdays };
      try {
        // The same check the calendar applies when it is used: dates of that year, Saturdays that are Saturdays.
        resolveYear(year, new Map([[year, edit]]));
      } catch (err) {
        throw new DancuError('INVALID_REQUEST', (err as Error).message, {
          vi: `Lịch năm ${year} không hợp lệ: mọi ngày phải thuộc năm ${year} và ngày làm bù phải là thứ Bảy`,
          en: `The ${year} calendar is invalid: every date must be in ${year} and working Saturdays must be Saturdays`,
        });
      }
      await reg.putCalendarOverride(db, year, edit, (req.principal as Staff).username, deps.now().getTime());
      await audit(req, 'calendar.override', { year, daysOff: edit.daysOff.map((d) => d.date), workingSaturdays: edit.workingSaturdays.map((d) => d.date) });
      return view(year);
    });

    app.delete<{ Params: { year: number } }>('/api/v1/calendar/:year', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['calendar'], summary: 'Bỏ lịch đã sửa, trở về lịch chính thức hoặc theo luật', params: YearParam, response: { 200: YearView, '4xx': ErrorResponse } },
    }, async (req) => {
      if (!(await reg.deleteCalendarOverride(db, req.params.year))) throw new DancuError('NOT_FOUND', `no override for ${req.params.year}`);
      await audit(req, 'calendar.override_removed', { year: req.params.year });
      return view(req.params.year);
    });
  };
}

