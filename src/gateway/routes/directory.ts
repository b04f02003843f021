/** Units, procedures and connected systems, administered in the portal (R1 allocations, data minimisation). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DancuError } from '../../core/errors.js';
import { CITIZEN_FIELDS } from '../../core/lookup/fields.js';
import { provinceCap } from '../../core/quota/quota.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import { ROLES } from '../access.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

const Code = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' });
const Quota = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const UnitView = Type.Object({ code: Type.String(), name: Type.String(), dailyQuota: Type.Integer() });
const ProcedureView = Type.Object({ code: Type.String(), name: Type.String(), fields: Type.Array(Type.String()), active: Type.Boolean() });
const Fields = Type.Array(Type.Union(CITIZEN_FIELDS.map((f) => Type.Literal(f))), { minItems: 1, maxItems: CITIZEN_FIELDS.length, uniqueItems: true });
const admin = { roles: ['admin'] } as const;

export function directoryRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const audit = (req: FastifyRequest, operation: string, detail: Record<string, unknown>) => {
    const p = req.principal;
    return record(deps, draft({ request_id: req.id, category: 'admin', operation, outcome: 'OK', actor: p.kind === 'staff' ? p.username : null, client_ip: req.ip.slice(0, 64), detail }));
  };
  const now = () => deps.now().getTime();

  /** R1: the units' allocations together stay within the province's usable cap; `write` runs only then. */
  const allocating = async <T>(code: string, requested: number, write: (trx: typeof db) => Promise<T>): Promise<T> => {
    const r = await dir.withAllocation(deps.storage, code, requested, provinceCap(deps.config.upstreamDailyThreshold, deps.config.quotaSafetyMargin), write);
    if (!r.ok) throw new DancuError('INVALID_REQUEST', `allocation over the province cap (at most ${r.available})`, r.message);
    return r.value;
  };
  return async (app) => {
    app.get('/api/v1/units', { config: { access: { roles: ROLES } }, schema: { tags: ['directory'], summary: 'Danh sách đơn vị', response: { 200: Type.Array(UnitView) } } },
      async () => (await dir.listUnits(db)).map((u) => ({ code: u.code, name: u.name, dailyQuota: u.daily_quota })));

    const NewUnit = Type.Object({ code: Code, name: Type.String({ minLength: 1, maxLength: 200 }), dailyQuota: Quota }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewUnit> }>('/api/v1/units', { config: { access: admin }, schema: { tags: ['directory'], summary: 'Thêm đơn vị', body: NewUnit, response: { 200: UnitView, '4xx': ErrorResponse } } }, async (req) => {
      if (await dir.unitByCode(db, req.body.code)) throw new DancuError('INVALID_REQUEST', 'unit exists', { vi: 'Mã đơn vị đã tồn tại', en: 'The unit code already exists' });
      const u = await allocating(req.body.code, req.body.dailyQuota, (trx) => dir.addUnit(trx, req.body, now()));
      await audit(req, 'unit.add', { code: u.code, dailyQuota: u.daily_quota });
      return { code: u.code, name: u.name, dailyQuota: u.daily_quota };
    });

    const UnitPatch = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), dailyQuota: Type.Optional(Quota) }, { additionalProperties: false });
    app.patch<{ Params: { code: string }; Body: Static<typeof UnitPatch> }>('/api/v1/units/:code', {
      config: { access: admin }, schema: { tags: ['directory'], summary: 'Sửa đơn vị, đặt hạn mức', params: Type.Object({ code: Code }), body: UnitPatch, response: { 200: UnitView, '4xx': ErrorResponse } },
    }, async (req) => {
      const u = await dir.unitByCode(db, req.params.code);
      if (!u) throw new DancuError('NOT_FOUND');
      const update = (trx: typeof db) => trx.updateTable('units')
        .set({ ...(req.body.name !== undefined ? { name: req.body.name } : {}), ...(req.body.dailyQuota !== undefined ? { daily_quota: req.body.dailyQuota } : {}) }).where('id', '=', u.id).execute();
      if (req.body.dailyQuota !== undefined) await allocating(u.code, req.body.dailyQuota, update);
      else await update(db);
      await audit(req, 'unit.update', { code: u.code, ...req.body });
      const v = (await dir.unitByCode(db, u.code))!;
      return { code: v.code, name: v.name, dailyQuota: v.daily_quota };
    });

    app.get('/api/v1/procedures', { config: { access: { roles: ROLES } }, schema: { tags: ['directory'], summary: 'Danh mục thủ tục hành chính', response: { 200: Type.Array(ProcedureView) } } },
      async () => (await dir.listProcedures(db)).map((p) => ({ code: p.code, name: p.name, fields: dir.procedureFields(p), active: p.active === 1 })));

    const NewProcedure = Type.Object({ code: Code, name: Type.String({ minLength: 1, maxLength: 300 }), fields: Fields }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewProcedure> }>('/api/v1/procedures', { config: { access: admin }, schema: { tags: ['directory'], summary: 'Thêm thủ tục', body: NewProcedure, response: { 200: ProcedureView, '4xx': ErrorResponse } } }, async (req) => {
      if (await dir.procedureByCode(db, req.body.code)) throw new DancuError('INVALID_REQUEST', 'procedure exists', { vi: 'Mã thủ tục đã tồn tại', en: 'The procedure code already exists' });
      await dir.addProcedure(db, req.body, now());
      await audit(req, 'procedure.add', { code: req.body.code, fields: req.body.fields });
      return { ...req.body, active: true };
    });

    const ProcedurePatch = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })), fields: Type.Optional(Fields), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
    app.patch<{ Params: { code: string }; Body: Static<typeof ProcedurePatch> }>('/api/v1/procedures/:code', {
      config: { access: admin }, schema: { tags: ['directory'], summary: 'Sửa thủ tục và các trường được nhận', params: Type.Object({ code: Code }), body: ProcedurePatch, response: { 200: ProcedureView, '4xx': ErrorResponse } },
    }, async (req) => {
      if (!(await dir.updateProcedure(db, req.params.code, req.body, now()))) throw new DancuError('NOT_FOUND');
      await audit(req, 'procedure.update', { code: req.params.code, ...req.body });
      const p = (await dir.procedureByCode(db, req.params.code))!;
      return { code: p.code, name: p.name, fields: dir.procedureFields(p), active: p.active === 1 };
    });

    const AppView = Type.Object({
      id: Type.String(), name: Type.String(), unitCode: Type.String(), status: Type.String(), approvalDoc: Type.Union([Type.String(), Type.Null()]),
      dailyQuota: Type.Union([Type.Integer(), Type.Null()]), versions: Type.Array(Type.Object({ version: Type.String(), status: Type.String() })),
    });
    app.get('/api/v1/apps', { config: { access: { roles: ['admin', 'security', 'auditor'] } }, schema: { tags: ['directory'], summary: 'Hệ thống kết nối', response: { 200: Type.Array(AppView) } } }, async () => {
      const versions = await db.selectFrom('app_versions').select(['app_id', 'version', 'status']).orderBy('created_at').execute();
      return (await dir.listApps(db)).map((a) => ({
        id: a.id, name: a.name, unitCode: a.unit_code, status: a.status, approvalDoc: a.approval_doc, dailyQuota: a.daily_quota,
        versions: versions.filter((v) => v.app_id === a.id).map((v) => ({ version: v.version, status: v.status })),
      }));
    });
  };
}
