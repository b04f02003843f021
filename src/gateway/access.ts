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
  | { kind: 'staff'; userId: number; username: string; role: Role; unitId: number; unitCode: string };

export type Access =
  | { readonly public: true }
  | { readonly apps?: boolean; readonly roles?: readonly Role[] };

export function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

/** Whether a principal may call a route with this access declaration. */
export function permits(access: Access | undefined, p: Principal): 'allow' | 'unauthenticated' | 'forbidden' {
  if (!access) return p.kind === 'anonymous' ? 'unauthenticated' : 'forbidden';
  if ('public' in access) return 'allow';
  if (p.kind === 'anonymous') return 'unauthenticated';
  if (p.kind === 'app') return access.apps ? 'allow' : 'forbidden';
  return access.roles?.includes(p.role) ? 'allow' : 'forbidden';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
