/**
 * Spreading range checks over this thread and workers: every range is checked once, summaries come
 * back in order, nothing after the first broken range is waited for, and a failing or vanished
 * worker fails the verification (never a hang) with every worker terminated.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ChainBreak } from '../core/ledger/chain.js';
import { planRanges, type RangeSummary, type SeqRange } from '../core/ledger/ranges.js';
import { verifyRangesInParallel } from './ledger-verify-workers.js';

function summaryOf(range: SeqRange, brokenAt: number | null): RangeSummary {
  const broken: ChainBreak | null = brokenAt !== null && brokenAt >= range.from && brokenAt <= range.to
    ? { seq: brokenAt, reason: 'HASH_MISMATCH', message: `entry ${brokenAt} was altered` } : null;
  return { ...range, first: { seq: range.from, prevHash: 'x' }, count: range.to - range.from + 1, lastSeq: range.to, lastHash: 'x', broken, prunes: [], checkpoints: 0 };
}

/** A worker that answers like verify-worker.ts, from the summaryOf above, or runs `body` instead. */
function fakeWorker(brokenAt: number | null, body?: string): Worker {
  return new Worker(body ?? `
    const { parentPort } = require('node:worker_threads');
    const summaryOf = ${summaryOf.toString()};
    parentPort.on('message', (m) => parentPort.postMessage({ type: 'summary', index: m.index, summary: summaryOf(m.range, ${brokenAt}) }));
    parentPort.postMessage({ type: 'ready' });
  `, { eval: true });
}

/** A check in this thread that takes until it is told to stop. */
async function untilStopped(range: SeqRange, stop: () => boolean): Promise<RangeSummary> {
  while (!stop()) await new Promise((r) => setImmediate(r));
  return summaryOf(range, null);
}

/** Starts fake workers, remembering each (to see it terminated) and when one first answered with a summary. */
function counting(start: () => Worker) {
  const exited: Array<Promise<number>> = [];
  let answered!: () => void;
  const firstSummary = new Promise<void>((resolve) => (answered = resolve));
  return {
    exited,
    firstSummary,
    startWorker: () => {
      const w = start();
      exited.push(new Promise((resolve) => w.once('exit', resolve)));
      w.on('message', (m: { type: string }) => m.type === 'summary' && answered());
      return w;
    },
  };
}

describe('verifyRangesInParallel', () => {
  const ranges = planRanges(1, 1000, 50);

  it('returns every range’s summary in seq order, checked here and in the workers, and ends every worker', async () => {
    const here: SeqRange[] = [];
    const workers = counting(() => fakeWorker(null));
    const summaries = await verifyRangesInParallel(ranges, {
      workers: 3, startWorker: workers.startWorker,
      here: async (range) => {
        // Hold this thread's first range until a worker has loaded and answered, so both take part.
        if (here.push(range) === 1) await workers.firstSummary;
        return summaryOf(range, null);
      },
    });
    expect(summaries.map((s) => s.from)).toEqual(ranges.map((r) => r.from));
    expect(here.length).toBeGreaterThan(0);
    expect(here.length).toBeLessThan(ranges.length);
    expect(workers.exited).toHaveLength(3);
    await Promise.all(workers.exited);
  });

  it('stops at the first broken range and does not wait for the ranges after it', async () => {
    const here: SeqRange[] = [];
    const summaries = await verifyRangesInParallel(ranges, {
      workers: 0, startWorker: () => fakeWorker(null),
      here: async (range) => {
        here.push(range);
        return summaryOf(range, 120);
      },
    });
    expect(summaries.map((s) => s.from)).toEqual([1, 51, 101]);
    expect(summaries.at(-1)?.broken?.seq).toBe(120);
    expect(here).toHaveLength(3);
  });

  it('fails when a worker crashes, and terminates the others', async () => {
    const workers = counting(() => (workers.exited.length === 0 ? fakeWorker(null, 'throw new Error("disk on fire")') : fakeWorker(null)));
    await expect(verifyRangesInParallel(ranges, {
      workers: 2, startWorker: workers.startWorker,
      here: untilStopped,
    })).rejects.toThrow(/disk on fire/);
    await Promise.all(workers.exited);
  });

  it('fails when a worker exits before answering', async () => {
    const workers = counting(() => fakeWorker(null, 'process.exit(3)'));
    await expect(verifyRangesInParallel(ranges, { workers: 1, startWorker: workers.startWorker, here: untilStopped }))
      .rejects.toThrow(/exited \(3\)/);
  });

  it('fails when a worker reports an error, and when this thread’s own check fails', async () => {
    const erring = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => parentPort.postMessage({ type: 'error', message: 'no such table: ledger' }));
      parentPort.postMessage({ type: 'ready' });`;
    await expect(verifyRangesInParallel(ranges, { workers: 1, startWorker: () => fakeWorker(null, erring), here: untilStopped }))
      .rejects.toThrow(/no such table/);
    await expect(verifyRangesInParallel(ranges, { workers: 0, startWorker: () => fakeWorker(null), here: async () => Promise.reject(new Error('connection lost')) }))
      .rejects.toThrow(/connection lost/);
  });
});
