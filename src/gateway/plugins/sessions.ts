/**
 * Staff sessions: server-side rows keyed by the SHA-256 of an HttpOnly, SameSite=Strict, session-only
 * cookie. Idle (15 min, 5 for administrators) and absolute (8 h) limits end a session (TCVN 14423 [S]).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionState } from '../../core/accounts/policy.js';
import { endSessions, sessionWithUser } from '../../storage/accounts.js';
import { isRole } from '../access.js';
import type { GatewayDeps } from '../deps.js';
import { accountPolicyOf } from '../deps.js';

export const SESSION_COOKIE = 'dancu_session';
/** Writes of last-seen are skipped when the previous one is this recent (fewer writes, same limits). */
const TOUCH_EVERY_MS = 15_000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function agentOf(req: FastifyRequest): string {
  return createHash('sha256').update(String(req.headers['user-agent'] ?? '')).digest('hex').slice(0, 32);
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  // No Max-Age or Expires: the cookie dies with the browser (never persistent).
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/' });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/' });
}

export function registerSessions(app: FastifyInstance, deps: GatewayDeps): void {
  const policy = accountPolicyOf(deps);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || req.principal.kind !== 'anonymous' || token.length > 128) return;
    const s = await sessionWithUser(deps.storage.db, sessionIdOf(token));
    if (!s || !isRole(s.role)) return;
    const now = deps.now().getTime();
    const state = sessionState({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, endedAt: s.ended_at }, s.role, now, policy);
    if (state !== 'live' || s.status !== 'active') {
      if (state === 'idle' || state === 'expired' || (state === 'live' && s.status !== 'active')) {
        await endSessions(deps.storage.db, { id: s.id }, state === 'live' ? 'account_disabled' : state, now);
      }
      return;
    }
    if (now - s.last_seen_at >= TOUCH_EVERY_MS) {
      await deps.storage.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', s.id).execute();
    }
    req.principal = {
      kind: 'staff', userId: s.user_id, username: s.username, role: s.role, unitId: s.unit_id, unitCode: s.unit_code,
      sessionId: s.id, csrf: s.csrf, restriction: s.restriction === 'password' || s.restriction === 'mfa' ? s.restriction : null,
    };
  });
}
