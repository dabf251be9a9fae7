import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, Router } from 'express';

/** Vite names built assets by content hash: a changed file is a new name, so caching forever is safe. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/** A path that names a file (`/logo.svg`) rather than a page of the app (`/sales/new`). */
function looksLikeFile(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? '';
  return last.includes('.');
}

/**
 * The built browser app: files from `dist`, and index.html for any other GET so the app's own
 * router shows the page. index.html is never cached (it names the current assets); hashed assets
 * are cached for a year. Undefined when there is no build to serve.
 */
export function builtApp(dist: string): Router | undefined {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  const router = Router();
  router.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader(
          'Cache-Control',
          file.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || looksLikeFile(req.path)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.use(fallback);
  return router;
}
