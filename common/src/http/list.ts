import type { Request, Response } from 'express';
import type { Paged } from '../db/pagination.js';
import { CSV_CONTENT_TYPE, toCsv, wantsCsv } from './csv.js';
import type { ListAnswer, ListEncoding } from './list-cache.js';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A list's page as its envelope (`{"autos": [...]}`), or as CSV for `Accept: text/csv`. */
export function sendList<T>(res: Response, key: string, page: Paged<T>): void {
  sendListAnswer(res, renderList(key, page, wantsCsv(res.req)));
}

/** The bytes `sendList` sends: what a list cache keeps. The JSON is `res.json`'s, byte for byte. */
export function renderList<T>(key: string, page: Paged<T>, csv: boolean): ListAnswer {
  return csv
    ? { contentType: CSV_CONTENT_TYPE, body: Buffer.from(toCsv(page.items)), total: page.total }
    : { contentType: JSON_CONTENT_TYPE, body: Buffer.from(JSON.stringify({ [key]: page.items })), total: page.total };
}

/**
 * Sends a list answer; `encoded` is its body already compressed (a kept answer's copy), which the
 * compression middleware then leaves alone.
 */
export function sendListAnswer(
  res: Response,
  answer: ListAnswer,
  encoded?: { encoding: ListEncoding; body: Buffer },
): void {
  res.setHeader('X-Total-Count', String(answer.total));
  // The same address answers JSON or CSV: caches must keep them apart.
  res.vary('Accept');
  res.setHeader('Content-Type', answer.contentType);
  if (encoded) {
    res.vary('Accept-Encoding');
    res.setHeader('Content-Encoding', encoded.encoding);
    res.send(encoded.body);
    return;
  }
  res.send(answer.body);
}

/** The compression the client prefers of those a kept answer comes in; none without Accept-Encoding. */
export function acceptedEncoding(req: Request): ListEncoding | undefined {
  if (!req.headers['accept-encoding']) return undefined;
  const chosen = req.acceptsEncodings('br', 'gzip', 'identity');
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}
