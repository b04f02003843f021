/**
 * Declarative access (STYLE: authorization in one place, default deny). Every route declares who
 * may call it in `config.access`; a route without a declaration is refused to everyone.
 */
export const ROLES = ['admin', 'security', 'manager', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: nobody known, a registered system acting for a person, or a staff session. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'app'; appId: string; appVersion: string; unitId: number; unitCode: string }
  | { kind: 'staff'; userId: number; username: string; role: Role; unitId: number; unitCode: string; sessionId: string; csrf: string; restriction: 'password' | 'mfa' | null };

export type Access =
  | { readonly public: true }
  | {
      readonly apps?: boolean;
      readonly roles?: readonly Role[];
      /** Reachable by a session that must first change its password or enrol MFA (the auth routes). */
      readonly whileRestricted?: boolean;
    };

export function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

/** Whether a principal may call a route with this access declaration. */
export type Verdict = 'allow' | 'unauthenticated' | 'forbidden' | 'password_expired' | 'mfa_required';

export function permits(access: Access | undefined, p: Principal): Verdict {
  if (!access) return p.kind === 'anonymous' ? 'unauthenticated' : 'forbidden';
  if ('public' in access) return 'allow';
  if (p.kind === 'anonymous') return 'unauthenticated';
  if (p.kind === 'app') return access.apps ? 'allow' : 'forbidden';
  if (!access.roles?.includes(p.role)) return 'forbidden';
  // R8: an expired password is changed before anything else; MFA roles enrol before anything else.
  if (p.restriction && !access.whileRestricted) return p.restriction === 'password' ? 'password_expired' : 'mfa_required';
  return 'allow';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
