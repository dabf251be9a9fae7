import axios, { type AxiosInstance } from 'axios';
import { env } from '../config/env';

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
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function client(baseURL: string, serviceName: string): AxiosInstance {
  const instance = axios.create({ baseURL, timeout: 15_000, headers: { 'Content-Type': 'application/json' } });
  instance.interceptors.response.use(undefined, (error: unknown) => {
    if (axios.isAxiosError(error)) {
      const body = error.response?.data as { message?: unknown; errors?: unknown } | undefined;
      if (!error.response) {
        throw new ApiError(
          `The ${serviceName} service is not reachable. Check that it is running, then try again.`,
          null,
        );
      }
      const message =
        typeof body?.message === 'string'
          ? body.message
          : `The ${serviceName} service answered ${error.response.status}.`;
      const fieldErrors = Array.isArray(body?.errors) ? (body.errors as FieldError[]) : [];
      throw new ApiError(message, error.response.status, fieldErrors);
    }
    throw error;
  });
  return instance;
}

export const inventoryApi = client(env.VITE_INVENTORY_API_URL, 'inventory');
export const serviceApi = client(env.VITE_SERVICE_API_URL, 'service');
export const salesApi = client(env.VITE_SALES_API_URL, 'sales');

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
