/** The province's upstream account: its lock state and the clear-lock action (R1, R6). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { draft } from '../../storage/ledger-writer.js';
import { clearUpstreamLock, upstreamState } from '../../storage/quota-store.js';
import { ROLES } from '../access.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';

const State = Type.Object({
  locked: Type.Boolean(), lockedAt: Type.Union([Type.String(), Type.Null()]), reason: Type.Union([Type.String(), Type.Null()]),
  clearedAt: Type.Union([Type.String(), Type.Null()]), clearedBy: Type.Union([Type.String(), Type.Null()]), breaker: Type.String(),
});

export function upstreamRoutes(deps: GatewayDeps): FastifyPluginAsync {
  const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);
  const view = async () => {
    const s = await upstreamState(deps.storage.db);
    return { locked: s?.locked === 1, lockedAt: iso(s?.locked_at), reason: s?.reason ?? null, clearedAt: iso(s?.cleared_at), clearedBy: s?.cleared_by ?? null, breaker: deps.upstream.breaker.status };
  };
  return async (app) => {
    app.get('/api/v1/upstream', { config: { access: { roles: ROLES } }, schema: { tags: ['upstream'], summary: 'Trạng thái kết nối CSDLQG về dân cư', response: { 200: State } } }, view);
    app.post('/api/v1/upstream/clear-lock', {
      config: { access: { roles: ['security', 'admin'] } },
      schema: { tags: ['upstream'], summary: 'Gỡ khóa sau khi tài khoản của tỉnh đã được mở ở phía CSDLQG', response: { 200: State } },
    }, async (req) => {
      const p = req.principal;
      const by = p.kind === 'staff' ? p.username : 'unknown';
      const cleared = await clearUpstreamLock(deps.storage.db, by, deps.now().getTime());
      await record(deps, draft({ request_id: req.id, category: 'upstream', operation: 'upstream.clear_lock', outcome: cleared ? 'OK' : 'NOT_LOCKED', actor: by, client_ip: req.ip.slice(0, 64) }));
      return view();
    });
  };
}
