import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshStorage } from '../../test/support/harness.js';
import type { Storage } from './db.js';
import * as dir from './directory.js';

describe.each(['sqlite', 'postgres'] as const)('unit allocations on %s (R1)', (engine) => {
  let storage: Storage;
  beforeAll(async () => {
    ({ storage } = await freshStorage(engine, inject('pgUrl')));
    const now = Date.now();
    for (const code of ['UBND-A', 'UBND-B', 'UBND-C']) await dir.addUnit(storage.db, { code, name: `UBND ${code}`, dailyQuota: 1000 }, now);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('lets only one of two raises that would together pass the cap through, however they overlap', async () => {
    // Cap 5,000, allocated 3,000: either raise to 2,500 fits alone, both do not.
    const raise = (code: string) => dir.withAllocation(storage, code, 2500, 5000, async (trx) => {
      // Hold the transaction open so that the two overlap.
      await new Promise((r) => setTimeout(r, 150));
      return dir.setUnitQuota(trx, code, 2500);
    });
    const results = await Promise.all([raise('UBND-A'), raise('UBND-B')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, available: 1500 });
    const total = (await dir.listUnits(storage.db)).reduce((sum, u) => sum + u.daily_quota, 0);
    expect(total).toBe(4500);
  });

  it('writes nothing when refused, and always allows lowering', async () => {
    const refused = await dir.withAllocation(storage, 'UBND-C', 1600, 5000, (trx) => dir.setUnitQuota(trx, 'UBND-C', 1600));
    expect(refused.ok).toBe(false);
    expect((await dir.unitByCode(storage.db, 'UBND-C'))?.daily_quota).toBe(1000);
    expect((await dir.withAllocation(storage, 'UBND-C', 10, 5000, (trx) => dir.setUnitQuota(trx, 'UBND-C', 10))).ok).toBe(true);
  });
});
