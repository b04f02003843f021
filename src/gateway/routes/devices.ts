/**
 * The device inventory (R10): import of the central anti-malware console's report, the inventory
 * with each device's compliance and its reasons, the compliance report per unit, enrolment tokens
 * and the address ranges registered per unit. Compliance is judged at the time of asking, so a
 * device whose signatures age past the policy turns non-compliant without a new report.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { formatCidr, parseCidr } from '../../core/compliance/cidr.js';
import { assessDevice, DEFAULT_DEVICE_POLICY, type NoncomplianceCode } from '../../core/compliance/device-policy.js';
import { DEFAULT_MAPPING, parseMapping } from '../../core/compliance/mapping.js';
import { parseReport } from '../../core/compliance/report.js';
import { DancuError } from '../../core/errors.js';
import * as store from '../../storage/compliance.js';
import * as dir from '../../storage/directory.js';
import { draft } from '../../storage/ledger-writer.js';
import type { Principal } from '../access.js';
import { complianceSettingsOf } from '../compliance-gate.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Reason = Type.Object({ code: Type.String(), detail: Type.String() });
const DeviceView = Type.Object({
  id: Type.Integer(), hostname: Type.String(), unitCode: Nullable(Type.String()), owner: Nullable(Type.String()), addresses: Type.Array(Type.String()),
  os: Nullable(Type.String()), osPatchedAt: Nullable(Type.String()), avProduct: Nullable(Type.String()), avSignatureAt: Nullable(Type.String()),
  avProtection: Type.Union([Type.Boolean(), Type.Null()]), software: Type.Union([Type.Array(Type.String()), Type.Null()]), lastReportAt: Nullable(Type.String()),
  enrolled: Type.Boolean(), tokenIssuedAt: Nullable(Type.String()), compliant: Type.Boolean(), reasons: Type.Array(Reason),
});
const UnitQuery = Type.Object({ unit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' })) }, { additionalProperties: false });
const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const RangeView = Type.Object({ id: Type.Integer(), unitCode: Type.String(), cidr: Type.String(), note: Nullable(Type.String()), createdAt: Type.String(), createdBy: Type.String() });
const viewers = { roles: ['admin', 'security', 'auditor', 'manager'] } as const;
/** A province's console report: a few thousand machines fit well within this. */
const IMPORT_LIMIT_BYTES = 8 * 1024 * 1024;

