import axios, { type AxiosInstance } from 'axios';
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

function client(
  baseURL: string,
  serviceName: string,
  options: { quiet401?: (url: string) => boolean } = {},
): AxiosInstance {
  const instance = axios.create({ baseURL, timeout: 15_000, headers: { 'Content-Type': 'application/json' } });
  // Every write says it comes from the app itself: a page on another site cannot add this header.
  for (const method of ['post', 'put', 'patch', 'delete'] as const) {
    instance.defaults.headers[method][CSRF_HEADER] = '1';
  }
  instance.interceptors.response.use(undefined, (error: unknown) => {
    if (axios.isAxiosError(error)) {
      const body = error.response?.data as { message?: unknown; errors?: unknown; code?: unknown } | undefined;
      if (!error.response) {
        throw new ApiError(
          `The ${serviceName} service is not reachable. Check that it is running, then try again.`,
          null,
        );
      }
      const status = error.response.status;
      const code = typeof body?.code === 'string' ? body.code : null;
      if (status === 401 && !options.quiet401?.(error.config?.url ?? '')) {
        for (const listener of unauthenticatedListeners) listener();
      }
      const message =
        typeof body?.message === 'string'
          ? body.message
          : status === 401
            ? SESSION_ENDED
            : `The ${serviceName} service answered ${status}.`;
      const fieldErrors = Array.isArray(body?.errors) ? (body.errors as FieldError[]) : [];
      // The API's sentences are English; a known one reaches every page in the reader's language.
      throw new ApiError(
        contractMessage(message),
        status,
        fieldErrors.map((field) => ({ ...field, message: contractMessage(field.message) })),
        code,
      );
    }
    throw error;
  });
  return instance;
}

export const inventoryApi = client(env.VITE_INVENTORY_API_URL, 'inventory');
export const serviceApi = client(env.VITE_SERVICE_API_URL, 'service');
export const salesApi = client(env.VITE_SALES_API_URL, 'sales');
// A 401 from signing in is a wrong password, and from /me simply "signed out": neither ends a session.
export const authApi = client(env.VITE_AUTH_API_URL, 'sign-in', {
  quiet401: (url) => url === '/login' || url === '/me',
});

/** No record has this id: not a positive whole number at all, or the API answered 404. */
export function isMissingRecord(id: number, error: unknown): boolean {
  return !(Number.isInteger(id) && id > 0) || (error instanceof ApiError && error.status === 404);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
