/**
 * The baseline of the throughput comparison: a bare Fastify reverse proxy that forwards
 * POST /api/v1/lookups to the upstream's /v1/citizens/lookup with the same undici pool settings as
 * dancu's upstream client (64 connections, keep-alive 30 s, no pipelining, a timeout per call), and
 * does nothing else: no authentication, admission, quota, ledger or minimisation.
 */
import Fastify from 'fastify';
import { Pool } from 'undici';

export interface BareProxy {
  url: string;
  close(): Promise<void>;
}

export async function startBareProxy(upstreamUrl: string, token: string, timeoutMs = 10_000): Promise<BareProxy> {
  const upstream = new URL(upstreamUrl);
  const pool = new Pool(upstream.origin, { connections: 64, keepAliveTimeout: 30_000, pipelining: 1 });
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  // Forward the body as it came: a proxy does not need to understand it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/api/v1/lookups', async (req, reply) => {
    const res = await pool.request({
      path: '/v1/citizens/lookup',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: req.body as string,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.body.text();
    return reply.code(res.statusCode).header('content-type', 'application/json; charset=utf-8').send(text);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await pool.close();
    },
  };
}
