import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/db.js';
import { putCalendarOverride } from '../storage/registry.js';
import { freshStorage } from '../../test/support/harness.js';
import { ruleContext } from './context.js';

describe('the monitoring job\'s context', () => {
  let storage: Storage;
  beforeAll(async () => {
    ({ storage } = await freshStorage('sqlite'));
  });
  afterAll(async () => {
    await storage.close();
  });

  it('judges days off on the province\'s calendar with the administrators\' corrections (after-hours rule)', async () => {
    const settings = { timezone: 'Asia/Ho_Chi_Minh', upstreamDailyThreshold: 10_000, quotaSafetyMargin: 0.05, workingHours: { start: '07:00', end: '18:00' } };
    const now = new Date('2027-03-10T03:00:00Z');
    // Wednesday 10/03/2027: an ordinary working day, until the administrators declare it a day off.
    expect((await ruleContext(storage.db, now, settings)).calendar.isWorkingDay('2027-03-10')).toBe(true);
    await putCalendarOverride(storage.db, 2027, { daysOff: [{ date: '2027-03-10', label: 'Nghỉ bù theo quyết định của tỉnh' }], workingSaturdays: [] }, 'quantri', now.getTime());
    const ctx = await ruleContext(storage.db, now, settings);
    expect(ctx.calendar.isWorkingDay('2027-03-10')).toBe(false);
    expect(ctx.calendar.dayOffLabel('2027-03-10')).toBe('Nghỉ bù theo quyết định của tỉnh');
  });
});
