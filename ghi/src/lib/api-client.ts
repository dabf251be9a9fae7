import { env } from '../config/env';
import { contractMessage } from './contract-messages';

export interface FieldError {
  path: string;
  message: string;
}

/** What went wrong with a request, in words a member of staff can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly fieldErrors: FieldError[] = [],
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The header the gateway requires on every write sent with the session cookie (its CSRF check). */
export const CSRF_HEADER = 'X-CarCar-CSRF';

const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/**
 * Called whenever an API answers 401 (the session expired, was ended elsewhere, or the account was
 * disabled). The auth provider listens and sends the person to the sign-in page, keeping their place.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

// Why our own client on `fetch` rather than axios or ky: the app uses a small part of axios (56 kB
// minified of the first page's script), and ky's surface (`ky.get(url).json()`, a `prefixUrl` that
// refuses the leading slash every call site writes) would still need this axios-shaped layer over
// it. What follows is that layer alone: `api.get<T>(url, { params })` and `.data`,
// `.headers['x-total-count']`, `.status`, `validateStatus`, `responseType` and `signal`. The features'
// calls go through `callRoute` (./route-call.ts), which takes the route's row and so its answer's type.

/**
 * Query parameters: strings, numbers, booleans (and dates); undefined and null are left out. `object`
 * because the pages pass their own filter interfaces, which an index-signature type would refuse.
 */
export type QueryParams = object;

export interface RequestConfig {
  params?: QueryParams;
  headers?: Record<string, string>;
  /** Milliseconds before the request is given up as unanswered; 0 waits for ever. */
  timeout?: number;
  signal?: AbortSignal;
  /** How the body is read: JSON when it parses (the default, as axios), or the raw text, a Blob or bytes. */
  responseType?: 'json' | 'text' | 'blob' | 'arraybuffer';
  /** Which statuses are answers rather than errors; 2xx unless told (a page may read a 409 itself). */
  validateStatus?: (status: number) => boolean;
  /** The body of a DELETE (the others take it as their second argument). */
  data?: unknown;
}

/**
 * An answer's headers by lower-case name (`headers['x-total-count']`), and `get(name)` as on fetch's
 * own Headers; the two ways axios offered.
 */
export class ResponseHeaders {
  readonly [name: string]: string | undefined | ((name: string) => string | null);

  constructor(headers: Headers) {
    const byName: Record<string, string> = {};
    headers.forEach((value, name) => {
      byName[name.toLowerCase()] = value;
    });
    Object.assign(this, byName);
  }

  get(name: string): string | null {
    const value = this[name.toLowerCase()];
    return typeof value === 'string' ? value : null;
  }
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  statusText: string;
  headers: ResponseHeaders;
}

/** One service's API: what the pages call, shaped as the axios instance it replaced. */
export interface ApiClient {
  readonly defaults: { readonly baseURL: string };
  get<T = unknown>(url: string, config?: RequestConfig): Promise<ApiResponse<T>>;
  delete<T = unknown>(url: string, config?: RequestConfig): Promise<ApiResponse<T>>;
  post<T = unknown>(url: string, body?: unknown, config?: RequestConfig): Promise<ApiResponse<T>>;
  put<T = unknown>(url: string, body?: unknown, config?: RequestConfig): Promise<ApiResponse<T>>;
  patch<T = unknown>(url: string, body?: unknown, config?: RequestConfig): Promise<ApiResponse<T>>;
}

/** axios's encoding of a query value: encodeURIComponent, but `:`, `$`, `,`, `[`, `]` kept and spaces as `+`. */
function encodeQuery(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+')
    .replace(/%5B/gi, '[')
    .replace(/%5D/gi, ']');
}

/** The query string as axios built it: null and undefined dropped, an array as `key[]=a&key[]=b`. */
export function queryString(params: QueryParams | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === null || value === undefined) continue;
    const name = Array.isArray(value) ? `${key}[]` : key;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === null || item === undefined) continue;
      const text =
        item instanceof Date ? item.toISOString() : typeof item === 'object' ? JSON.stringify(item) : String(item);
      parts.push(`${encodeQuery(name)}=${encodeQuery(text)}`);
    }
  }
  return parts.join('&');
}

function fullUrl(baseURL: string, url: string, params: QueryParams | undefined): string {
  const absolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url);
  let address = absolute || !baseURL ? url : `${baseURL.replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}`;
  const query = queryString(params);
  if (query) {
    const hash = address.indexOf('#');
    if (hash >= 0) address = address.slice(0, hash);
    address += (address.includes('?') ? '&' : '?') + query;
  }
  return address;
}

