import { describe, expect, it } from 'vitest';
import { schedule } from './scheduler.js';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('the job schedule', () => {
  it('runs on its interval without keeping the process alive', async () => {
    const before = timers();
    let runs = 0;
    const s = schedule('t', 20, async () => {
      runs++;
    });
    expect(timers()).toBe(before);
    await new Promise((r) => setTimeout(r, 150));
    await s.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    const after = runs;
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toBe(after);
  });

  it('never overlaps runs, and stop() waits for the one in progress', async () => {
    let active = 0;
    let most = 0;
    let finished = 0;
    const s = schedule('t', 5, async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 30));
      active--;
      finished++;
    });
    const now = s.runNow();
    await Promise.all([s.runNow(), now]);
    await s.stop();
    expect(most).toBe(1);
    expect(active).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const s = schedule('t', 5, async () => {
      runs++;
      throw new Error('database down');
    });
    await new Promise((r) => setTimeout(r, 60));
    await s.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});
