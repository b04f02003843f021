/** Writes a ledger entry or refuses the request: audit is part of the decision, never best effort. */
import { DancuError } from '../core/errors.js';
import type { Appended, LedgerDraft } from '../storage/ledger-writer.js';
import type { GatewayDeps } from './deps.js';

export async function record(deps: Pick<GatewayDeps, 'ledger' | 'log'>, d: LedgerDraft): Promise<Appended> {
  try {
    return await deps.ledger.append(d);
  } catch (err) {
    deps.log?.error({ err: { type: (err as Error).name, message: (err as Error).message } }, 'ledger write failed');
    throw new DancuError('LEDGER_UNAVAILABLE', 'ledger write failed');
  }
}
