/** Every route plugin of the gateway, registered explicitly (no import side effects). */
import type { FastifyPluginAsync } from 'fastify';
import type { GatewayDeps } from '../deps.js';
import { authRoutes } from './auth.js';
import { directoryRoutes } from './directory.js';
import { healthRoutes } from './health.js';
import { ledgerRoutes } from './ledger.js';
import { lookupRoutes } from './lookups.js';
import { portalRoutes } from './portal.js';
import { quotaRoutes } from './quota.js';
import { upstreamRoutes } from './upstream.js';
import { userRoutes } from './users.js';

export function allRoutes(deps: GatewayDeps): FastifyPluginAsync[] {
  return [
    healthRoutes(deps),
    lookupRoutes(deps),
    authRoutes(deps),
    quotaRoutes(deps),
    ledgerRoutes(deps),
    directoryRoutes(deps),
    userRoutes(deps),
    upstreamRoutes(deps),
    // Last: its catch-all serves the portal's own paths.
    portalRoutes(),
  ];
}
