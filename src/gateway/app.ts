/**
 * The gateway: one Fastify application with the portal's API and the systems' API. Built from
 * explicit dependencies so tests call it in-process with `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { permits, type Access, type Principal } from './access.js';
import { registerErrorHandling, sendError } from './plugins/errors.js';
import cookie from '@fastify/cookie';
import { headerValue, registerAppAuth } from './plugins/app-auth.js';
import { registerSecretGuard } from './plugins/secret-guard.js';
import { registerSessions } from './plugins/sessions.js';
import { allRoutes } from './routes/index.js';
import type { GatewayDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the role-by-route test and the docs. */
    routeTable: Array<{ method: string; url: string; access: Access | undefined }>;
  }
}

function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

const VERDICT_CODE = { unauthenticated: 'UNAUTHENTICATED', forbidden: 'FORBIDDEN', password_expired: 'PASSWORD_EXPIRED', mfa_required: 'MFA_REQUIRED' } as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const ANONYMOUS: Principal = { kind: 'anonymous' };

export const BODY_LIMIT_BYTES = 64 * 1024;

/** A request id we echo must be short and printable (it goes into logs and the ledger). */
function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && /^[A-Za-z0-9._:-]{1,128}$/.test(v) ? v : randomUUID();
}

/**
 * Helmet's headers depend on its configuration only, so they are worked out once (the Fastify
 * plugin rebuilt them, CSP parsing included, on every request: about 2% of a lookup's CPU).
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => { headers[name.toLowerCase()] = String(value); },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()]; },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: false,
  })({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
}

export async function buildGateway(deps: GatewayDeps, logger?: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (logger ?? silentLogger()) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    // Request lines are logged by the hook below without query strings, which may hold ID numbers.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // Errors the router raises before any route (malformed URL, over-long path parameter) keep the
    // one error shape too (found by the HTTP fuzz).
    frameworkErrors: (_err, req, reply) => sendError(req, reply, 'INVALID_REQUEST'),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal');
  registerErrorHandling(app);
  const security = securityHeaders();
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(security);
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'dancu gateway', version: '1', description: 'Cổng kết nối có kiểm soát tới CSDLQG về dân cư' },
      components: { securitySchemes: { appKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'dancu_session' } } },
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    req.principal = ANONYMOUS;
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  await app.register(cookie);
  registerAppAuth(app, deps);
  registerSessions(app, deps);

  /**
   * Default deny: the access declared by the route decides, after the authentication hooks ran and
   * before the body is validated (an outsider learns nothing about a route's schema).
   */
  app.addHook('preValidation', async (req, reply) => {
    // An unknown route has nothing to protect: it answers NOT_FOUND to everyone.
    if (req.is404) return;
    const verdict = permits(req.routeOptions.config.access, req.principal);
    if (verdict !== 'allow') return sendError(req, reply, VERDICT_CODE[verdict]);
    // CSRF: a state-changing call in a staff session must echo the session's token (SameSite=Strict is the first line).
    const p = req.principal;
    if (p.kind === 'staff' && !SAFE_METHODS.has(req.method) && headerValue(req.headers['x-csrf-token']) !== p.csrf) {
      return sendError(req, reply, 'FORBIDDEN');
    }
  });

  registerSecretGuard(app, deps);

  const routeTable: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url, access: (r.config as { access?: Access } | undefined)?.access });
  });
  for (const routes of allRoutes(deps)) await app.register(routes);
  for (const routes of deps.extraRoutes ?? []) await app.register(routes);

  app.get('/api/docs', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
