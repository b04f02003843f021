/** The upstream simulator: a stand-in for the population database's API (INTERFACE.md). */
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { dayKey } from '../core/time.js';
import { AccountBook } from './accounts.js';
import { citizenFor } from './citizens.js';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options.js';
import { matchCitizen } from './verify.js';

export {
  DEFAULT_SIMULATOR_TIMEZONE,
  DEMO_UPSTREAM_ACCOUNT,
  DEMO_UPSTREAM_TOKEN,
  type SimulatorAccount,
  type SimulatorOptions,
} from './options.js';
export type { AccountStats, SimulatorStats } from './accounts.js';

const BODY_LIMIT = 64 * 1024;

const LookupBody = Type.Object({ idNumber: Type.String({ pattern: '^[0-9]{12}$' }) });
const VerifyBody = Type.Object({
  idNumber: Type.String({ pattern: '^[0-9]{12}$' }),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  dateOfBirth: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
});
const AccountParams = Type.Object({ account: Type.String() });

/** Builds the simulator without listening; the caller chooses host and port. */
export function buildSimulator(opts: SimulatorOptions): FastifyInstance {
  const o = resolveOptions(opts);
  const book = new AccountBook(o.accounts);
  const app = Fastify({
    logger: o.logger,
    bodyLimit: BODY_LIMIT,
    // A JSON number must not pass for an ID number string.
    ajv: { customOptions: { coerceTypes: false } },
  });
  acceptEmptyJsonBodies(app);
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'NO_SUCH_ROUTE' }));
  app.setErrorHandler((err: { statusCode?: number }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ code: 'PAYLOAD_TOO_LARGE' });
    // Bad JSON, wrong content type, schema violations: all one code, as the contract says.
    if (status >= 400 && status < 500) return reply.code(400).send({ code: 'INVALID_REQUEST' });
    req.log.error({ err }, 'simulator fault');
    return reply.code(500).send({ code: 'INTERNAL' });
  });

  const today = () => {
    const key = dayKey(o.now(), o.timezone);
    const [year, month, day] = key.split('-').map(Number) as [number, number, number];
    return { key, year, month, day };
  };
  const countCall = countingHook(o, book, () => today().key);
  const faulty = () => o.errorRate > 0 && o.random() < o.errorRate;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post('/v1/citizens/lookup', { onRequest: countCall, schema: { body: LookupBody } }, async (req, reply) => {
    if (faulty()) return reply.code(500).send({ code: 'UPSTREAM_FAULT' });
    const citizen = citizenFor(req.body.idNumber, today());
    if (!citizen) return reply.code(404).send({ code: 'NOT_FOUND' });
    return { citizen };
  });

  api.post('/v1/citizens/verify', { onRequest: countCall, schema: { body: VerifyBody } }, async (req, reply) => {
    if (faulty()) return reply.code(500).send({ code: 'UPSTREAM_FAULT' });
    return { match: matchCitizen(citizenFor(req.body.idNumber, today()), req.body) };
  });

  const admin = adminHook(o);
  api.get('/admin/stats', { onRequest: admin }, async () => book.stats(today().key));

  const unlockRoute = { onRequest: admin, schema: { params: AccountParams } };
  api.post('/admin/accounts/:account/unlock', unlockRoute, async (req, reply) => {
    const { account } = req.params;
    if (!book.unlock(account, today().key)) return reply.code(404).send({ code: 'NOT_FOUND' });
    return { account, locked: false, calls: 0 };
  });

  api.post('/admin/reset', { onRequest: admin }, async () => {
    book.reset();
    return book.stats(today().key);
  });

  return app;
}

/**
 * Authenticates and counts a call in onRequest, before the body is read: a malformed body then
 * still counts, as at the real upstream, and counting happens synchronously before the latency
 * wait, so concurrent calls cannot overshoot the threshold.
 */
function countingHook(o: ResolvedOptions, book: AccountBook, day: () => string) {
  const digests = o.accounts.map((a) => ({ name: a.name, digest: sha256(a.token) }));
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(req.headers.authorization);
    const account = token === null ? undefined : digests.find((a) => timingSafeEqual(a.digest, sha256(token)));
    if (!account) return reply.code(401).send({ code: 'UNAUTHORIZED' });
    const outcome = book.record(account.name, day());
    if (o.latencyMs > 0) await sleep(o.latencyMs);
    if (outcome === 'locked') return reply.code(423).send({ code: 'ACCOUNT_LOCKED' });
  };
}

function adminHook(o: ResolvedOptions) {
  const expected = o.adminToken === null ? null : sha256(o.adminToken);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (expected === null) return;
    const token = bearer(req.headers.authorization);
    if (token === null || !timingSafeEqual(expected, sha256(token))) {
      return reply.code(401).send({ code: 'UNAUTHORIZED' });
    }
  };
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

// Hashing both sides gives equal-length buffers, as timingSafeEqual needs.
function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** POSTs to the admin routes often carry `content-type: application/json` and no body. */
function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') return done(null, undefined);
    return json(req, text, done);
  });
}
