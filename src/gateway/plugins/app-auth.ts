/**
 * Authenticates connected systems by their app key (`Authorization: Bearer …`). A rejected key is
 * recorded in the ledger; whether the app may act (approval, version) is decided by each route so
 * the refusal is recorded with its context.
 */
import type { FastifyInstance } from 'fastify';
import { draft } from '../../storage/ledger-writer.js';
import { directoryFor } from '../fresh-directory.js';
import { record } from '../record.js';
import type { GatewayDeps } from '../deps.js';
import type { AppRow } from '../../storage/schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    dancuApp?: AppRow & { unit_code: string };
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,256})$/.exec(header);
  return m ? m[1]! : null;
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function registerAppAuth(app: FastifyInstance, deps: GatewayDeps): void {
  app.addHook('onRequest', async (req) => {
    const token = bearerToken(req.headers.authorization);
    if (token === null) return;
    const row = await (await directoryFor(deps, req)).appByKey(token);
    if (!row) {
      await record(deps, draft({
        request_id: req.id, category: 'auth', operation: 'app.authenticate', outcome: 'UNAUTHENTICATED',
        client_ip: req.ip, detail: { route: req.routeOptions.url ?? null },
      }));
      return;
    }
    req.dancuApp = row;
    req.principal = {
      kind: 'app', appId: row.id, appVersion: headerValue(req.headers['x-client-version']) ?? '', unitId: row.unit_id, unitCode: row.unit_code,
    };
  });
}
