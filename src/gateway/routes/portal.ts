/**
 * Serves the portal (the React application built into web/dist) at `/`, with every non-API path
 * falling back to index.html so the application's own routes survive a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export const PORTAL_DIR = path.resolve(import.meta.dirname, '../../../web/dist');

export function portalRoutes(dir = PORTAL_DIR): FastifyPluginAsync {
  return async (app) => {
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
      const notBuilt = async (req: FastifyRequest, reply: FastifyReply) => req.url.startsWith('/api/')
        ? reply.callNotFound()
        : reply.type('text/plain; charset=utf-8').send('dancu: cổng thông tin chưa được dựng (npm run build) / the portal is not built (npm run build)\n');
      app.get('/', { config: { access: { public: true } }, schema: { hide: true } }, notBuilt);
      app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, notBuilt);
      return;
    }
    // The portal's files are public (the login page must load); every other route declares its own access.
    app.addHook('onRoute', (r) => {
      r.config = { ...(r.config ?? {}), access: { public: true } };
    });
    // Built assets carry a content hash in their name: a browser keeps them until a build changes
    // the name. index.html (which names them) is never cached.
    const hashed = `${path.sep}assets${path.sep}`;
    await app.register(fastifyStatic, {
      root: dir, prefix: '/', index: false, wildcard: false, cacheControl: false, decorateReply: true,
      setHeaders: (res, file) => {
        if (file.includes(hashed)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    const index = fs.readFileSync(path.join(dir, 'index.html'));
    const sendIndex = async (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(index);
    app.get('/', { config: { access: { public: true } }, schema: { hide: true } }, sendIndex);
    // Client-side routes of the portal (e.g. /ledger, /quota): everything that is not the API or an asset.
    app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
      return sendIndex(req, reply);
    });
  };
}
