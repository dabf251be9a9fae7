import type { Response } from 'express';
import { z } from 'zod';
import { CSV_CONTENT_TYPE, toCsv, wantsCsv } from './csv.js';

export const MAX_PAGE_SIZE = 500;

/** `?limit=&offset=`: without `limit` a list returns every row, as classic clients expect. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});

export type Page = z.output<typeof pageQuery>;

export interface Paged<T> {
  items: T[];
  total: number;
}

/** A list's page as its envelope (`{"autos": [...]}`), or as CSV for `Accept: text/csv`. */
export function sendList<T>(res: Response, key: string, page: Paged<T>): void {
  res.setHeader('X-Total-Count', String(page.total));
  // The same address answers JSON or CSV: caches must keep them apart.
  res.vary('Accept');
  if (wantsCsv(res.req)) {
    res.type(CSV_CONTENT_TYPE).send(toCsv(page.items));
    return;
  }
  res.json({ [key]: page.items });
}
