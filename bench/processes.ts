/**
 * Gateway instances as separate processes, started as an operator would (`dancu start` from
 * source through tsx), for the two-instance benchmark and the chaos test. The URL comes from the
 * JSON log line "dancu gateway listening"; stdout is drained for the process's whole life so the
 * per-request log lines never fill the pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cleanEnv } from './fixtures.js';
import { freePort } from '../test/support/postgres.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(ROOT, 'src/cli/entry.ts');
const LISTENING = 'dancu gateway listening';

/** Children still running; if this process exits without stopping them, they are killed with it. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

export interface GatewayProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Log lines at level error or fatal, and the tail of stderr: for the report when a run fails. */
  problems(): string[];
  /** SIGTERM (graceful: in-flight requests finish, the ledger is flushed), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL, as a crash: nothing is flushed. Resolves when the process is gone. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `dancu start` with `env` (on top of a clean copy of this process's environment). */
export async function spawnGateway(env: Record<string, string>, o: { startTimeoutMs?: number } = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'start'], {
    cwd: ROOT,
    env: { ...cleanEnv(), DANCU_LOG_LEVEL: 'info', DANCU_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const problems: string[] = [];
  let stderr = '';
  let buffered = '';
  let url: string | null = null;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway did not start within ${o.startTimeoutMs ?? 60_000} ms:\n${stderr.slice(-2000)}`));
    }, o.startTimeoutMs ?? 60_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        // Only lines that may matter are parsed; the per-request lines are skipped cheaply.
        if (url === null && line.includes(LISTENING)) {
          try {
            const rec = JSON.parse(line) as { url?: string };
            if (rec.url) {
              url = rec.url;
              clearTimeout(timer);
              resolve(rec.url);
            }
          } catch {
            // Not JSON: keep looking.
          }
        } else if (/"level":(50|60)/.test(line) && problems.length < 50) {
          problems.push(line.slice(0, 1000));
        }
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (url === null) reject(new Error(`gateway exited (${code ?? signal}) before listening:\n${stderr.slice(-2000)}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  const listeningUrl = await ready;
  return {
    url: listeningUrl,
    pid: child.pid!,
    child,
    problems: () => [...problems, ...(stderr.trim() ? [`stderr: ${stderr.trim().slice(-2000)}`] : [])],
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}

/** A port that was free a moment ago on 127.0.0.1 (for an instance that must come back on the same address). */
export { freePort };
