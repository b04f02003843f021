/** The quota decisions of R1: the province cap, the scopes a call draws on, and reservation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterKey, decideAllocation, provinceCap, reserve, scopesFor, splitCounterKey, UNCAPPED, type QuotaScope, type ReservationRequest, type ScopeInputs } from './quota.js';

const DAY = '2026-11-24';

function scope(name: string, cap: number, code: QuotaScope['code'] = 'QUOTA_EXCEEDED'): QuotaScope {
  return { scope: name, cap, code };
}

function request(scopes: QuotaScope[], day = DAY): ReservationRequest {
  return { day, scopes };
}

const baseInputs: ScopeInputs = {
  day: DAY,
  minute: 29_412_345,
  provinceCap: 9500,
  unit: { id: 7, dailyQuota: 400 },
  user: { id: 42, dailyQuota: null },
  app: null,
  userPerMinute: 30,
};

describe('provinceCap', () => {
  it('keeps 9500 of a 10000 threshold under a 5% margin, exactly', () => {
    expect(provinceCap(10000, 0.05)).toBe(9500);
  });

  it('uses the whole threshold when the margin is zero', () => {
    expect(provinceCap(10000, 0)).toBe(10000);
    expect(provinceCap(1, 0)).toBe(1);
  });

  it('rounds a fractional cap down, never up', () => {
    expect(provinceCap(999, 0.05)).toBe(949); // 949.05
    expect(provinceCap(19, 0.5)).toBe(9); // 9.5
    expect(provinceCap(1, 0.01)).toBe(0); // 0.99
  });

  it('is never negative', () => {
    expect(provinceCap(0, 0.05)).toBe(0);
    expect(provinceCap(10, 0.999)).toBe(0);
  });

  it('never exceeds the exact threshold less the margin, for any threshold the config accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 9999 }), (threshold, basisPoints) => {
        const cap = provinceCap(threshold, basisPoints / 10_000);
        expect(Number.isInteger(cap)).toBe(true);
        // Exact rational arithmetic: cap ≤ threshold × (10000 − bp) / 10000.
        expect(BigInt(cap) * 10_000n <= BigInt(threshold) * BigInt(10_000 - basisPoints)).toBe(true);
        // And it gives away less than one unit to rounding (float comparison with a small tolerance).
        expect(cap + 1).toBeGreaterThan(threshold * (1 - basisPoints / 10_000) - 1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the exact whole part of threshold × (1 − margin) for thresholds up to a million', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 9999 }), (threshold, basisPoints) => {
        const exact = (BigInt(threshold) * BigInt(10_000 - basisPoints)) / 10_000n;
        expect(BigInt(provinceCap(threshold, basisPoints / 10_000))).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scopesFor', () => {
  it('puts the per-person rate scope first, then the province, the unit and the person', () => {
    const req = scopesFor(baseInputs);
    expect(req.day).toBe(DAY);
    expect(req.scopes).toEqual([
      { scope: `rate:42:${baseInputs.minute}`, cap: 30, code: 'RATE_LIMITED' },
      { scope: 'province', cap: 9500, code: 'QUOTA_EXCEEDED' },
      { scope: 'unit:7', cap: 400, code: 'QUOTA_EXCEEDED' },
      { scope: 'user:42', cap: UNCAPPED, code: 'QUOTA_EXCEEDED' },
    ]);
  });

  it('counts the person with the daily cap when there is one, and without a limit otherwise', () => {
    const withCap = scopesFor({ ...baseInputs, user: { id: 42, dailyQuota: 50 } });
    expect(withCap.scopes.find((s) => s.scope === 'user:42')).toEqual({ scope: 'user:42', cap: 50, code: 'QUOTA_EXCEEDED' });
    expect(scopesFor(baseInputs).scopes.find((s) => s.scope === 'user:42')?.cap).toBe(UNCAPPED);
  });

  it('counts the app when there is one, with its daily cap or without a limit', () => {
    const noApp = scopesFor({ ...baseInputs, app: null });
    const uncapped = scopesFor({ ...baseInputs, app: { id: 'hs-tthc', dailyQuota: null } });
    const capped = scopesFor({ ...baseInputs, app: { id: 'hs-tthc', dailyQuota: 200 } });
    expect(noApp.scopes.some((s) => s.scope.startsWith('app:'))).toBe(false);
    expect(uncapped.scopes.find((s) => s.scope === 'app:hs-tthc')?.cap).toBe(UNCAPPED);
    expect(capped.scopes.find((s) => s.scope === 'app:hs-tthc')).toEqual({ scope: 'app:hs-tthc', cap: 200, code: 'QUOTA_EXCEEDED' });
  });

  it('never refuses on an uncapped scope, however much it has counted', () => {
    const used = new Map([[counterKey(DAY, 'user:42'), 1_000_000]]);
    const d = reserve(used, scopesFor({ ...baseInputs, provinceCap: 2_000_000, unit: { id: 7, dailyQuota: 2_000_000 } }), false);
    expect(d.granted).toBe(true);
    expect(used.get(counterKey(DAY, 'user:42'))).toBe(1_000_001);
  });

  it('treats a cap of zero as a cap, so such a user or app is refused rather than unlimited', () => {
    const req = scopesFor({ ...baseInputs, user: { id: 42, dailyQuota: 0 }, app: { id: 'x', dailyQuota: 0 } });
    expect(req.scopes.map((s) => s.scope)).toEqual([`rate:42:${baseInputs.minute}`, 'province', 'unit:7', 'user:42', 'app:x']);
    const d = reserve(new Map(), req, false);
    expect(d).toEqual({ granted: false, code: 'QUOTA_EXCEEDED', scope: 'user:42' });
  });

  it('gives each minute its own rate counter', () => {
    const a = scopesFor(baseInputs).scopes[0];
    const b = scopesFor({ ...baseInputs, minute: baseInputs.minute + 1 }).scopes[0];
    expect(a?.scope).not.toBe(b?.scope);
  });
});

describe('reserve', () => {
  it('grants when every scope has room and increments every scope once', () => {
    const used = new Map<string, number>([[counterKey(DAY, 'province'), 5]]);
    const d = reserve(used, request([scope('province', 10), scope('unit:1', 3)]), false);
    expect(d).toEqual({ granted: true, remaining: { province: 4, 'unit:1': 2 } });
    expect(used.get(counterKey(DAY, 'province'))).toBe(6);
    expect(used.get(counterKey(DAY, 'unit:1'))).toBe(1);
  });

  it('grants the last unit of a cap and refuses the one after it', () => {
    const used = new Map<string, number>();
    const req = request([scope('province', 2)]);
    expect(reserve(used, req, false)).toEqual({ granted: true, remaining: { province: 1 } });
    expect(reserve(used, req, false)).toEqual({ granted: true, remaining: { province: 0 } });
    expect(reserve(used, req, false)).toEqual({ granted: false, code: 'QUOTA_EXCEEDED', scope: 'province' });
    expect(used.get(counterKey(DAY, 'province'))).toBe(2);
  });

  it('refuses when any one scope is full and then touches none of the counters', () => {
    const used = new Map<string, number>([
      [counterKey(DAY, 'province'), 3],
      [counterKey(DAY, 'unit:1'), 5],
    ]);
    const before = new Map(used);
    const d = reserve(used, request([scope('rate:9:1', 30, 'RATE_LIMITED'), scope('province', 100), scope('unit:1', 5)]), false);
    expect(d).toEqual({ granted: false, code: 'QUOTA_EXCEEDED', scope: 'unit:1' });
    expect(used).toEqual(before);
  });

  it('refuses everything while the upstream is locked without touching the counters', () => {
    const used = new Map<string, number>([[counterKey(DAY, 'province'), 1]]);
    const before = new Map(used);
    const d = reserve(used, request([scope('province', 100)]), true);
    expect(d).toEqual({ granted: false, code: 'UPSTREAM_LOCKED' });
    expect(used).toEqual(before);
  });

  it('reports the upstream lock even when a scope is also full', () => {
    const used = new Map<string, number>([[counterKey(DAY, 'province'), 100]]);
    expect(reserve(used, request([scope('province', 100)]), true)).toEqual({ granted: false, code: 'UPSTREAM_LOCKED' });
  });

  it('names the first full scope in order, so the rate limit wins over the daily quota', () => {
    const used = new Map<string, number>([
      [counterKey(DAY, 'rate:9:1'), 30],
      [counterKey(DAY, 'province'), 100],
    ]);
    const d = reserve(used, request([scope('rate:9:1', 30, 'RATE_LIMITED'), scope('province', 100)]), false);
    expect(d).toEqual({ granted: false, code: 'RATE_LIMITED', scope: 'rate:9:1' });
  });

  it('keeps counters of different days apart', () => {
    const used = new Map<string, number>();
    const today = request([scope('province', 1)], '2026-11-23');
    const tomorrow = request([scope('province', 1)], '2026-11-24');
    expect(reserve(used, today, false).granted).toBe(true);
    expect(reserve(used, today, false).granted).toBe(false);
    expect(reserve(used, tomorrow, false)).toEqual({ granted: true, remaining: { province: 0 } });
    expect(used.get(counterKey('2026-11-23', 'province'))).toBe(1);
    expect(used.get(counterKey('2026-11-24', 'province'))).toBe(1);
  });

  it('grants min(requests, cap) when one scope is involved', () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.nat({ max: 80 }), (cap, n) => {
        const used = new Map<string, number>();
        let granted = 0;
        for (let i = 0; i < n; i++) if (reserve(used, request([scope('province', cap)]), false).granted) granted++;
        expect(granted).toBe(Math.min(n, cap));
      }),
    );
  });

  it('never grants past any cap, and refuses only when a drawn-on scope is full, for any sequence of requests', () => {
    const names = ['province', 'unit:1', 'unit:2', 'user:1', 'app:a', 'rate:1:5'];
    const arb = fc.record({
      caps: fc.array(fc.nat({ max: 12 }), { minLength: names.length, maxLength: names.length }),
      locked: fc.array(fc.boolean(), { maxLength: 60 }),
      requests: fc.array(fc.uniqueArray(fc.nat({ max: names.length - 1 }), { minLength: 1, maxLength: names.length }), { maxLength: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ caps, requests, locked }) => {
        const capOf = (i: number) => caps[i] ?? 0;
        const used = new Map<string, number>();
        const granted = new Map<string, number>(names.map((n) => [n, 0]));
        requests.forEach((picks, r) => {
          const isLocked = locked[r] ?? false;
          const scopes = picks.map((i) => scope(names[i] ?? 'province', capOf(i)));
          const full = picks.find((i) => (granted.get(names[i] ?? '') ?? 0) >= capOf(i));
          const d = reserve(used, request(scopes), isLocked);
          if (isLocked) {
            expect(d).toEqual({ granted: false, code: 'UPSTREAM_LOCKED' });
          } else if (full !== undefined) {
            expect(d).toEqual({ granted: false, code: 'QUOTA_EXCEEDED', scope: names[full] });
          } else {
            expect(d.granted).toBe(true);
            for (const i of picks) granted.set(names[i] ?? '', (granted.get(names[i] ?? '') ?? 0) + 1);
            if (d.granted) for (const i of picks) expect(d.remaining[names[i] ?? '']).toBe(capOf(i) - (granted.get(names[i] ?? '') ?? 0));
          }
        });
        names.forEach((n, i) => {
          expect(granted.get(n) ?? 0).toBeLessThanOrEqual(capOf(i));
          expect(used.get(counterKey(DAY, n)) ?? 0).toBe(granted.get(n));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('provinceCap with margins in millionths', () => {
  it('never exceeds threshold × (1 − margin) for any threshold and any six-decimal margin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 999_999 }), (threshold, ppm) => {
        const cap = provinceCap(threshold, ppm / 1_000_000);
        expect(BigInt(cap) * 1_000_000n <= BigInt(threshold) * BigInt(1_000_000 - ppm)).toBe(true);
        expect(BigInt(cap + 1) * 1_000_000n > BigInt(threshold) * BigInt(1_000_000 - ppm)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('counter keys', () => {
  it('give back the day and scope they were made of, whatever the scope holds', () => {
    for (const scope of ['province', 'unit:TTPVHCC', 'app:app_1|v2', '']) expect(splitCounterKey(counterKey('2026-11-24', scope))).toEqual({ day: '2026-11-24', scope });
  });
});

describe('decideAllocation', () => {
  const cap = 9500;

  it('allows a unit up to what the other units leave of the province cap', () => {
    expect(decideAllocation({ requested: 4000, current: 3000, othersTotal: 5500, cap })).toEqual({ ok: true });
    expect(decideAllocation({ requested: 0, current: 0, othersTotal: cap, cap })).toEqual({ ok: true });
  });

  it('refuses one more, saying how much the unit may have, in Vietnamese and English', () => {
    const r = decideAllocation({ requested: 4001, current: 3000, othersTotal: 5500, cap });
    expect(r).toMatchObject({ ok: false, available: 4000 });
    if (!r.ok) {
      expect(r.message.vi).toContain('4000/ngày');
      expect(r.message.en).toContain('9500/day');
    }
  });

  it('always allows lowering, even where the allocations already exceed the cap', () => {
    expect(decideAllocation({ requested: 5000, current: 6000, othersTotal: 8000, cap })).toEqual({ ok: true });
    expect(decideAllocation({ requested: 6001, current: 6000, othersTotal: 8000, cap })).toMatchObject({ ok: false, available: 1500 });
  });
});
