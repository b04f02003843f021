/** What the registry's route files share: parameters, readers, the acting person and ledger entries (R2). */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { DancuError } from '../../core/errors.js';
import type { Actor } from '../../core/registry/index.js';
import { draft } from '../../storage/ledger-writer.js';
import type { Principal } from '../access.js';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const AppId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export type Staff = Extract<Principal, { kind: 'staff' }>;

export const actorOf = (p: Principal): Actor => {
  const s = p as Staff;
  return { username: s.username, role: s.role, unitId: s.unitId };
};

/** Who reads requests and registry entries: the province's deciding and audit roles; a unit head the unit's own. */
export const READERS = ['admin', 'security', 'auditor', 'manager'] as const;

/** A unit head sees the unit's requests and systems only. */
export function assertMayRead(p: Principal, unitId: number): void {
  const s = p as Staff;
  if (s.role === 'manager' && s.unitId !== unitId) throw new DancuError('FORBIDDEN', 'another unit');
}

/** Registration ledger entries: category `registration`, the app, its unit and the person acting. */
export function registrationEntry(
  req: FastifyRequest, operation: string, outcome: string,
  about: { app_id?: string | null; unit_code?: string | null; version?: string | null }, detail: Record<string, unknown>,
) {
  const p = req.principal;
  return draft({
    request_id: req.id, category: 'registration', operation, outcome, actor: p.kind === 'staff' ? p.username : null, client_ip: req.ip.slice(0, 64),
    app_id: about.app_id ?? null, unit_code: about.unit_code ?? null, app_version: about.version ?? null, detail,
  });
}
