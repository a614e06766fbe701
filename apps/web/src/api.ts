/**
 * The API client: `openapi-fetch` over the types generated from the API's own OpenAPI document
 * (api/schema.gen.ts, `npm run api:generate`), so every path, parameter and body here is the
 * server's, checked by the compiler. Failures become one error shape (the API's `ApiError`).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './api/schema.gen';

/** The server's body types, by name (NominationDetail, InboxTask, ApiError…). */
export type Schemas = components['schemas'];
/** An operation's query parameters, by operation id. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
export type ApiErrorBody = Pick<Schemas['ApiError'], 'code' | 'messageVi' | 'messageEn' | 'field' | 'fields'>;

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

/**
 * Device tokens outlive the session (localStorage, one per username): this browser signed in to
 * that account before, so its sign-ins are not slowed when someone elsewhere guesses the password.
 */
const deviceKey = (username: string) => `vinhdanh.device.${username.trim().toLowerCase()}`;
export const deviceTokenStore = {
  get: (username: string): string | undefined => localStorage.getItem(deviceKey(username)) ?? undefined,
  set: (username: string, token: string) => localStorage.setItem(deviceKey(username), token),
};

let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

/** Any answer that is not a success is thrown as an ApiError; a network failure too. */
const failures: Middleware = {
  async onResponse({ request, response }) {
    // A refused sign-in (a wrong password, a code asked for) is the sign-in page's to say, not an expired session.
    const signingIn = /\/auth\/(login|oidc\/exchange)$/.test(new URL(request.url).pathname);
    if (response.status === 401 && !signingIn) onUnauthorized();
    if (!response.ok) throw apiError(response.status, await response.clone().text());
    return undefined;
  },
  onError({ error }) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, { code: 'NETWORK', messageVi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', messageEn: 'Cannot reach the server. Check the connection and retry.' });
  },
};

const bearer: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

const base = { baseUrl: globalThis.location?.origin ?? '' };
/** Signed in: the session's token on every request. */
export const client = createClient<paths>(base);
client.use(bearer, failures);
/** Without the session's token: a secret ballot is cast with no account (ballots.ts), a public comment with none. */
export const anonymous = createClient<paths>(base);
anonymous.use(failures);

/** The body of a successful answer (failures were thrown by the middleware, so it is there). */
export async function data<T>(answer: Promise<{ data?: T }>): Promise<T> {
  return (await answer).data as T;
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

/** A file the API serves behind authentication (asked for with `parseAs: 'blob'`), saved under a name the user recognises. */
export async function download(answer: Promise<{ data?: Blob }>, fileName: string): Promise<void> {
  saveBlob((await answer).data as Blob, fileName);
}

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
