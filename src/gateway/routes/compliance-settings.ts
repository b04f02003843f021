/**
 * The two compliance switches in the portal: whether staff must acknowledge the rules before a
 * lookup (R11) and whether lookups come only from registered, compliant devices (R10). The
 * environment gives the default; an administrator's setting overrides it on every instance.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { DancuError } from '../../core/errors.js';
import { setComplianceSettings } from '../../storage/compliance.js';
import { draft } from '../../storage/ledger-writer.js';
import type { Principal } from '../access.js';
import { complianceSettingsOf } from '../compliance-gate.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';
import { ErrorResponse } from './schemas.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
const Source = Type.Union([Type.Literal('environment'), Type.Literal('setting')]);
const SettingsView = Type.Object({
  requireAcknowledgement: Type.Boolean(), requireAcknowledgementSource: Source,
  devicePolicy: Type.Union([Type.Literal('on'), Type.Literal('off')]), devicePolicySource: Source,
});
const SettingsBody = Type.Object({
  requireAcknowledgement: Type.Optional(Type.Boolean()),
  devicePolicy: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
}, { additionalProperties: false });

export function complianceSettingsRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const view = async () => {
    const s = await complianceSettingsOf(deps);
    return {
      requireAcknowledgement: s.requireAcknowledgement.value, requireAcknowledgementSource: s.requireAcknowledgement.source,
      devicePolicy: s.devicePolicy.value ? ('on' as const) : ('off' as const), devicePolicySource: s.devicePolicy.source,
    };
  };
  return async (app) => {
    app.get('/api/v1/settings/compliance', {
      config: { access: { roles: ['admin', 'security', 'auditor'] } },
      schema: { tags: ['compliance'], summary: 'Cài đặt tuân thủ: xác nhận quy định, chính sách thiết bị', response: { 200: SettingsView } },
    }, view);

    app.put<{ Body: Static<typeof SettingsBody> }>('/api/v1/settings/compliance', {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['compliance'], summary: 'Bật/tắt yêu cầu xác nhận quy định và chính sách thiết bị (ghi đè giá trị mặc định của môi trường)', body: SettingsBody, response: { 200: SettingsView, '4xx': ErrorResponse } },
    }, async (req) => {
      const b = req.body;
      if (b.requireAcknowledgement === undefined && b.devicePolicy === undefined) throw new DancuError('INVALID_REQUEST', 'nothing to change');
      const p = req.principal as Staff;
      const before = await view();
      await setComplianceSettings(deps.storage.db, {
        ...(b.requireAcknowledgement !== undefined ? { requireAcknowledgement: b.requireAcknowledgement } : {}),
        ...(b.devicePolicy !== undefined ? { devicePolicy: b.devicePolicy === 'on' } : {}),
      }, p.username, deps.now().getTime());
      const after = await view();
      // Turning a control off is itself a fact monitoring must see (R6): recorded with before and after.
      await record(deps, draft({
        request_id: req.id, category: 'admin', operation: 'settings.compliance', outcome: 'OK', actor: p.username, unit_code: p.unitCode, client_ip: req.ip.slice(0, 64),
        detail: { before: { requireAcknowledgement: before.requireAcknowledgement, devicePolicy: before.devicePolicy }, after: { requireAcknowledgement: after.requireAcknowledgement, devicePolicy: after.devicePolicy } },
      }));
      return after;
    });
  };
}
