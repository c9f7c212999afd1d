/** The console's calls to the REST API (same origin, session cookie), errors in Chinese, writes with the CSRF token. */

export interface SessionUser {
  id: string;
  username: string;
  role: 'citizen' | 'official' | 'admin';
  unitId: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** A failed call: the HTTP status (0 when the network failed), the API's error code and a message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const networkMessage = '网络连接好像出了问题，请检查网络后再试一次。';
const unavailableMessage = '服务暂时不可用，请稍后再试。';

const errorOf = (body: unknown): { code: string; message: string } | undefined => {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
};

/** Where the login page sends a person back to: the page they were on when the session ran out. */
export const loginAddress = (next: string, expired = false) =>
  `/admin/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  csrfToken?: string | undefined;
  signal?: AbortSignal | undefined;
  /** A 401 means the session ran out: go to the login, keeping the page (off for the login itself). */
  redirectOnExpiry?: boolean;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      signal: options.signal ?? null,
      headers: {
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(options.csrfToken ? { 'X-CSRF-Token': options.csrfToken } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, 'NETWORK', networkMessage);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return body as T;
  if (response.status === 401 && options.redirectOnExpiry !== false) {
    window.location.assign(loginAddress(window.location.pathname + window.location.search, true));
  }
  const error = errorOf(body);
  throw new ApiFailure(response.status, error?.code ?? 'UNAVAILABLE', error?.message ?? unavailableMessage);
}

/** Sends one file as multipart form data (field `file`), with the CSRF token; errors as requestJson's. */
export async function uploadFile<T>(path: string, file: File, csrfToken: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken },
      body: form,
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', networkMessage);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body !== undefined) return body as T;
  if (response.status === 401) window.location.assign(loginAddress(window.location.pathname, true));
  const error = errorOf(body);
  throw new ApiFailure(response.status, error?.code ?? 'UNAVAILABLE', error?.message ?? unavailableMessage);
}
