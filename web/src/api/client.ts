/**
 * The portal's one way to the gateway. The session cookie is HttpOnly (the browser sends it); the
 * CSRF token is held in this module's memory only, never in localStorage, sessionStorage or
 * IndexedDB (R8), and sent on every state-changing call. Errors arrive as {error:{code,message,requestId}}.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let language: 'vi' | 'en' = 'vi';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: 'vi' | 'en'): void {
  language = lang;
}

/** Called when a call made inside a session answers 401 UNAUTHENTICATED (idle timeout, replaced session). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

const SAFE = new Set(['GET', 'HEAD']);

export async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'vi' ? 'Không kết nối được máy chủ dancu' : 'Cannot reach the dancu server', null);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; requestId?: string } } | null)?.error;
    const err = new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `HTTP ${res.status}`, e?.requestId ?? res.headers.get('x-request-id'));
    if (res.status === 401 && err.code === 'UNAUTHENTICATED' && !opts.quiet401) onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

/** A POST whose answer is a file (a PDF): the same headers, CSRF token included; errors as for request(). */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { accept: 'application/pdf, application/json', 'accept-language': language, 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'vi' ? 'Không kết nối được máy chủ dancu' : 'Cannot reach the dancu server', null);
  }
  if (!res.ok) {
    let e: { code?: string; message?: string; requestId?: string } | undefined;
    try {
      e = ((await res.json()) as { error?: typeof e }).error;
    } catch {
      e = undefined;
    }
    const err = new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `HTTP ${res.status}`, e?.requestId ?? res.headers.get('x-request-id'));
    if (res.status === 401 && err.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw err;
  }
  return res.blob();
}

export const api = {
  get: <T>(path: string, opts?: { quiet401?: boolean }) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A query string from the non-empty values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && String(v).trim() !== '') q.set(k, String(v).trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** True when the route does not exist on this server yet (older gateway). */
export function isMissingApi(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404 && (e.code === 'NOT_FOUND' || e.code.startsWith('HTTP_'));
}
