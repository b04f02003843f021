/**
 * Runs a job every `intervalMs`, one run at a time, on an unref'd timer: the schedule never keeps
 * the process alive, and `stop()` waits for a run in progress so the database closes after it.
 */
import type { Logger } from 'pino';

export interface Scheduled {
  /** Runs now unless a run is in progress (then waits for it); resolves when done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function schedule(name: string, intervalMs: number, job: () => Promise<unknown>, log?: Logger): Scheduled {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = (): Promise<void> => {
    running ??= (async () => {
      try {
        await job();
      } catch (err) {
        log?.error({ job: name, err: { type: (err as Error).name, message: (err as Error).message } }, 'scheduled job failed');
      } finally {
        running = null;
        arm();
      }
    })();
    return running;
  };
  const arm = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), intervalMs);
    timer.unref();
  };
  arm();
  return {
    runNow: () => (stopped ? Promise.resolve() : run()),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
