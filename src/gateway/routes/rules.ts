/**
 * The library of rules and their acknowledgement (R11): the instruments in force and the security
 * rules the province and each unit adopted; every member of staff acknowledges the set in force
 * for their unit before their first lookup, again every year and whenever the set changes; the
 * coverage report shows who has not.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { acknowledgementStatus } from '../../core/compliance/acknowledgement.js';
import { INSTRUMENTS, instrumentStatus } from '../../core/compliance/instruments.js';
import { contentHash, rulesInForce } from '../../core/compliance/rules.js';
import { isValidCivilDate } from '../../core/calendar/civil-date.js';
import { DancuError } from '../../core/errors.js';
import { dayKey } from '../../core/time.js';
import * as store from '../../storage/compliance.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import { ROLES, type Principal } from '../access.js';
import { complianceSettingsOf, ruleSetFor } from '../compliance-gate.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const Tagged = Type.Union([Type.Object({ date: Str, tag: Str }), Type.Null()]);
const InstrumentView = Type.Object({
  id: Str, kind: Str, number: Str, title: Str, summary: Str, issued: Tagged, effectiveFrom: Type.Object({ date: Str, tag: Str }), effectiveTo: Tagged,
  status: Str, statusNote: NStr, amendedBy: Type.Array(Str), replacedBy: NStr, requirements: Type.Array(Str), inCurrentSet: Type.Boolean(),
});
const RuleView = Type.Object({ id: Type.Integer(), unitCode: NStr, code: Str, title: Str, version: Str, effectiveFrom: Str, text: Str, inForce: Type.Boolean(), createdAt: Str, createdBy: Str });
const AckStatus = Type.Object({
  required: Type.Boolean(), version: Str, current: Type.Boolean(), reason: NStr, acknowledgedAt: NStr, acknowledgedVersion: NStr, expiresAt: NStr,
});
const CodeT = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' });
const UnitQuery = Type.Object({ unit: Type.Optional(CodeT) }, { additionalProperties: false });
const province = ['admin', 'security', 'auditor'] as const;

export function ruleRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const audit = (req: FastifyRequest, category: string, operation: string, detail: Record<string, unknown>) => {
    const p = req.principal as Staff;
    return record(deps, draft({ request_id: req.id, category, operation, outcome: 'OK', actor: p.username, unit_code: p.unitCode, client_ip: req.ip.slice(0, 64), detail }));
  };

  async function statusOf(userId: number, unitId: number) {
    const now = deps.now();
    const [set, last, settings] = await Promise.all([ruleSetFor(deps, unitId, now), store.lastAcknowledgement(db, userId), complianceSettingsOf(deps)]);
    const s = acknowledgementStatus(last, set.version, now.getTime());
    return {
      set,
      view: {
        required: settings.requireAcknowledgement.value, version: set.version, current: s.current, reason: s.current ? null : s.reason,
        acknowledgedAt: last ? new Date(last.at).toISOString() : null, acknowledgedVersion: last?.version ?? null, expiresAt: s.current ? new Date(s.expiresAt).toISOString() : null,
      },
    };
  }

  return async (app) => {
    app.get<{ Querystring: Static<typeof UnitQuery> }>('/api/v1/rules', {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['rules'], summary: 'Thư viện quy định: văn bản pháp luật và quy định an toàn thông tin của tỉnh, đơn vị', querystring: UnitQuery,
        response: { 200: Type.Object({ unitCode: Str, today: Str, version: Str, instruments: Type.Array(InstrumentView), rules: Type.Array(RuleView), acknowledgement: AckStatus }), '4xx': ErrorResponse },
      },
    }, async (req) => {
      const p = req.principal as Staff;
      let unit = { id: p.unitId, code: p.unitCode };
      if (req.query.unit !== undefined && req.query.unit !== p.unitCode) {
        if (!(province as readonly string[]).includes(p.role)) throw new DancuError('FORBIDDEN', 'another unit');
        const u = await dir.unitByCode(db, req.query.unit);
        if (!u) throw new DancuError('NOT_FOUND', 'unit');
        unit = { id: u.id, code: u.code };
      }
      const today = dayKey(deps.now(), deps.config.timezone);
      const mine = await statusOf(p.userId, p.unitId);
      const set = unit.id === p.unitId ? mine.set : await ruleSetFor(deps, unit.id, deps.now());
      const inSet = new Set(set.instruments.map((i) => i.id));
      const local = await store.localRules(db, unit.id);
      const inForce = new Set(rulesInForce(local, unit.id, today).map((r) => r.id));
      // Superseded versions are history, not the library: keep those in force and those still to come.
      const shown = local.filter((r) => inForce.has(r.id) || r.effectiveFrom > today);
      const rows = shown.length === 0 ? [] : await db.selectFrom('rules').leftJoin('units', 'units.id', 'rules.unit_id').selectAll('rules').select('units.code as unit_code').where('rules.id', 'in', shown.map((r) => r.id)).orderBy('rules.code').orderBy('rules.effective_from').execute();
      return {
        unitCode: unit.code, today, version: set.version,
        instruments: INSTRUMENTS.map((i) => ({ ...i, status: instrumentStatus(i, today), inCurrentSet: inSet.has(i.id) })),
        rules: rows.map((r) => ({
          id: r.id, unitCode: r.unit_code, code: r.code, title: r.title, version: r.version, effectiveFrom: r.effective_from, text: r.body,
          inForce: inForce.has(r.id), createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by,
        })),
        acknowledgement: mine.view,
      };
    });

    const NewRule = Type.Object({
      unitCode: Type.Optional(Type.Union([CodeT, Type.Null()], { description: 'Đơn vị áp dụng; bỏ trống: toàn tỉnh' })),
      code: CodeT, title: Type.String({ minLength: 1, maxLength: 300 }), version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
      effectiveFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
      text: Type.String({ minLength: 1, maxLength: 200_000 }),
    }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewRule> }>('/api/v1/rules', {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 1024 * 1024,
      schema: { tags: ['rules'], summary: 'Ban hành quy định an toàn thông tin của tỉnh hoặc đơn vị (phiên bản mới cùng mã thay thế bản cũ từ ngày hiệu lực)', body: NewRule, response: { 200: RuleView, '4xx': ErrorResponse } },
    }, async (req) => {
      const b = req.body;
      if (!isValidCivilDate(b.effectiveFrom)) throw new DancuError('INVALID_REQUEST', 'effective date', { vi: 'Ngày hiệu lực không hợp lệ', en: 'Invalid effective date' });
      const unit = b.unitCode ? await dir.unitByCode(db, b.unitCode) : null;
      if (unit === undefined) throw new DancuError('NOT_FOUND', 'unit');
      if (await store.ruleVersionExists(db, unit?.id ?? null, b.code, b.version)) {
        throw new DancuError('INVALID_REQUEST', 'version exists', { vi: 'Phiên bản này của quy định đã có; hãy dùng số phiên bản mới', en: 'This version of the rule exists; use a new version number' });
      }
      const p = req.principal as Staff;
      const text = b.text.normalize('NFC');
      const at = deps.now().getTime();
      const id = await store.addRule(db, { unitId: unit?.id ?? null, code: b.code, title: b.title, version: b.version, effectiveFrom: b.effectiveFrom, body: text, contentHash: contentHash(text), by: p.username }, at);
      await audit(req, 'rules', 'rule.publish', { ruleId: id, unit: unit?.code ?? null, code: b.code, version: b.version, effectiveFrom: b.effectiveFrom });
      const today = dayKey(deps.now(), deps.config.timezone);
      return { id, unitCode: unit?.code ?? null, code: b.code, title: b.title, version: b.version, effectiveFrom: b.effectiveFrom, text, inForce: b.effectiveFrom <= today, createdAt: new Date(at).toISOString(), createdBy: p.username };
    });

    const Ack = Type.Object({ version: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Phiên bản bộ quy định đã đọc (GET /api/v1/rules)' }) }, { additionalProperties: false });
    app.post<{ Body: Static<typeof Ack> }>('/api/v1/acknowledgements', {
      config: { access: { roles: ROLES } },
      schema: { tags: ['rules'], summary: 'Xác nhận đã đọc và cam kết thực hiện bộ quy định hiện hành', body: Ack, response: { 200: AckStatus, '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      const before = await statusOf(p.userId, p.unitId);
      // One acknowledges what one read: a version that is no longer current is refused, not upgraded.
      if (req.body.version !== before.set.version) {
        throw new DancuError('INVALID_REQUEST', 'stale rules version', { vi: 'Bộ quy định đã thay đổi; vui lòng đọc lại bản hiện hành rồi xác nhận', en: 'The rules have changed; read the current set, then acknowledge it' });
      }
      await store.addAcknowledgement(db, { userId: p.userId, version: req.body.version, ip: req.ip.slice(0, 64) }, deps.now().getTime());
      await audit(req, 'rules', 'rules.acknowledge', { version: req.body.version, instruments: before.set.instruments.length, rules: before.set.rules.map((r) => `${r.code}@${r.version}`).slice(0, 50) });
      return (await statusOf(p.userId, p.unitId)).view;
    });

    app.get('/api/v1/acknowledgements/me', {
      config: { access: { roles: ROLES } },
      schema: { tags: ['rules'], summary: 'Tình trạng xác nhận quy định của tôi', response: { 200: AckStatus } },
    }, async (req) => {
      const p = req.principal as Staff;
      return (await statusOf(p.userId, p.unitId)).view;
    });

    const Coverage = Type.Object({
      unitCode: Str, unitName: Str, version: Str, activeUsers: Type.Integer(), acknowledged: Type.Integer(),
      pending: Type.Array(Type.Object({ username: Str, reason: Str })),
    });
    app.get<{ Querystring: Static<typeof UnitQuery> }>('/api/v1/acknowledgements/report', {
      config: { access: { roles: ['admin', 'security', 'auditor', 'manager'] } },
      schema: { tags: ['rules'], summary: 'Mức độ xác nhận quy định theo đơn vị', querystring: UnitQuery, response: { 200: Type.Object({ required: Type.Boolean(), generatedAt: Str, units: Type.Array(Coverage) }), '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal as Staff;
      if (p.role === 'manager' && req.query.unit !== undefined && req.query.unit !== p.unitCode) throw new DancuError('FORBIDDEN', 'another unit');
      const code = p.role === 'manager' ? p.unitCode : req.query.unit;
      const units = (await dir.listUnits(db)).filter((u) => code === undefined || u.code === code);
      if (code !== undefined && units.length === 0) throw new DancuError('NOT_FOUND', 'unit');
      const now = deps.now();
      const scope = units.length === 1 ? units[0]!.id : undefined;
      const [users, latest, settings] = await Promise.all([
        db.selectFrom('users').select(['id', 'username', 'unit_id']).where('status', '=', 'active').$if(scope !== undefined, (q) => q.where('unit_id', '=', scope!)).orderBy('username').execute(),
        store.latestAcknowledgements(db, scope),
        complianceSettingsOf(deps),
      ]);
      const out = [];
      for (const u of units) {
        const set = await ruleSetFor(deps, u.id, now);
        const mine = users.filter((x) => x.unit_id === u.id);
        const pending = mine.flatMap((x) => {
          const s = acknowledgementStatus(latest.get(x.id) ?? null, set.version, now.getTime());
          return s.current ? [] : [{ username: x.username, reason: s.reason }];
        });
        out.push({ unitCode: u.code, unitName: u.name, version: set.version, activeUsers: mine.length, acknowledged: mine.length - pending.length, pending });
      }
      return { required: settings.requireAcknowledgement.value, generatedAt: now.toISOString(), units: out };
    });
  };
}
