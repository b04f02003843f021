/** Per-account daily call counting and the threshold lock of the upstream simulator. */

/** One upstream account's counters. `day` is the local date the daily count belongs to. */
export interface AccountState {
  readonly day: string;
  readonly callsToday: number;
  readonly totalCalls: number;
  readonly locked: boolean;
}

export type CallOutcome = 'serve' | 'locked';

export const FRESH_ACCOUNT: AccountState = { day: '', callsToday: 0, totalCalls: 0, locked: false };

/**
 * Counts one call and decides whether it may be served. Every call counts, whatever happens to
 * it afterwards. The call that takes the day's count past the threshold is the first refused,
 * and the lock then holds until an administrator clears it, across days too: this is the
 * incident the letters describe (R1), where one unit's tool locked the province's account.
 */
export function recordCall(
  state: AccountState,
  day: string,
  threshold: number,
): { state: AccountState; outcome: CallOutcome } {
  const callsToday = (state.day === day ? state.callsToday : 0) + 1;
  const locked = state.locked || callsToday > threshold;
  return {
    state: { day, callsToday, totalCalls: state.totalCalls + 1, locked },
    outcome: locked ? 'locked' : 'serve',
  };
}

/** Clearing a lock also clears today's count, so the account can call again today. */
export function unlockAccount(state: AccountState, day: string): AccountState {
  return { day, callsToday: 0, totalCalls: state.totalCalls, locked: false };
}

/** Today's count as seen on `day`: a count from an earlier day has lapsed at local midnight. */
export function callsOn(state: AccountState, day: string): number {
  return state.day === day ? state.callsToday : 0;
}

export interface AccountStats {
  calls: number;
  totalCalls: number;
  locked: boolean;
  threshold: number;
}

export interface SimulatorStats {
  /** Every authenticated call since start or the last reset. */
  calls: number;
  day: string;
  byAccount: Record<string, AccountStats>;
}

/** The mutable book of all accounts; single-process, so plain memory is exact. */
export class AccountBook {
  private readonly states = new Map<string, AccountState>();
  private readonly thresholds: ReadonlyMap<string, number>;

  constructor(accounts: ReadonlyArray<{ name: string; threshold: number }>) {
    this.thresholds = new Map(accounts.map((a) => [a.name, a.threshold]));
    this.reset();
  }

  has(name: string): boolean {
    return this.thresholds.has(name);
  }

  /** Counts a call synchronously, so concurrent requests can never both take the last slot. */
  record(name: string, day: string): CallOutcome {
    const { state, outcome } = recordCall(this.state(name), day, this.threshold(name));
    this.states.set(name, state);
    return outcome;
  }

  /** Returns false for an unknown account. */
  unlock(name: string, day: string): boolean {
    if (!this.has(name)) return false;
    this.states.set(name, unlockAccount(this.state(name), day));
    return true;
  }

  reset(): void {
    for (const name of this.thresholds.keys()) this.states.set(name, FRESH_ACCOUNT);
  }

  stats(day: string): SimulatorStats {
    const byAccount: Record<string, AccountStats> = {};
    let calls = 0;
    for (const name of this.thresholds.keys()) {
      const s = this.state(name);
      calls += s.totalCalls;
      byAccount[name] = {
        calls: callsOn(s, day),
        totalCalls: s.totalCalls,
        locked: s.locked,
        threshold: this.threshold(name),
      };
    }
    return { calls, day, byAccount };
  }

  private state(name: string): AccountState {
    const s = this.states.get(name);
    if (!s) throw new Error(`unknown upstream account: ${name}`);
    return s;
  }

  private threshold(name: string): number {
    const t = this.thresholds.get(name);
    if (t === undefined) throw new Error(`unknown upstream account: ${name}`);
    return t;
  }
}
