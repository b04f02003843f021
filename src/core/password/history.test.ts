import { describe, expect, it } from 'vitest';
import { historyWindow } from './history.js';

const hashes = Array.from({ length: 14 }, (_, i) => `h${i + 1}`); // oldest first, h14 is current

describe('the password-history window (TCVN 14423: no reuse of the last 10)', () => {
  it('is the newest 10 hashes, the current one included', () => {
    expect(historyWindow(hashes, { historySize: 10 })).toEqual(['h5', 'h6', 'h7', 'h8', 'h9', 'h10', 'h11', 'h12', 'h13', 'h14']);
  });

  it('is the whole history when it is shorter than the window', () => {
    expect(historyWindow(['h1', 'h2'], { historySize: 10 })).toEqual(['h1', 'h2']);
    expect(historyWindow([], { historySize: 10 })).toEqual([]);
  });

  it('is empty when the rule is switched off, not the whole history', () => {
    expect(historyWindow(hashes, { historySize: 0 })).toEqual([]);
    expect(historyWindow(hashes, { historySize: -3 })).toEqual([]);
    expect(historyWindow(hashes, { historySize: Number.NaN })).toEqual([]);
  });

  it('leaves the stored history untouched', () => {
    const copy = [...hashes];
    historyWindow(hashes, { historySize: 3 }).pop();
    expect(hashes).toEqual(copy);
  });
});