/** A body fetch sends as it is (with its own type, or the caller's): everything else goes as JSON. */
function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

async function readBody(response: Response, responseType: RequestConfig['responseType']): Promise<unknown> {
  if (responseType === 'blob') return response.blob();
  if (responseType === 'arraybuffer') return response.arrayBuffer();
  const text = await response.text();
  if (responseType === 'text' || text === '') return text;
  // As axios did: a body that is not JSON (a proxy's page) is kept as its text.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A client for one service's API at `baseURL`, named `serviceName` in its "not reachable" sentence. */
export function createApiClient(
  baseURL: string,
  serviceName: string,
  options: { quiet401?: (url: string) => boolean } = {},
): ApiClient {
  const unreachable = () =>
    new ApiError(`The ${serviceName} service is not reachable. Check that it is running, then try again.`, null);

  function failure(url: string, status: number, data: unknown): ApiError {
    const body = (typeof data === 'object' && data !== null ? data : {}) as {
      message?: unknown;
      errors?: unknown;
      code?: unknown;
    };
    const code = typeof body.code === 'string' ? body.code : null;
    if (status === 401 && !options.quiet401?.(url)) {
      for (const listener of unauthenticatedListeners) listener();
    }
    const message =
      typeof body.message === 'string'
        ? body.message
        : status === 401
          ? SESSION_ENDED
          : `The ${serviceName} service answered ${status}.`;
    const fieldErrors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    // The API's sentences are English; a known one reaches every page in the reader's language.
    return new ApiError(
      contractMessage(message),
      status,
      fieldErrors.map((field) => ({ ...field, message: contractMessage(field.message) })),
      code,
    );
  }

  async function request<T>(method: string, url: string, body: unknown, config: RequestConfig = {}) {
    const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*' };
    let payload: BodyInit | undefined;
    if (body !== undefined && body !== null) {
      // FormData (and Blob) leave the type to the browser, which adds the multipart boundary.
      if (!(body instanceof FormData || body instanceof Blob)) headers['Content-Type'] = 'application/json';
      payload = isRawBody(body) ? body : JSON.stringify(body);
    }
    // Every write says it comes from the app itself: a page on another site cannot add this header.
    if (method !== 'GET') headers[CSRF_HEADER] = '1';
    Object.assign(headers, config.headers);

    const controller = new AbortController();
    const abort = () => controller.abort();
    const timeout = config.timeout ?? 15_000;
    const timer = timeout > 0 ? setTimeout(abort, timeout) : undefined;
    if (config.signal?.aborted) abort();
    config.signal?.addEventListener('abort', abort);
    let response: Response;
    let data: unknown;
    try {
      response = await fetch(fullUrl(baseURL, url, config.params), {
        method,
        headers,
        body: payload,
        signal: controller.signal,
      });
      data = await readBody(response, config.responseType);
    } catch {
      // No answer at all: refused, dropped, timed out or called off (as axios, all "not reachable").
      throw unreachable();
    } finally {
      clearTimeout(timer);
      config.signal?.removeEventListener('abort', abort);
    }
    const ok = config.validateStatus ?? ((status: number) => status >= 200 && status < 300);
    if (!ok(response.status)) throw failure(url, response.status, data);
    return {
      data: data as T,
      status: response.status,
      statusText: response.statusText,
      headers: new ResponseHeaders(response.headers),
    };
  }

  return {
    defaults: { baseURL },
    get: (url, config) => request('GET', url, undefined, config),
    delete: (url, config) => request('DELETE', url, config?.data, config),
    post: (url, body, config) => request('POST', url, body, config),
    put: (url, body, config) => request('PUT', url, body, config),
    patch: (url, body, config) => request('PATCH', url, body, config),
  };
}

export const inventoryApi = createApiClient(env.VITE_INVENTORY_API_URL, 'inventory');
export const serviceApi = createApiClient(env.VITE_SERVICE_API_URL, 'service');
export const salesApi = createApiClient(env.VITE_SALES_API_URL, 'sales');
// A 401 from signing in is a wrong password, and from /me simply "signed out": neither ends a session.
export const authApi = createApiClient(env.VITE_AUTH_API_URL, 'sign-in', {
  quiet401: (url) => url === '/login' || url === '/me',
});

/** No record has this id: not a positive whole number at all, or the API answered 404. */
export function isMissingRecord(id: number, error: unknown): boolean {
  return !(Number.isInteger(id) && id > 0) || (error instanceof ApiError && error.status === 404);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
