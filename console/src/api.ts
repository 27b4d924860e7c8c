import { t } from './i18n.ts';

/** The console talks only to /api/v1, with the session cookie and its CSRF token on every write. */
let csrf = '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function setCsrf(token: string | undefined) {
  csrf = token ?? '';
}

export async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const isRaw = body instanceof Blob || body instanceof ArrayBuffer || typeof body === 'string';
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isRaw ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as any) : {};
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login') window.dispatchEvent(new Event('gk-logged-out'));
    throw new ApiError(
      res.status,
      data?.error?.message ?? t('请求失败（{status}）', { status: res.status }),
      data?.error?.details,
    );
  }
  return data as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);
export const post = <T = any>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});

export const qs = (o: Record<string, unknown>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};
