import { describe, expect, it } from 'vitest';
import { at, FakeLedger } from './fixtures.js';
import { denseWindows, eachEntry } from './window.js';

describe('sliding windows', () => {
  const l = new FakeLedger();
  const day = (ts: number) => new Date(ts + 7 * 3_600_000).toISOString().slice(0, 10);

  it('fire once per day, with the densest window of that day as evidence', () => {
    for (let i = 0; i < 10; i++) l.add({ ts: at('2026-03-05T10:00') + i * 1000, operation: 'x.y' });
    for (let i = 0; i < 5; i++) l.add({ ts: at('2026-03-05T15:00') + i * 1000, operation: 'x.y' });
    const w = denseWindows(l.entries, 60_000, [{ key: eachEntry, min: 5 }], (e) => day(e.ts));
    expect(w).toHaveLength(1);
    expect(w[0]!.entries).toHaveLength(10);
    expect(w[0]!.counts).toEqual([10]);
    expect(w[0]!.day).toBe('2026-03-05');
  });

  it('do not fire when the entries are spread wider than the window', () => {
    const spread = Array.from({ length: 10 }, (_, i) => ({ ...l.entries[0]!, seq: i + 1, ts: i * 20_000 }));
    expect(denseWindows(spread, 60_000, [{ key: eachEntry, min: 4 }], (e) => day(e.ts))).toEqual([]);
    expect(denseWindows(spread, 60_001, [{ key: eachEntry, min: 4 }], (e) => day(e.ts))).toHaveLength(1);
  });

  it('count distinct keys, not entries', () => {
    const same = Array.from({ length: 10 }, (_, i) => ({ ...l.entries[0]!, seq: i + 1, ts: i, id_hmac: i < 8 ? 'h1' : `h${i}` }));
    expect(denseWindows(same, 60_000, [{ key: (e) => e.id_hmac, min: 4 }], (e) => day(e.ts))).toEqual([]);
    expect(denseWindows(same, 60_000, [{ key: (e) => e.id_hmac, min: 3 }], (e) => day(e.ts))).toHaveLength(1);
  });

  it('fire again on the next day, across midnight', () => {
    const night = Array.from({ length: 6 }, (_, i) => ({ ...l.entries[0]!, seq: i + 1, ts: at('2026-03-05T23:59:57') + i * 1000 }));
    const w = denseWindows(night, 60_000, [{ key: eachEntry, min: 2 }], (e) => day(e.ts));
    expect(w.map((x) => x.day)).toEqual(['2026-03-05', '2026-03-06']);
  });
});
