/**
 * A small HTTP load generator on undici pools (autocannon is not a dependency). Closed loop by
 * default: `concurrency` virtual users, each sending its next request when the previous one is
 * answered; with `ratePerSec` it paces requests on a fixed schedule instead (open loop). Every run
 * is bounded by time and, optionally, by a request count, and stops by itself.
 *
 * `runLoad` runs in the calling process (the chaos test uses it that way); `runLoadInChild` runs it
 * in a separate Node process so the load does not compete with the server under test for the same
 * event loop (load-child.ts).
 */
import { fork } from 'node:child_process';
import { Pool } from 'undici';

export interface LoadSpec {
  /** Origins, e.g. http://127.0.0.1:8080; requests go round-robin over them. */
  targets: string[];
  path: string;
  /** Cycled per request: the n-th request uses headers[n % length] and bodies[n % length]. */
  headers: Array<Record<string, string>>;
  bodies: string[];
  concurrency: number;
  /** The measured phase. */
  durationMs: number;
  /** Sent and answered before the measured phase; not counted in rps or latencies. */
  warmupMs?: number;
  /** Stop issuing after this many requests (warm-up included). */
  maxRequests?: number;
  /** Open loop: request n is sent at start + n / rate (never earlier). */
  ratePerSec?: number;
  /** Sets `X-Request-Id: <prefix>-<n>` on every request. */
  requestIdPrefix?: string;
  /** Stop the whole run once `count` answers with this key (see `answerKey`) have arrived. */
  stopAfter?: { key: string; count: number };
  /** On a refused connection (nothing reached the server), send the request to the next target. */
  failover?: boolean;
  /** Return every request id with its answer (needs requestIdPrefix). */
  collectAnswers?: boolean;
  /** One request's limit; default 30 s. */
  timeoutMs?: number;
}

export interface LoadResult {
  /** Requests sent, warm-up included. */
  sent: number;
  /** Answers by key: the status, plus the error code for 4xx/5xx with a JSON error body ("429:QUOTA_EXCEEDED"). */
  byKey: Record<string, number>;
  /** Transport failures by code (ECONNREFUSED, UND_ERR_SOCKET, …). */
  errors: Record<string, number>;
  failovers: number;
  /** Answers (any HTTP status) completed in the measured phase, per second of that phase. */
  rps: number;
  measuredAnswers: number;
  measuredMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Milliseconds after the start at which the last answer with each key arrived. */
  lastAtMs: Record<string, number>;
  elapsedMs: number;
  stoppedBy: 'duration' | 'maxRequests' | 'stopAfter';
  answers?: Array<{ id: string; key: string }>;
}

