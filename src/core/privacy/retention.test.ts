import { describe, expect, it } from 'vitest';
import { checkRetentionMonths, decidePrune, DEFAULT_RETENTION_MONTHS, MIN_RETENTION_MONTHS, retentionCutoffDay } from './retention.js';

describe('retention period', () => {
  it('defaults to 24 months and never accepts fewer than 12', () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(24);
    expect(MIN_RETENTION_MONTHS).toBe(12);
    expect(checkRetentionMonths(12)).toEqual({ ok: true, months: 12 });
    expect(checkRetentionMonths(11).ok).toBe(false);
    expect(checkRetentionMonths(0).ok).toBe(false);
    expect(checkRetentionMonths(12.5).ok).toBe(false);
  });

  it('keeps entries from the same day of the month, months earlier', () => {
    expect(retentionCutoffDay('2026-11-15', 24)).toBe('2024-11-15');
    expect(retentionCutoffDay('2026-01-10', 12)).toBe('2025-01-10');
    expect(retentionCutoffDay('2027-03-05', 14)).toBe('2026-01-05');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(retentionCutoffDay('2026-03-31', 13)).toBe('2025-02-28');
    expect(retentionCutoffDay('2026-02-28', 24)).toBe('2024-02-28');
    expect(retentionCutoffDay('2028-02-29', 12)).toBe('2027-02-28');
    expect(retentionCutoffDay('2026-08-31', 18)).toBe('2025-02-28');
  });

  it('refuses a period under the minimum rather than computing one', () => {
    expect(() => retentionCutoffDay('2026-11-15', 6)).toThrow(RangeError);
  });
});

describe('how far a prune may go', () => {
  const cps = [{ seq: 100, hash: 'a' }, { seq: 250, hash: 'b' }, { seq: 400, hash: 'c' }];

  it('stops at the last signed checkpoint whose entries are all older than the cutoff', () => {
    expect(decidePrune({ firstKeptSeq: 300, headSeq: 500, prunedThrough: 0, checkpoints: cps })).toEqual({ prune: true, boundarySeq: 250, checkpointHash: 'b', entries: 250 });
  });

  it('may stop exactly at a checkpoint right before the first kept entry', () => {
    expect(decidePrune({ firstKeptSeq: 401, headSeq: 500, prunedThrough: 0, checkpoints: cps })).toMatchObject({ boundarySeq: 400 });
  });

  it('counts only entries not already pruned', () => {
    expect(decidePrune({ firstKeptSeq: 450, headSeq: 500, prunedThrough: 250, checkpoints: cps })).toEqual({ prune: true, boundarySeq: 400, checkpointHash: 'c', entries: 150 });
  });

  it('prunes nothing when no entry is old enough', () => {
    expect(decidePrune({ firstKeptSeq: 1, headSeq: 500, prunedThrough: 0, checkpoints: cps })).toMatchObject({ prune: false, reason: 'NOTHING_OLD' });
    expect(decidePrune({ firstKeptSeq: 251, headSeq: 500, prunedThrough: 250, checkpoints: cps })).toMatchObject({ prune: false, reason: 'NOTHING_OLD' });
  });

  it('prunes nothing when no signed checkpoint lies among the old entries', () => {
    expect(decidePrune({ firstKeptSeq: 90, headSeq: 500, prunedThrough: 0, checkpoints: cps })).toMatchObject({ prune: false, reason: 'NO_CHECKPOINT' });
    expect(decidePrune({ firstKeptSeq: null, headSeq: 50, prunedThrough: 0, checkpoints: [] })).toMatchObject({ prune: false, reason: 'NO_CHECKPOINT' });
  });

  it('may prune up to the head when every entry is old and the head is checkpointed', () => {
    expect(decidePrune({ firstKeptSeq: null, headSeq: 400, prunedThrough: 0, checkpoints: cps })).toMatchObject({ prune: true, boundarySeq: 400 });
  });
});
