/** Liveness and readiness: `/healthz` answers while the process runs; `/readyz` checks the database. */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { GatewayDeps } from '../deps.js';
import { sendError } from '../plugins/errors.js';

const Status = Type.Object({ status: Type.String() });

export function healthRoutes(deps: GatewayDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', { config: { access: { public: true } }, schema: { tags: ['health'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: { access: { public: true } }, schema: { tags: ['health'], response: { 200: Status } } }, async (req, reply) => {
      try {
        await sql`select 1`.execute(deps.storage.db);
        return { status: 'ready' };
      } catch {
        return sendError(req, reply, 'LEDGER_UNAVAILABLE');
      }
    });
  };
}
