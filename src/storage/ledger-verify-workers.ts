/**
 * Chain verification spread over this thread and worker threads (verify-worker.ts): ranges handed
 * out one at a time to whichever is free, summaries collected in seq order. This thread starts at
 * once; a worker gets its first range once it has loaded, so no range waits on a slow start (a
 * ledger this thread finishes first is simply done). Once a range reports a break, later ranges
 * cannot change the result and are not handed out. Workers are always terminated; a worker that
 * fails or exits early fails the verification instead of hanging it.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';
import type { RangeSummary, SeqRange } from '../core/ledger/ranges.js';

export interface VerifyWorkerData {
  url: string;
  /** Hex. */
  chainKey: string;
  checkpointPublicKeyPem: string;
  pageSize: number;
}

export type VerifyWorkerRequest = { index: number; range: SeqRange };

export type VerifyWorkerReply =
  | { type: 'ready' }
  | { type: 'summary'; index: number; summary: RangeSummary }
  | { type: 'error'; message: string };

export function startVerifyWorker(data: VerifyWorkerData): Worker {
  return startWorker('verify-worker', { workerData: data });
}

export interface ParallelOptions {
  /** Worker threads besides this one. */
  workers: number;
  startWorker: () => Worker;
  /**
   * Checks a range in this thread; `stop()` turns true once its summary is no longer needed. Without
   * it this thread only hands out ranges (then at least one worker is needed).
   */
  here?: (range: SeqRange, stop: () => boolean) => Promise<RangeSummary>;
}

/** Summaries of `ranges` in order, up to and including the first broken one. */
export async function verifyRangesInParallel(ranges: readonly SeqRange[], o: ParallelOptions): Promise<RangeSummary[]> {
  const workers: Worker[] = [];
  const summaries: Array<RangeSummary | undefined> = [];
  let needed = ranges.length;
  let next = 0;
  let settled = false;
  let local: Promise<void> = Promise.resolve();
  const here = o.here;
  if (!here && o.workers < 1) throw new Error('verifyRangesInParallel: no worker and not this thread either');
  const take = (): number | null => (!settled && next < needed ? next++ : null);
  const run = new Promise<RangeSummary[]>((resolve, reject) => {
    const fail = (err: unknown) => {
      settled = true;
      reject(err);
    };
    const record = (index: number, summary: RangeSummary) => {
      summaries[index] = summary;
      if (summary.broken && index + 1 < needed) needed = index + 1;
      for (let i = 0; i < needed; i++) if (!summaries[i]) return;
      settled = true;
      resolve(summaries.slice(0, needed) as RangeSummary[]);
    };
    const give = (w: Worker) => {
      const index = take();
      if (index !== null) w.postMessage({ index, range: ranges[index]! } satisfies VerifyWorkerRequest);
    };
    for (let k = 0; k < Math.min(o.workers, here ? ranges.length - 1 : ranges.length); k++) {
      const w = o.startWorker();
      workers.push(w);
      w.on('message', (m: VerifyWorkerReply) => {
        if (m.type === 'error') return fail(new Error(`ledger verification worker: ${m.message}`));
        if (m.type === 'summary') record(m.index, m.summary);
        give(w);
      });
      w.on('error', fail);
      // After the result, terminate() makes every worker exit; the promise is settled by then.
      w.on('exit', (code) => fail(new Error(`ledger verification worker exited (${code}) before finishing`)));
    }
    if (here) {
      local = (async () => {
        for (let i = take(); i !== null; i = take()) {
          const index = i;
          const summary = await here(ranges[index]!, () => settled || index >= needed);
          if (!settled && index < needed) record(index, summary);
        }
      })().catch(fail);
    }
    if (needed === 0) {
      settled = true;
      resolve([]);
    }
  });
  try {
    return await run;
  } finally {
    settled = true;
    await Promise.all([local, ...workers.map((w) => w.terminate())]);
  }
}