export function deviceRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;
  const now = () => deps.now().getTime();
  const audit = (req: FastifyRequest, operation: string, detail: Record<string, unknown>) =>
    record(deps, draft({ request_id: req.id, category: 'compliance', operation, outcome: 'OK', actor: (req.principal as Staff).username, unit_code: (req.principal as Staff).unitCode, client_ip: req.ip.slice(0, 64), detail }));

  const present = (d: store.DeviceRow & { unit_code: string | null }, at: number) => {
    const a = assessDevice(store.inventoryDevice(d), DEFAULT_DEVICE_POLICY, at, deps.config.timezone);
    return {
      id: d.id, hostname: d.hostname, unitCode: d.unit_code, owner: d.owner, addresses: JSON.parse(d.addresses) as string[], os: d.os,
      osPatchedAt: iso(d.os_patched_at), avProduct: d.av_product, avSignatureAt: iso(d.av_signature_at), avProtection: d.av_protection === null ? null : d.av_protection === 1,
      software: d.software === null ? null : (JSON.parse(d.software) as string[]), lastReportAt: iso(d.last_report_at),
      enrolled: d.token_hash !== null, tokenIssuedAt: iso(d.token_issued_at), compliant: a.compliant, reasons: a.compliant ? [] : [...a.reasons],
    };
  };

  /** A unit head sees their own unit only; the province's roles may name any unit or none. */
  async function scopeUnit(req: FastifyRequest, code: string | undefined): Promise<number | undefined> {
    const p = req.principal as Staff;
    if (p.role === 'manager') {
      if (code !== undefined && code !== p.unitCode) throw new DancuError('FORBIDDEN', 'another unit');
      return p.unitId;
    }
    if (code === undefined) return undefined;
    const unit = await dir.unitByCode(db, code);
    if (!unit) throw new DancuError('NOT_FOUND', 'unit');
    return unit.id;
  }

  return async (app) => {
    app.get<{ Querystring: Static<typeof UnitQuery> }>('/api/v1/devices', {
      config: { access: viewers },
      schema: { tags: ['compliance'], summary: 'Danh sách thiết bị và tình trạng tuân thủ (R10)', querystring: UnitQuery, response: { 200: Type.Array(DeviceView), '4xx': ErrorResponse } },
    }, async (req) => {
      const at = now();
      return (await store.listDevices(db, await scopeUnit(req, req.query.unit))).map((d) => present(d, at));
    });

    const ImportBody = Type.Object({
      content: Type.String({ minLength: 1, maxLength: IMPORT_LIMIT_BYTES, description: 'Nội dung báo cáo của máy chủ phòng chống mã độc (CSV hoặc JSON)' }),
      format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])),
      mapping: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'Ánh xạ cột (docs/device-import.md)' })),
      unitCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Đơn vị của thiết bị mới khi báo cáo không có cột đơn vị' })),
    }, { additionalProperties: false });
    const ImportResult = Type.Object({
      format: Type.String(), created: Type.Integer(), updated: Type.Integer(), stale: Type.Integer(),
      rejected: Type.Array(Type.Object({ row: Type.Integer(), hostname: Nullable(Type.String()), problem: Type.String() })),
      devices: Type.Array(Type.Object({ hostname: Type.String(), compliant: Type.Boolean(), reasons: Type.Array(Reason) })),
    });
    app.post<{ Body: Static<typeof ImportBody> }>('/api/v1/devices/import', {
      config: { access: { roles: ['admin', 'security'] } },
      bodyLimit: IMPORT_LIMIT_BYTES + 64 * 1024,
      schema: { tags: ['compliance'], summary: 'Nhập báo cáo của máy chủ phòng chống mã độc tập trung', body: ImportBody, response: { 200: ImportResult, '4xx': ErrorResponse } },
    }, async (req) => {
      let m = DEFAULT_MAPPING;
      if (req.body.mapping !== undefined) {
        const r = parseMapping(req.body.mapping);
        if (!r.ok) throw new DancuError('INVALID_REQUEST', 'bad mapping', { vi: `Ánh xạ cột không hợp lệ: ${r.errors.join('; ')}`, en: `Invalid column mapping: ${r.errors.join('; ')}` });
        m = r.mapping;
      }
      const defaultUnit = req.body.unitCode === undefined ? null : await dir.unitByCode(db, req.body.unitCode);
      if (defaultUnit === undefined) throw new DancuError('NOT_FOUND', 'unit');
      const parsed = parseReport(req.body.content, req.body.format ? { ...m, format: req.body.format } : m, deps.config.timezone);
      if (!parsed.ok) throw new DancuError('INVALID_REQUEST', parsed.error, { vi: `Không đọc được báo cáo: ${parsed.error}`, en: `Unreadable report: ${parsed.error}` });
      const at = now();
      const outcome = await store.importDeviceReports(db, parsed.devices, defaultUnit?.id ?? null, at);
      const written = new Set(outcome.hostnames);
      const devices = (await store.listDevices(db)).filter((d) => written.has(d.hostname)).map((d) => present(d, at));
      const noncompliant = devices.filter((d) => !d.compliant).map((d) => d.hostname);
      await audit(req, 'devices.import', {
        format: parsed.format, created: outcome.created, updated: outcome.updated, stale: outcome.stale, rejected: parsed.problems.length + outcome.problems.length,
        noncompliant: noncompliant.length, noncompliantHosts: noncompliant.slice(0, 50),
      });
      return {
        format: parsed.format, created: outcome.created, updated: outcome.updated, stale: outcome.stale, rejected: [...parsed.problems, ...outcome.problems],
        devices: devices.map((d) => ({ hostname: d.hostname, compliant: d.compliant, reasons: d.reasons })),
      };
    });

    const UnitReport = Type.Object({
      unitCode: Nullable(Type.String()), unitName: Nullable(Type.String()), devices: Type.Integer(), compliant: Type.Integer(), noncompliant: Type.Integer(),
      enrolled: Type.Integer(), ranges: Type.Integer(), reasons: Type.Record(Type.String(), Type.Integer()),
    });
    app.get<{ Querystring: Static<typeof UnitQuery> }>('/api/v1/devices/report', {
      config: { access: viewers },
      schema: {
        tags: ['compliance'], summary: 'Báo cáo tuân thủ thiết bị theo đơn vị', querystring: UnitQuery,
        response: {
          200: Type.Object({
            generatedAt: Type.String(), devicePolicy: Type.Object({ on: Type.Boolean(), source: Type.String() }),
            policy: Type.Object({ maxSignatureAgeDays: Type.Integer(), maxPatchAgeDays: Type.Integer(), blockList: Type.Array(Type.Object({ id: Type.String(), why: Type.String() })) }),
            units: Type.Array(UnitReport),
          }),
          '4xx': ErrorResponse,
        },
      },
    }, async (req) => {
      const unitId = await scopeUnit(req, req.query.unit);
      const at = now();
      const units = (await dir.listUnits(db)).filter((u) => unitId === undefined || u.id === unitId);
      const devices = (await store.listDevices(db, unitId)).map((d) => ({ ...present(d, at), unitId: d.unit_id }));
      const ranges = await store.listRanges(db, unitId);
      const rowFor = (id: number | null, code: string | null, name: string | null) => {
        const mine = devices.filter((d) => d.unitId === id);
        const reasons: Partial<Record<NoncomplianceCode, number>> = {};
        for (const d of mine) for (const r of d.reasons) reasons[r.code as NoncomplianceCode] = (reasons[r.code as NoncomplianceCode] ?? 0) + 1;
        return {
          unitCode: code, unitName: name, devices: mine.length, compliant: mine.filter((d) => d.compliant).length, noncompliant: mine.filter((d) => !d.compliant).length,
          enrolled: mine.filter((d) => d.enrolled).length, ranges: ranges.filter((r) => r.unit_id === id).length, reasons,
        };
      };
      const rows = units.map((u) => rowFor(u.id, u.code, u.name));
      if (unitId === undefined && devices.some((d) => d.unitId === null)) rows.push(rowFor(null, null, null));
      const settings = await complianceSettingsOf(deps);
      return {
        generatedAt: new Date(at).toISOString(), devicePolicy: { on: settings.devicePolicy.value, source: settings.devicePolicy.source },
        policy: { maxSignatureAgeDays: DEFAULT_DEVICE_POLICY.maxSignatureAgeDays, maxPatchAgeDays: DEFAULT_DEVICE_POLICY.maxPatchAgeDays, blockList: DEFAULT_DEVICE_POLICY.blockList.map((b) => ({ id: b.id, why: b.why })) },
        units: rows,
      };
    });

    app.post<{ Params: { id: number } }>('/api/v1/devices/:id/token', {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['compliance'], summary: 'Cấp mã ghi danh thiết bị (X-Device-Token), chỉ hiện một lần; cấp lại thay thế mã cũ', params: IdParam,
        response: { 200: Type.Object({ id: Type.Integer(), hostname: Type.String(), token: Type.String() }), '4xx': ErrorResponse },
      },
    }, async (req) => {
      const d = await store.deviceById(db, req.params.id);
      if (!d) throw new DancuError('NOT_FOUND');
      const token = await store.issueDeviceToken(db, d.id, now());
      await audit(req, 'device.token_issue', { deviceId: d.id, hostname: d.hostname, replaced: d.token_hash !== null });
      return { id: d.id, hostname: d.hostname, token };
    });

    app.delete<{ Params: { id: number } }>('/api/v1/devices/:id/token', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['compliance'], summary: 'Thu hồi mã ghi danh thiết bị', params: IdParam, response: { 200: Type.Object({ ok: Type.Boolean() }), '4xx': ErrorResponse } },
    }, async (req) => {
      const d = await store.deviceById(db, req.params.id);
      if (!d) throw new DancuError('NOT_FOUND');
      const revoked = await store.revokeDeviceToken(db, d.id, now());
      if (revoked) await audit(req, 'device.token_revoke', { deviceId: d.id, hostname: d.hostname });
      return { ok: revoked };
    });

    app.get<{ Querystring: Static<typeof UnitQuery> }>('/api/v1/address-ranges', {
      config: { access: viewers },
      schema: { tags: ['compliance'], summary: 'Dải địa chỉ mạng đã đăng ký của các đơn vị', querystring: UnitQuery, response: { 200: Type.Array(RangeView), '4xx': ErrorResponse } },
    }, async (req) => (await store.listRanges(db, await scopeUnit(req, req.query.unit))).map((r) => ({
      id: r.id, unitCode: r.unit_code, cidr: r.cidr, note: r.note, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by,
    })));

    const NewRange = Type.Object({
      unitCode: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }), cidr: Type.String({ minLength: 2, maxLength: 64, description: 'Ví dụ 10.20.0.0/24 hoặc 2001:db8::/48' }),
      note: Type.Optional(Type.String({ maxLength: 300 })),
    }, { additionalProperties: false });
    app.post<{ Body: Static<typeof NewRange> }>('/api/v1/address-ranges', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['compliance'], summary: 'Đăng ký dải địa chỉ mạng cho đơn vị', body: NewRange, response: { 200: RangeView, '4xx': ErrorResponse } },
    }, async (req) => {
      const unit = await dir.unitByCode(db, req.body.unitCode);
      if (!unit) throw new DancuError('NOT_FOUND', 'unit');
      const range = parseCidr(req.body.cidr);
      if (!range) throw new DancuError('INVALID_REQUEST', 'malformed CIDR', { vi: 'Dải địa chỉ không hợp lệ (ví dụ 10.20.0.0/24)', en: 'Malformed address range (e.g. 10.20.0.0/24)' });
      // A range wider than /8 (IPv4) or /32 (IPv6) would register half a country: refuse it as a mistake.
      if (range.prefix < (range.family === 4 ? 8 : 32)) throw new DancuError('INVALID_REQUEST', 'range too wide', { vi: 'Dải địa chỉ quá rộng', en: 'The address range is too wide' });
      const cidr = formatCidr(range);
      const p = req.principal as Staff;
      const at = now();
      const id = await store.addRange(db, { unitId: unit.id, cidr, note: req.body.note ?? null, by: p.username }, at);
      await audit(req, 'address_range.add', { unit: unit.code, cidr });
      return { id, unitCode: unit.code, cidr, note: req.body.note ?? null, createdAt: new Date(at).toISOString(), createdBy: p.username };
    });

    app.delete<{ Params: { id: number } }>('/api/v1/address-ranges/:id', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['compliance'], summary: 'Xóa dải địa chỉ mạng', params: IdParam, response: { 200: Type.Object({ ok: Type.Boolean() }), '4xx': ErrorResponse } },
    }, async (req) => {
      const existing = (await store.listRanges(db)).find((r) => r.id === req.params.id);
      if (!existing || !(await store.removeRange(db, req.params.id))) throw new DancuError('NOT_FOUND');
      await audit(req, 'address_range.remove', { unit: existing.unit_code, cidr: existing.cidr });
      return { ok: true };
    });
  };
}
