/**
 * Who may do what to an account (R9: accounts for new staff coordinated with the provincial IT
 * department, never shared; leavers disabled at once). Separation of duties: nobody approves their
 * own request, and a unit head acts only within the unit.
 */
import type { Role } from '../../gateway/access.js';

export interface Actor {
  username: string;
  role: Role;
  unitId: number;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** A unit head requests accounts for the unit's own staff; security and audit roles are granted by the province. */
export function mayRequestAccount(actor: Actor, req: { unitId: number; role: Role }): Verdict {
  if (actor.role !== 'manager') return { ok: false, reason: 'only a unit head requests accounts' };
  if (req.unitId !== actor.unitId) return { ok: false, reason: 'another unit' };
  if (req.role !== 'operator' && req.role !== 'manager') return { ok: false, reason: 'a unit head may request operator or manager accounts only' };
  return { ok: true };
}

export function mayDecideRequest(actor: Actor, request: { requestedBy: string; status: string }): Verdict {
  if (actor.role !== 'admin') return { ok: false, reason: 'only provincial IT administrators decide' };
  if (request.requestedBy === actor.username) return { ok: false, reason: 'nobody approves their own request' };
  if (request.status !== 'pending') return { ok: false, reason: `request is ${request.status}` };
  return { ok: true };
}

/** Disabling a leaver: an administrator for anyone but themselves, a unit head within the unit. */
export function mayDisable(actor: Actor, target: { username: string; unitId: number }): Verdict {
  if (target.username === actor.username) return { ok: false, reason: 'not one\'s own account' };
  if (actor.role === 'admin') return { ok: true };
  if (actor.role === 'manager' && target.unitId === actor.unitId) return { ok: true };
  return { ok: false, reason: 'not permitted' };
}

/** The quarter of an access review, e.g. 2026-Q4. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}
