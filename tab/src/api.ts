// The tab's calls to Dagsorden's API, signed in as Teams says the user is: the SSO token
// (Bearer), or, only where the server says its developer sign-in is on (no MicrosoftAppId,
// loopback), the Teams context's user id (Dev).
export type Authorization = () => Promise<string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The answer's body: a refusal may say more (the CPR check's findings and fingerprint). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** `keepalive`: the request outlives the page (a save as the panel closes). */
  put<T>(path: string, body: unknown, options?: { keepalive?: boolean }): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** A file sent as its bytes (application/octet-stream), its name in X-File-Name. */
  upload<T>(path: string, file: File): Promise<T>;
  /** A GET that names the version it has (If-None-Match): null when unchanged (304), else the new answer and its tag. */
  getIfChanged<T>(
    path: string,
    etag: string | null,
  ): Promise<{ etag: string | null; body: T } | null>;
}

export function createApi(authorization: Authorization): Api {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    keepalive = false,
  ): Promise<T> {
    const file = body instanceof File ? body : null;
    const res = await fetch(`/api/tab${path}`, {
      method,
      keepalive,
      headers: {
        authorization: await authorization(),
        ...(file
          ? {
              'content-type': 'application/octet-stream',
              'x-file-name': encodeURIComponent(file.name),
            }
          : body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
      },
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const json = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? 'unknown', json);
    return json as T;
  }
  async function getIfChanged<T>(
    path: string,
    etag: string | null,
  ): Promise<{ etag: string | null; body: T } | null> {
    const res = await fetch(`/api/tab${path}`, {
      headers: { authorization: await authorization(), ...(etag ? { 'if-none-match': etag } : {}) },
    });
    if (res.status === 304) return null;
    const json = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? 'unknown');
    return { etag: res.headers.get('etag'), body: json as T };
  }
  return {
    getIfChanged,
    get: (path) => call('GET', path),
    put: (path, body, options) => call('PUT', path, body, options?.keepalive),
    post: (path, body) => call('POST', path, body),
    delete: (path) => call('DELETE', path),
    upload: (path, file) => call('POST', path, file),
  };
}

/** Whether the server takes the developer sign-in (asked without signing in). */
export async function developerSignIn(): Promise<boolean> {
  const res = await fetch('/api/tab/sign-in').catch(() => null);
  if (!res?.ok) return false;
  return ((await res.json()) as { developer?: boolean }).developer === true;
}
