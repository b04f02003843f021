/**
 * R5: these systems never carry state secrets. Every free text a request brings (purposes, notes,
 * names, reasons …) is scanned before the handler runs; a marking refuses the request with
 * STATE_SECRET_BLOCKED and records only the level and the rule — nothing of the text itself.
 */
import type { FastifyInstance } from 'fastify';
import { detectStateSecret, type SecretScan } from '../../core/secrets/detect.js';
import { DancuError } from '../../core/errors.js';
import { draft } from '../../storage/ledger-writer.js';
import type { GatewayDeps } from '../deps.js';
import { record } from '../record.js';

/** Secrets of the person, not documents: never scanned, never recorded. */
const SKIPPED_KEYS = new Set(['password', 'currentPassword', 'newPassword', 'code', 'totp']);
const MAX_DEPTH = 6;

/** The first marking found in any string value of a JSON body. */
export function scanBody(body: unknown, depth = 0): Extract<SecretScan, { flagged: true }> | null {
  if (depth > MAX_DEPTH || body === null || body === undefined) return null;
  if (typeof body === 'string') {
    const r = detectStateSecret(body);
    return r.flagged ? r : null;
  }
  if (Array.isArray(body)) {
    for (const v of body) {
      const r = scanBody(v, depth + 1);
      if (r) return r;
    }
    return null;
  }
  if (typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (SKIPPED_KEYS.has(k)) continue;
      const r = scanBody(v, depth + 1);
      if (r) return r;
    }
  }
  return null;
}

export function registerSecretGuard(app: FastifyInstance, deps: GatewayDeps): void {
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined || req.is404) return;
    const hit = scanBody(req.body);
    if (!hit) return;
    const p = req.principal;
    await record(deps, draft({
      request_id: req.id, category: 'guard', operation: 'state_secret.blocked', outcome: 'STATE_SECRET_BLOCKED',
      actor: p.kind === 'staff' ? p.username : (req.headers['x-on-behalf-of'] as string | undefined)?.slice(0, 64) ?? null,
      app_id: p.kind === 'app' ? p.appId : null, unit_code: p.kind === 'anonymous' ? null : p.unitCode, client_ip: req.ip.slice(0, 64),
      detail: { route: `${req.method} ${req.routeOptions.url ?? ''}`, level: hit.level, rule: hit.rule, severity: 'high' },
    }));
    throw new DancuError('STATE_SECRET_BLOCKED', `${hit.rule}/${hit.level ?? 'envelope'}`);
  });
}
