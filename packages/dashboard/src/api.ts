/**
 * The page's calls to the daemon that served it (same origin): the login cookie goes along by
 * itself, and the browser adds the Origin the daemon requires on a change (docs/dashboard.md, "CSRF").
 */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; status: number; body: T; headers: Headers } | { ok: false; failure: ApiFailure };

/** Called on every 401: the login is gone (expired, logged out, another daemon). */
let onSignedOut: () => void = () => {};
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, failure: { status: 0, code: 'unreachable', message: 'The daemon did not answer: is `ao daemon` still running?' } };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: said below
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T, headers: response.headers };
  if (response.status === 401) onSignedOut();
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    failure: {
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      message: typeof error?.message === 'string' ? error.message : `The daemon answered ${response.status}.`,
    },
  };
}

export const apiGet = <T>(path: string) => call<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown = {}) => call<T>('POST', path, body);

export const sessionPath = (id: string) => `/v1/sessions/${encodeURIComponent(id)}`;
