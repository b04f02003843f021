/** `GET /api/v1/ledger` and `POST /api/v1/ledger/verify`: inspection of the evidence (R6). */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { DancuError } from '../../core/errors.js';
import { maskIdNumber } from '../../core/id-number.js';
import { activeHold, heldThrough, ledgerSearchAccess } from '../../core/privacy/index.js';
import { startOfDayMs } from '../../core/time.js';
import { idNumberHmac } from '../../keys.js';
import { searchLedger, verifyLedger } from '../../storage/ledger-store.js';
import { holdsOf } from '../../storage/privacy.js';
import type { GatewayDeps } from '../deps.js';
import { presentLedgerRow } from '../presenters/ledger.js';
import { record } from '../record.js';
import { draft } from '../../storage/ledger-writer.js';
import { ErrorResponse } from './schemas.js';

const Query = Type.Object({
  idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  username: Type.Optional(Type.String({ maxLength: 64 })),
  unit: Type.Optional(Type.String({ maxLength: 64 })),
  procedure: Type.Optional(Type.String({ maxLength: 64 })),
  dossier: Type.Optional(Type.String({ maxLength: 64 })),
  category: Type.Optional(Type.String({ maxLength: 32 })),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

const Entry = Type.Object({
  seq: Type.Integer(), time: Type.String(), requestId: Type.String(), instanceId: Type.String(), category: Type.String(), operation: Type.String(),
  outcome: Type.String(), appId: Type.Union([Type.String(), Type.Null()]), appVersion: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]), unitCode: Type.Union([Type.String(), Type.Null()]), clientIp: Type.Union([Type.String(), Type.Null()]),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]), procedureCode: Type.Union([Type.String(), Type.Null()]), dossierCode: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]), fieldsRequested: Type.Union([Type.Array(Type.String()), Type.Null()]),
  fieldsReturned: Type.Union([Type.Array(Type.String()), Type.Null()]), upstreamMs: Type.Union([Type.Integer(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]), hash: Type.String(),
});

const Verify = Type.Union([
  Type.Object({ ok: Type.Literal(true), entries: Type.Integer(), headSeq: Type.Integer(), checkpoints: Type.Integer(), ms: Type.Number() }),
  Type.Object({ ok: Type.Literal(false), entries: Type.Integer(), ms: Type.Number(), firstBroken: Type.Object({ seq: Type.Integer(), reason: Type.String(), message: Type.String() }) }),
]);

export function ledgerRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const tz = deps.config.timezone;
  return async (app) => {
    app.get<{ Querystring: Static<typeof Query> }>('/api/v1/ledger', {
      config: { access: { roles: ['security', 'auditor', 'admin', 'manager'] } },
      schema: { tags: ['ledger'], summary: 'Tra cứu nhật ký khai thác', querystring: Query, response: { 200: Type.Object({ entries: Type.Array(Entry) }), '4xx': ErrorResponse } },
    }, async (req) => {
      const p = req.principal;
      const q = req.query;
      // A unit head inspects the unit's own entries only.
      const own = p.kind === 'staff' && p.role === 'manager' ? p.unitCode : undefined;
      if (own && q.unit && q.unit !== own) throw new DancuError('FORBIDDEN', 'manager outside own unit');
      const idHmac = q.idNumber ? idNumberHmac(deps.keys, q.idNumber) : undefined;
      const searched = (outcome: string, detail: Record<string, unknown> | null = null) => p.kind === 'staff' && q.idNumber
        ? record(deps, draft({ request_id: req.id, category: 'inspection', operation: 'ledger.search', outcome, actor: p.username, unit_code: p.unitCode, client_ip: req.ip.slice(0, 64), id_hmac: idHmac ?? null, id_masked: maskIdNumber(q.idNumber), detail }))
        : Promise.resolve();
      // A number held back from disclosure (an investigation) is searched by security staff only.
      if (idHmac) {
        const access = ledgerSearchAccess(p.kind === 'staff' ? p.role : '', activeHold(await holdsOf(deps.storage.db, idHmac), deps.now().getTime()));
        if (!access.allow) {
          await searched('FORBIDDEN', { reason: access.reason });
          const day = access.holdUntilMs !== undefined ? heldThrough(access.holdUntilMs, tz) : '';
          throw new DancuError('FORBIDDEN', 'ledger search by a held number', {
            vi: `Thông tin xử lý dữ liệu của số định danh này đang được tạm hoãn cung cấp đến hết ngày ${day}; chỉ bộ phận an ninh tra cứu được`,
            en: `Processing of this number is held back until the end of ${day}; only the security team can search it`,
          });
        }
      }
      const rows = await searchLedger(deps.storage.db, {
        idHmac, actor: q.username, unitCode: own ?? q.unit, procedureCode: q.procedure,
        dossierCode: q.dossier, category: q.category, fromMs: q.from ? startOfDayMs(q.from, tz) : undefined,
        toMs: q.to ? startOfDayMs(q.to, tz) + 86_400_000 : undefined, beforeSeq: q.before, limit: q.limit ?? 100,
      });
      // Searching the evidence by a person's number is itself a processing of their data: recorded.
      await searched('OK');
      return { entries: rows.map(presentLedgerRow) };
    });

    app.post('/api/v1/ledger/verify', {
      config: { access: { roles: ['security', 'auditor', 'admin'] } },
      schema: { tags: ['ledger'], summary: 'Kiểm tra tính toàn vẹn của nhật ký', response: { 200: Verify } },
    }, async (req) => {
      const r = await verifyLedger(deps.storage, deps.keys);
      const p = req.principal;
      await record(deps, draft({ request_id: req.id, category: 'inspection', operation: 'ledger.verify', outcome: r.ok ? 'OK' : 'LEDGER_BROKEN', actor: p.kind === 'staff' ? p.username : null, detail: r.ok ? { entries: r.entries } : { firstBroken: r.firstBroken } }));
      return r;
    });
  };
}
