/**
 * HTTP client of the population database (or the simulator): one keep-alive pool, a hard timeout
 * per call, and results as values. It never retries: every call that reaches the upstream counts
 * against the province's threshold (R1), so a retry would spend quota twice.
 */
import { Pool } from 'undici';

export type UpstreamResult<T> =
  | { kind: 'ok'; body: T; ms: number }
  | { kind: 'not_found'; ms: number }
  | { kind: 'locked'; ms: number; status: number }
  | { kind: 'error'; ms: number; status: number | null }
  | { kind: 'timeout'; ms: number }
  | { kind: 'unavailable'; ms: number };

export interface UpstreamClient {
  lookup(idNumber: string): Promise<UpstreamResult<{ citizen: Record<string, unknown> }>>;
  verify(q: { idNumber: string; fullName: string; dateOfBirth: string }): Promise<UpstreamResult<{ match: Record<string, boolean> }>>;
  close(): Promise<void>;
}

export function httpUpstream(baseUrl: string, token: string, timeoutMs: number, connections = 64): UpstreamClient {
  const url = new URL(baseUrl);
  const prefix = url.pathname.replace(/\/$/, '');
  const pool = new Pool(url.origin, { connections, keepAliveTimeout: 30_000, pipelining: 1 });

  async function call<T>(path: string, body: unknown): Promise<UpstreamResult<T>> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const res = await pool.request({
        path: prefix + path,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.body.text();
      const status = res.statusCode;
      if (status === 200) {
        try {
          return { kind: 'ok', body: JSON.parse(text) as T, ms: ms() };
        } catch {
          return { kind: 'error', ms: ms(), status };
        }
      }
      // Only the contract's NOT_FOUND means "no such citizen"; a 404 for a wrong path is a fault.
      if (status === 404) return /"code"\s*:\s*"NOT_FOUND"/.test(text) ? { kind: 'not_found', ms: ms() } : { kind: 'error', ms: ms(), status };
      // 423: the account is locked (the incident); 429: throttled. Both mean: stop calling.
      if (status === 423 || status === 429) return { kind: 'locked', ms: ms(), status };
      return { kind: 'error', ms: ms(), status };
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError' || (err as { code?: string }).code === 'UND_ERR_HEADERS_TIMEOUT') {
        return { kind: 'timeout', ms: ms() };
      }
      return { kind: 'unavailable', ms: ms() };
    }
  }

  return {
    lookup: (idNumber) => call('/v1/citizens/lookup', { idNumber }),
    verify: (q) => call('/v1/citizens/verify', q),
    close: () => pool.close(),
  };
}
