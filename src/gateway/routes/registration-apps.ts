/**
 * The registry entry of a connected system (R2): responsible person, security level, procedures
 * and fields used, versions with their build fingerprints, devices; and its suspension,
 * reinstatement or revocation (R6), effective on the system's next request (the app row is read
 * on every request, nothing is cached).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DancuError } from '../../core/errors.js';
import { decideAppStatus, type AppAction } from '../../core/registry/index.js';
import * as reg from '../../storage/registry.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { AppId, assertMayRead, Nullable, READERS, registrationEntry, type Staff } from './registration-common.js';
import { ErrorResponse } from './schemas.js';

const RegistryView = Type.Object({
  id: Type.String(), name: Type.String(), unitCode: Type.String(), status: Type.String(), statusReason: Nullable(Type.String()),
  approvalDoc: Nullable(Type.String()), activeFrom: Nullable(Type.String()),
  responsiblePerson: Nullable(Type.String()), securityLevel: Nullable(Type.Integer()),
  procedures: Type.Array(Type.String()), fields: Type.Array(Type.String()),
  versions: Type.Array(Type.Object({ version: Type.String(), status: Type.String(), fingerprint: Nullable(Type.String()), activeFrom: Nullable(Type.String()) })),
  devices: Type.Array(Type.Object({ id: Type.Integer(), hostname: Type.String(), addresses: Type.Array(Type.String()), status: Type.String() })),
});
const Params = Type.Object({ id: AppId });
const Patch = Type.Object({
  responsiblePerson: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  securityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
}, { additionalProperties: false });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** Suspension stops a system at once (warning); revocation is final (high). */
const SEVERITY: Record<AppAction, string> = { suspend: 'warning', reinstate: 'info', revoke: 'high' };

export function appRegistryRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const db = deps.storage.db;

  async function view(id: string) {
    const a = await reg.appWithUnit(db, id);
    if (!a) throw new DancuError('NOT_FOUND');
    const [versions, devices] = await Promise.all([reg.versionsOf(db, [id]), reg.devicesOf(db, [id])]);
    return {
      unitId: a.unit_id,
      body: {
        id: a.id, name: a.name, unitCode: a.unit_code, status: a.status, statusReason: a.status_reason ?? null, approvalDoc: a.approval_doc, activeFrom: iso(a.active_from),
        responsiblePerson: a.responsible_person ?? null, securityLevel: a.security_level ?? null,
        procedures: reg.jsonList(a.procedures_used), fields: reg.jsonList(a.fields_used),
        versions: versions.map((v) => ({ version: v.version, status: v.status, fingerprint: v.fingerprint ?? null, activeFrom: iso(v.active_from) })),
        devices: devices.map((d) => ({ id: d.id, hostname: d.hostname, addresses: reg.jsonList(d.addresses), status: d.status })),
      },
    };
  }

  return async (app) => {
    app.get<{ Params: { id: string } }>('/api/v1/apps/:id/registry', {
      config: { access: { roles: READERS } },
      schema: { tags: ['registrations'], summary: 'Hồ sơ đăng ký của hệ thống kết nối', params: Params, response: { 200: RegistryView, '4xx': ErrorResponse } },
    }, async (req) => {
      const v = await view(req.params.id);
      assertMayRead(req.principal, v.unitId);
      return v.body;
    });

    app.patch<{ Params: { id: string }; Body: Static<typeof Patch> }>('/api/v1/apps/:id/registry', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['registrations'], summary: 'Ghi người chịu trách nhiệm, cấp độ an toàn của hệ thống', params: Params, body: Patch, response: { 200: RegistryView, '4xx': ErrorResponse } },
    }, async (req) => {
      const before = await view(req.params.id);
      await reg.setAppRegistry(db, req.params.id, req.body);
      await record(deps, registrationEntry(req, 'registration.app_registry', 'OK', { app_id: req.params.id, unit_code: before.body.unitCode }, {
        ...req.body, previousSecurityLevel: before.body.securityLevel,
        // Below level 3 a system may not connect (Thông tư 46/2022/TT-BCA Art. 6): the security team should look.
        ...(req.body.securityLevel !== undefined && req.body.securityLevel < 3 ? { severity: 'high', notify: 'security' } : {}),
      }));
      return (await view(req.params.id)).body;
    });

    const statusRoute = (action: AppAction, summary: string) =>
      app.post<{ Params: { id: string }; Body: Static<typeof Reason> }>(`/api/v1/apps/:id/${action}`, {
        config: { access: { roles: ['security', 'admin'] } },
        schema: { tags: ['registrations'], summary, params: Params, body: Reason, response: { 200: RegistryView, '4xx': ErrorResponse } },
      }, async (req: FastifyRequest<{ Params: { id: string }; Body: Static<typeof Reason> }>) => {
        const before = await view(req.params.id);
        const about = { app_id: req.params.id, unit_code: before.body.unitCode };
        const d = decideAppStatus(before.body.status, action);
        const changed = d.ok && (await reg.changeAppStatus(db, req.params.id, before.body.status, d.next, req.body.reason.trim()));
        if (!changed) {
          const reason = d.ok ? 'status changed meanwhile' : d.reason;
          await record(deps, registrationEntry(req, `registration.app_${action}`, 'INVALID_REQUEST', about, { reason }));
          throw new DancuError('INVALID_REQUEST', reason, { vi: `Không thể thực hiện với hệ thống đang ở trạng thái ${before.body.status}`, en: `Not possible for a system that is ${before.body.status}` });
        }
        await record(deps, registrationEntry(req, `registration.app_${action}`, 'OK', about, {
          from: before.body.status, to: d.next, reason: req.body.reason.trim(), severity: SEVERITY[action], actorRole: (req.principal as Staff).role,
        }));
        return (await view(req.params.id)).body;
      });
    statusRoute('suspend', 'Tạm dừng kết nối của hệ thống (có hiệu lực từ yêu cầu kế tiếp)');
    statusRoute('reinstate', 'Cho kết nối lại hệ thống đã tạm dừng');
    statusRoute('revoke', 'Thu hồi chấp thuận kết nối (muốn kết nối lại phải gửi đề nghị mới)');
  };
}
