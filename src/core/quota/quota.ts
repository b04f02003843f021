/**
 * Quota decisions (R1: never exceed the province's registered daily threshold; no unit's tool can
 * burn the province's quota). Pure: the shell reads the counters under a lock, calls these, and
 * writes the result in the same transaction as the ledger entry.
 */
import type { ErrorCode } from '../errors.js';

export interface QuotaScope {
  /** Counter key within the day: province, unit:<id>, user:<id>, app:<id>, rate:<userId>:<minute>. */
  readonly scope: string;
  readonly cap: number;
  /** The refusal when this scope is full. */
  readonly code: Extract<ErrorCode, 'QUOTA_EXCEEDED' | 'RATE_LIMITED'>;
}

export interface ReservationRequest {
  readonly day: string;
  readonly scopes: readonly QuotaScope[];
}

export type ReservationDecision =
  | { readonly granted: true; readonly remaining: Readonly<Record<string, number>> }
  | { readonly granted: false; readonly code: 'QUOTA_EXCEEDED' | 'RATE_LIMITED' | 'UPSTREAM_LOCKED'; readonly scope?: string };

/**
 * The province cap: the registered threshold less the safety margin, rounded down, computed exactly.
 * The margin is taken in millionths (the configuration accepts at most six decimals), so no binary
 * rounding can push the cap past threshold × (1 − margin) — R1 must hold for every threshold.
 */
export function provinceCap(threshold: number, safetyMargin: number): number {
  const ppm = BigInt(Math.round(safetyMargin * 1_000_000));
  const cap = (BigInt(threshold) * (1_000_000n - ppm)) / 1_000_000n;
  return cap < 0n ? 0 : Number(cap);
}

export interface ScopeInputs {
  readonly day: string;
  readonly minute: number;
  readonly provinceCap: number;
  readonly unit: { readonly id: number; readonly dailyQuota: number };
  readonly user: { readonly id: number; readonly dailyQuota: number | null };
  readonly app: { readonly id: string; readonly dailyQuota: number | null } | null;
  readonly userPerMinute: number;
}

/** The cap of a scope that is counted but never refuses (a person or system without a cap of its own). */
export const UNCAPPED = Number.POSITIVE_INFINITY;

/** Every counter one upstream call draws on, most specific refusal first (rate, then quotas). */
export function scopesFor(i: ScopeInputs): ReservationRequest {
  const scopes: QuotaScope[] = [
    { scope: `rate:${i.user.id}:${i.minute}`, cap: i.userPerMinute, code: 'RATE_LIMITED' },
    { scope: 'province', cap: i.provinceCap, code: 'QUOTA_EXCEEDED' },
    { scope: `unit:${i.unit.id}`, cap: i.unit.dailyQuota, code: 'QUOTA_EXCEEDED' },
  ];
  // The person's and the system's use is counted whether or not they have a cap of their own, so
  // that today's use of each can be shown (GET /api/v1/quota); without a cap, the scope never refuses.
  scopes.push({ scope: `user:${i.user.id}`, cap: i.user.dailyQuota ?? UNCAPPED, code: 'QUOTA_EXCEEDED' });
  if (i.app) scopes.push({ scope: `app:${i.app.id}`, cap: i.app.dailyQuota ?? UNCAPPED, code: 'QUOTA_EXCEEDED' });
  return { day: i.day, scopes };
}

/** Counter key across days: the same scope on another day is another counter. */
export function counterKey(day: string, scope: string): string {
  return `${day}|${scope}`;
}

/** The day and scope of a `counterKey` (a day never holds the separator; a scope may). */
export function splitCounterKey(key: string): { day: string; scope: string } {
  const sep = key.indexOf('|');
  return { day: key.slice(0, sep), scope: key.slice(sep + 1) };
}

/**
 * Decides one reservation against the counters and, when granted, increments them in place.
 * Called in order for every request of a batch, so the batch never grants past any cap.
 */
export function reserve(
  used: Map<string, number>,
  req: ReservationRequest,
  upstreamLocked: boolean,
): ReservationDecision {
  if (upstreamLocked) return { granted: false, code: 'UPSTREAM_LOCKED' };
  for (const s of req.scopes) {
    const u = used.get(counterKey(req.day, s.scope)) ?? 0;
    if (u + 1 > s.cap) return { granted: false, code: s.code, scope: s.scope };
  }
  const remaining: Record<string, number> = {};
  for (const s of req.scopes) {
    const key = counterKey(req.day, s.scope);
    const u = (used.get(key) ?? 0) + 1;
    used.set(key, u);
    remaining[s.scope] = s.cap - u;
  }
  return { granted: true, remaining };
}

/** Why an allocation was refused, in both languages. */
export interface AllocationRefusal {
  ok: false;
  available: number;
  message: { vi: string; en: string };
}

/**
 * R1: unit allocations are shares of the province's cap. A unit's allocation may not be raised past
 * what the other units leave of the cap, so that a unit using all of its allocation never leaves
 * another short of its own (the incident of the letters, within the province). Lowering is always
 * allowed, even where the allocations already exceed the cap (after the threshold was lowered, say).
 */
export function decideAllocation(o: { requested: number; current: number; othersTotal: number; cap: number }): { ok: true } | AllocationRefusal {
  const available = Math.max(0, o.cap - o.othersTotal);
  if (o.requested <= available || o.requested <= o.current) return { ok: true };
  return {
    ok: false,
    available,
    message: {
      vi: `Tổng hạn mức phân bổ cho các đơn vị sẽ vượt hạn mức sử dụng của tỉnh (${o.cap}/ngày); đơn vị này được phân bổ tối đa ${available}/ngày, hoặc giảm hạn mức của đơn vị khác trước`,
      en: `The units' allocations would exceed the province's usable cap (${o.cap}/day); this unit may have at most ${available}/day, or lower another unit's first`,
    },
  };
}