/** "200", "404", or "429:QUOTA_EXCEEDED" when the body carries a code. */
export function answerKey(status: number, body: string): string {
  if (status < 400) return String(status);
  const m = /"code"\s*:\s*"([A-Z_]+)"/.exec(body);
  return m ? `${status}:${m[1]}` : String(status);
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.targets.length === 0 || spec.bodies.length === 0 || spec.headers.length === 0) throw new Error('load: targets, bodies and headers must not be empty');
  const timeoutMs = spec.timeoutMs ?? 30_000;
  const perTarget = Math.max(1, Math.ceil(spec.concurrency / spec.targets.length) + (spec.failover ? spec.concurrency : 0));
  const pools = spec.targets.map((t) => new Pool(t, { connections: perTarget, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }));

  const start = performance.now();
  const warmupMs = spec.warmupMs ?? 0;
  const measureFrom = start + warmupMs;
  const measureTo = measureFrom + spec.durationMs;
  const byKey: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const lastAtMs: Record<string, number> = {};
  const latencies: number[] = [];
  const answers: Array<{ id: string; key: string }> = [];
  let measuredAnswers = 0;
  let failovers = 0;
  let next = 0;
  let stoppedBy: LoadResult['stoppedBy'] = 'duration';
  let stopped = false;

  const send = async (n: number): Promise<void> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...spec.headers[n % spec.headers.length]! };
    const id = spec.requestIdPrefix ? `${spec.requestIdPrefix}-${n}` : null;
    if (id) headers['x-request-id'] = id;
    const body = spec.bodies[n % spec.bodies.length]!;
    const t0 = performance.now();
    let key: string | null = null;
    for (let attempt = 0; attempt < spec.targets.length; attempt++) {
      const pool = pools[(n + attempt) % pools.length]!;
      try {
        const res = await pool.request({ path: spec.path, method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.body.text();
        key = answerKey(res.statusCode, text);
        break;
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).name;
        if (spec.failover && code === 'ECONNREFUSED' && attempt + 1 < spec.targets.length) {
          failovers++;
          continue;
        }
        errors[code] = (errors[code] ?? 0) + 1;
        if (id && spec.collectAnswers) answers.push({ id, key: `error:${code}` });
        // A dead target answers instantly; without a pause one user would spin on it.
        if (code === 'ECONNREFUSED') await sleep(20);
        return;
      }
    }
    const t1 = performance.now();
    if (key === null) return;
    byKey[key] = (byKey[key] ?? 0) + 1;
    lastAtMs[key] = Math.round(t1 - start);
    if (id && spec.collectAnswers) answers.push({ id, key });
    if (t0 >= measureFrom) latencies.push(t1 - t0);
    if (t1 >= measureFrom && t1 <= measureTo) measuredAnswers++;
    if (spec.stopAfter && key === spec.stopAfter.key && byKey[key]! >= spec.stopAfter.count && !stopped) {
      stopped = true;
      stoppedBy = 'stopAfter';
    }
  };

  const user = async (): Promise<void> => {
    while (!stopped) {
      if (performance.now() >= measureTo) return;
      if (spec.maxRequests !== undefined && next >= spec.maxRequests) {
        stoppedBy = 'maxRequests';
        return;
      }
      const n = next++;
      if (spec.ratePerSec) {
        const due = start + (n * 1000) / spec.ratePerSec;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (stopped || performance.now() >= measureTo) return;
      }
      await send(n);
    }
  };

  try {
    await Promise.all(Array.from({ length: spec.concurrency }, () => user()));
  } finally {
    await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
  }
  const end = performance.now();
  const measuredMs = Math.max(1, Math.min(end, measureTo) - measureFrom);
  const sorted = Float64Array.from(latencies).sort();
  return {
    sent: next,
    byKey, errors, failovers,
    rps: round2((measuredAnswers * 1000) / measuredMs),
    measuredAnswers,
    measuredMs: Math.round(measuredMs),
    p50Ms: round2(percentile(sorted, 50)),
    p90Ms: round2(percentile(sorted, 90)),
    p99Ms: round2(percentile(sorted, 99)),
    maxMs: round2(sorted.length ? sorted[sorted.length - 1]! : 0),
    lastAtMs,
    elapsedMs: Math.round(end - start),
    stoppedBy,
    ...(spec.collectAnswers ? { answers } : {}),
  };
}

/**
 * Runs the load in a child Node process and returns its result. The child is killed if it has not
 * answered within the run's own bounds plus a minute.
 */
export function runLoadInChild(spec: LoadSpec): Promise<LoadResult> {
  const child = fork(new URL('./load-child.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const limitMs = (spec.warmupMs ?? 0) + spec.durationMs + 60_000;
  return new Promise<LoadResult>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`load generator did not finish within ${limitMs} ms`));
    }, limitMs);
    const finish = (err: Error | null, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(result!);
    };
    child.once('message', (m: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      if (m.ok) finish(null, m.result);
      else finish(new Error(`load generator failed: ${m.error}`));
    });
    child.once('error', (e) => finish(e));
    child.once('exit', (code, signal) => finish(new Error(`load generator exited (${code ?? signal}) without a result`)));
    child.send(spec);
  });
}
