/**
 * Suspension, reinstatement and revocation of a connected system (R2, R6: violations are stopped
 * promptly). The app row is read on every request, so a change takes effect on the next call.
 */
export type AppAction = 'suspend' | 'reinstate' | 'revoke';

const FROM: Record<AppAction, { from: readonly string[]; to: string }> = {
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
  // Revocation is final: connecting again takes a new connection request.
  revoke: { from: ['approved', 'suspended', 'pending'], to: 'revoked' },
};

export function decideAppStatus(current: string, action: AppAction): { ok: true; next: string } | { ok: false; reason: string } {
  const t = FROM[action];
  return t.from.includes(current) ? { ok: true, next: t.to } : { ok: false, reason: `cannot ${action} an app that is ${current}` };
}
