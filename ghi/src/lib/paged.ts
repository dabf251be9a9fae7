import type { ApiClient } from './api-client';

/** One page of a list and how many rows the whole list has (the API's `X-Total-Count`). */
export interface PageOf<T> {
  items: T[];
  total: number;
}

/** Query parameters as the APIs take them; undefined and empty ones are left out of the URL. */
export type ListParams = Record<string, string | number | boolean | undefined>;

function clean(params: ListParams): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** GETs a page of a list answered as `{ [key]: T[] }` with `X-Total-Count`. */
export async function getPage<T>(api: ApiClient, url: string, key: string, params: ListParams): Promise<PageOf<T>> {
  const response = await api.get<Record<string, T[]>>(url, { params: clean(params) });
  const items = response.data[key] ?? [];
  const header = Number(response.headers['x-total-count']);
  return { items, total: Number.isFinite(header) ? header : items.length };
}

/** Only the row count of a filtered list: one row asked for, the header read. */
export async function countOf(api: ApiClient, url: string, params: ListParams): Promise<number> {
  const response = await api.get(url, { params: clean({ ...params, limit: 1, offset: 0 }) });
  return Number(response.headers['x-total-count'] ?? 0);
}
