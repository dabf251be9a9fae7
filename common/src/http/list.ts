import type { Response } from 'express';
import { z } from 'zod';

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

export function sendList<T>(res: Response, key: string, page: Paged<T>): void {
  res.setHeader('X-Total-Count', String(page.total));
  res.json({ [key]: page.items });
}
