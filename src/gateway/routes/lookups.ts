/** `POST /api/v1/lookups` and `POST /api/v1/verifications`: the systems' door to the population database. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CITIZEN_FIELDS, minimise } from '../../core/lookup/fields.js';
import { allowedFields, LOOKUP_ROLES } from '../../core/lookup/admission.js';
import { DancuError } from '../../core/errors.js';
import { admit, recordOutcome, reserveQuota } from '../query-flow.js';
import { record } from '../record.js';
import type { GatewayDeps } from '../deps.js';
import { ErrorResponse } from './schemas.js';

const Purpose = {
  procedureCode: Type.String({ maxLength: 128, description: 'Mã thủ tục hành chính (TTHC) trong danh mục' }),
  dossierCode: Type.String({ maxLength: 256, description: 'Mã hồ sơ: 1–64 ký tự chữ, số và . - _ /' }),
  purpose: Type.String({ maxLength: 2000, description: 'Mục đích khai thác' }),
};

const LookupBody = Type.Object({
  idNumber: Type.String({ maxLength: 64, description: 'Số định danh cá nhân (12 chữ số)' }),
  ...Purpose,
  fields: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64 })),
}, { additionalProperties: false });

const VerificationBody = Type.Object({
  idNumber: Type.String({ maxLength: 64 }),
  fullName: Type.String({ maxLength: 200 }),
  dateOfBirth: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
  ...Purpose,
}, { additionalProperties: false });

const Citizen = Type.Object(Object.fromEntries(CITIZEN_FIELDS.map((f) => [f, Type.Optional(Type.Union([Type.String(), Type.Null()]))])), { additionalProperties: false });
const Quota = Type.Object({ unitRemaining: Type.Integer(), provinceRemaining: Type.Integer() });
/** Whether the number could be checked: an unknown prefix (a birth registered abroad, say) is "unverifiable", never silently valid. */
const IdNumberCheck = Type.Union([
  Type.Object({ status: Type.Literal('valid') }, { additionalProperties: false }),
  Type.Object({ status: Type.Literal('unverifiable'), reason: Type.Literal('UNKNOWN_PREFIX') }, { additionalProperties: false }),
], { description: 'Kết quả kiểm tra cấu trúc số định danh: unverifiable khi mã nơi đăng ký khai sinh không xác định được' });
const SystemHeaders = Type.Object({
  'x-on-behalf-of': Type.Optional(Type.String({ description: 'Tên đăng nhập của cán bộ thực hiện' })),
  'x-client-version': Type.Optional(Type.String({ description: 'Phiên bản phần mềm đã được phê duyệt' })),
});

/** Systems, and the people of a one-stop desk in the portal; security and audit staff never look citizens up. */
const access = { apps: true, roles: LOOKUP_ROLES } as const;

/** What is left today of the unit's allocation and of the province's cap, after this call. */
const quotaView = (remaining: Readonly<Record<string, number>>, unitId: number) => ({ unitRemaining: remaining[`unit:${unitId}`] ?? 0, provinceRemaining: remaining['province'] ?? 0 });

export function lookupRoutes(deps: GatewayDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Static<typeof LookupBody> }>('/api/v1/lookups', {
      config: { access },
      schema: {
        tags: ['lookups'], summary: 'Tra cứu thông tin công dân', security: [{ appKey: [] }, { session: [] }], headers: SystemHeaders, body: LookupBody,
        response: { 200: Type.Object({ requestId: Type.String(), citizen: Citizen, quota: Quota, idNumberCheck: IdNumberCheck }), '4xx': ErrorResponse, '5xx': ErrorResponse },
      },
    }, async (req) => {
      const a = await admit(deps, req, req.body, 'lookup', req.body.fields);
      const allowed = allowedFields(a.procedureFields, req.body.fields);
      if (!allowed.ok) {
        await record(deps, { ...a.base, outcome: allowed.code, detail: { reason: allowed.detail } });
        throw new DancuError(allowed.code, allowed.detail);
      }
      const decision = await reserveQuota(deps, req, a);
      const r = await deps.upstream.client.lookup(a.idNumber);
      const citizen = r.kind === 'ok' ? minimise(r.body.citizen ?? {}, allowed.fields) : null;
      await recordOutcome(deps, a, r, citizen ? Object.keys(citizen) : null);
      return {
        requestId: req.id,
        citizen: citizen!,
        quota: quotaView(decision.remaining, a.unitId),
        idNumberCheck: a.idNumberCheck,
      };
    });

    app.post<{ Body: Static<typeof VerificationBody> }>('/api/v1/verifications', {
      config: { access },
      schema: {
        tags: ['lookups'], summary: 'Xác thực thông tin công dân (chỉ trả lời khớp/không khớp)', security: [{ appKey: [] }, { session: [] }], headers: SystemHeaders, body: VerificationBody,
        response: {
          200: Type.Object({ requestId: Type.String(), match: Type.Object({ idNumber: Type.Boolean(), fullName: Type.Boolean(), dateOfBirth: Type.Boolean() }), quota: Quota, idNumberCheck: IdNumberCheck }),
          '4xx': ErrorResponse, '5xx': ErrorResponse,
        },
      },
    }, async (req) => {
      const a = await admit(deps, req, req.body, 'verification', undefined);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(req.body.dateOfBirth) || req.body.fullName.trim().length === 0) {
        await record(deps, { ...a.base, outcome: 'INVALID_REQUEST', detail: { reason: 'malformed name or date of birth' } });
        throw new DancuError('INVALID_REQUEST', 'malformed name or date of birth');
      }
      const decision = await reserveQuota(deps, req, a);
      const r = await deps.upstream.client.verify({ idNumber: a.idNumber, fullName: req.body.fullName, dateOfBirth: req.body.dateOfBirth });
      await recordOutcome(deps, a, r, null);
      const m = r.kind === 'ok' ? r.body.match : {};
      return {
        requestId: req.id,
        match: { idNumber: m['idNumber'] === true, fullName: m['fullName'] === true, dateOfBirth: m['dateOfBirth'] === true },
        quota: quotaView(decision.remaining, a.unitId),
        idNumberCheck: a.idNumberCheck,
      };
    });
  };
}
