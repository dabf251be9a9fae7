import type { Request } from 'express';

/**
 * The app's pages share their first path segment with the API prefixes (`/inventory/automobiles`
 * is a page, `/inventory/api/automobiles/` the API). A browser loading a page asks for HTML and
 * never under `/api/`; everything else under a prefix is the API.
 */
export function isPageRequest(req: Request, prefixes: readonly string[]): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const prefix = prefixes.find((candidate) => req.path === candidate || req.path.startsWith(`${candidate}/`));
  if (!prefix) return false;
  if (/^\/api(\/|$)/.test(req.path.slice(prefix.length))) return false;
  return req.get('sec-fetch-mode') === 'navigate' || (req.get('accept') ?? '').includes('text/html');
}
