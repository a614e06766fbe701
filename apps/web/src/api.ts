/** The API client: bearer token from the session, one error shape (the API's) for every failure. */

export interface ApiErrorBody {
  code: string;
  kind?: string;
  messageVi: string;
  messageEn: string;
  field?: string;
  fields?: { field: string; messageVi: string; messageEn: string }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody) {
    super(body.messageEn);
  }
}

const TOKEN_KEY = 'vinhdanh.token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, anonymous = false): Promise<T> {
  const token = anonymous ? null : tokenStore.get();
  const isForm = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', messageVi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', messageEn: 'Cannot reach the server. Check the connection and retry.' });
  }
  if (res.status === 401 && path !== '/auth/login') onUnauthorized();
  const text = await res.text();
  if (!res.ok) throw apiError(res.status, text);
  return (text ? safeJson(text) : undefined) as T;
}

/** The API's error body, or a plain one naming the status when the body is not ours (a proxy's page). */
function apiError(status: number, text: string): ApiError {
  const b = (safeJson(text) ?? {}) as Partial<ApiErrorBody>;
  return new ApiError(status, {
    code: b.code ?? `HTTP_${status}`,
    messageVi: b.messageVi ?? `Lỗi ${status}.`,
    messageEn: b.messageEn ?? `Error ${status}.`,
    ...(b.field ? { field: b.field } : {}),
    ...(b.fields ? { fields: b.fields } : {}),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A fresh key per user action: a retried click is the same action, never a second one. */
export const newIdempotencyKey = () => crypto.randomUUID();

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', path, body ?? {}, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  /** Without the session's token: a secret ballot is cast with no account (ballots.ts). */
  postAnonymous: <T>(path: string, body: unknown) => request<T>('POST', path, body, {}, true),
  /** A file the API serves behind authentication, saved under a name the user recognises. */
  async download(path: string, fileName: string): Promise<void> {
    const token = tokenStore.get();
    const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) throw apiError(res.status, await res.text());
    saveBlob(await res.blob(), fileName);
  },
};

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
