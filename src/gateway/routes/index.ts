/** Every route plugin of the gateway, registered explicitly (no import side effects). */
import type { FastifyPluginAsync } from 'fastify';
import type { GatewayDeps } from '../deps.js';
import { alertRoutes } from './alerts.js';
import { authRoutes } from './auth.js';
import { calendarRoutes } from './calendar.js';
import { complianceSettingsRoutes } from './compliance-settings.js';
import { deviceRoutes } from './devices.js';
import { directoryRoutes } from './directory.js';
import { healthRoutes } from './health.js';
import { ledgerRoutes } from './ledger.js';
import { lookupRoutes } from './lookups.js';
import { metricsRoutes } from './metrics.js';
import { portalRoutes } from './portal.js';
import { privacyRoutes } from './privacy.js';
import { quotaRoutes } from './quota.js';
import { reportRoutes } from './reports.js';
import { registrationRoutes } from './registrations.js';
import { ruleRoutes } from './rules.js';
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
    privacyRoutes(deps),
    deviceRoutes(deps),
    ruleRoutes(deps),
    complianceSettingsRoutes(deps),
    registrationRoutes(deps),
    calendarRoutes(deps),
    metricsRoutes(deps),
    alertRoutes(deps),
    reportRoutes(deps),
    // Last: its catch-all serves the portal's own paths.
    portalRoutes(),
  ];
}
