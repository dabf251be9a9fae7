import { createHash } from 'node:crypto';
import { type Router as ExpressRouter, type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import type { RequestContext } from '../db/audit.js';
import type { Paged } from '../db/pagination.js';
import { spanIdOf, traceIdOf } from '../service/trace.js';
import { wantsCsv } from './csv.js';
import { acceptedEncoding, renderList, sendList, sendListAnswer } from './list.js';
import { freshRead, ListCache } from './list-cache.js';
import { actorOf, requestIdOf } from './request-context.js';
import { parseId, parseInput } from './validation.js';

export function contextOf(res: Response): RequestContext {
  return { actor: actorOf(res), requestId: requestIdOf(res), traceId: traceIdOf(res), spanId: spanIdOf(res) };
}

/**
 * The classic CarCar resource routes (`/`, `/:key`), each parsing its input with zod and calling
 * one use case. Features pass only what they support; extra routes go on the returned router.
 */
export interface ResourceRoutes<T, K, Q extends z.ZodType, C extends z.ZodType, U extends z.ZodType> {
  /** The list envelope's key: `{"autos": [...]}`. */
  listKey: string;
  list: { query: Q; run: (query: z.output<Q>, context: RequestContext) => Promise<Paged<T>> };
  create?: { body: C; run: (input: z.output<C>, context: RequestContext) => Promise<T> };
  get: (key: K, context: RequestContext) => Promise<T>;
  update?: { body: U; run: (key: K, input: z.output<U>, context: RequestContext) => Promise<T> };
  delete?: (key: K, context: RequestContext) => Promise<T>;
  /** Turns the path segment into a key; an integer id (404 otherwise) unless given. */
  key?: (raw: string) => K;
  /** Routes that must match before `/:key` (the changes feed, say). */
  before?: (router: ExpressRouter) => void;
  /**
   * A version of everything the list can show, read more cheaply than the list: a counter (decimal
   * digits) that the database moves in commit order, with every change a list could show. It
   * becomes the list's `ETag` (a client that already holds it gets 304 without the list being read),
   * and the answers are kept, as bytes, until it moves. A list with a version must not depend on
   * who asks.
   */
  listVersion?: () => Promise<string>;
  /**
   * What else a versioned list's answer depends on, for the caller (a role that sees more keys, the
   * day a computed field counts to): kept answers and ETags are per variant, so no caller is ever
   * served bytes built for another. None unless given.
   */
  listVariant?: (context: RequestContext) => string;
  /** Which queries' answers are worth keeping (every one unless given): not one-off searches, say. */
  keepList?: (query: z.output<Q>) => boolean;
  /** The budget of the kept answers, in bytes; `DEFAULT_LIST_CACHE_BYTES` unless given. */
  listCacheBytes?: number;
}

/** Enough for the whole automobile list at 100,000 cars, as JSON. */
export const DEFAULT_LIST_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Tells browsers to keep the list but ask every time (sending the ETag as If-None-Match) before
 * using it: a 304 then costs no body. Private: an answer for a signed-in person is not for shared caches.
 */
const REVALIDATE = 'private, no-cache';

/** The version, for this exact list (its query) in this form (JSON or CSV). */
function listETag(version: string, req: Request, callerVariant: string): string {
  const variant = createHash('sha1')
    .update(`${req.originalUrl}\0${wantsCsv(req) ? 'csv' : 'json'}\0${callerVariant}`)
    .digest('base64url');
  return `W/"${version}-${variant.slice(0, 12)}"`;
}

export function resourceRouter<
  T,
  K = number,
  Q extends z.ZodType = z.ZodType,
  C extends z.ZodType = z.ZodType,
  U extends z.ZodType = z.ZodType,
>(spec: ResourceRoutes<T, K, Q, C, U>): ExpressRouter {
  const key = spec.key ?? (parseId as unknown as (raw: string) => K);
  const router = Router();
  const { listVersion } = spec;
  if (listVersion) {
    // Shared by requests that arrive together, but always read after the request came in.
    const version = freshRead(listVersion);
    const cache = new ListCache(spec.listCacheBytes ?? DEFAULT_LIST_CACHE_BYTES);
    router.get('/', async (req, res) => {
      const query = parseInput(spec.list.query, req.query);
      // Read before the rows are: an answer is never older than the version it is kept under.
      const current = await version();
      const csv = wantsCsv(req);
      const callerVariant = spec.listVariant?.(contextOf(res)) ?? '';
      res.setHeader('ETag', listETag(current, req, callerVariant));
      res.setHeader('Cache-Control', REVALIDATE);
      res.vary('Accept');
      // Express compares If-None-Match with the ETag just set.
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      const build = async () => renderList(spec.listKey, await spec.list.run(query, contextOf(res)), csv);
      const keep = spec.keepList?.(query) ?? true;
      // The parsed query, so `?sold=false` and `?sold=0` are one answer; the form, so CSV is never JSON.
      const cacheKey = `${csv ? 'csv' : 'json'}\0${callerVariant}\0${JSON.stringify(query)}`;
      if (!keep) {
        sendListAnswer(res, await build());
        return;
      }
      const answer = await cache.answer(current, cacheKey, build);
      // Compressed once per answer, not once per request, for the clients that ask (browsers, fetch).
      const encoding = acceptedEncoding(req);
      const encoded = encoding && (await cache.encoded(cacheKey, answer, encoding));
      sendListAnswer(res, answer, encoding && encoded ? { encoding, body: encoded } : undefined);
    });
  } else {
    router.get('/', async (req, res) => {
      sendList(res, spec.listKey, await spec.list.run(parseInput(spec.list.query, req.query), contextOf(res)));
    });
  }
  const { create, update, delete: remove } = spec;
  if (create) {
    router.post('/', async (req, res) => {
      res.status(201).json(await create.run(parseInput(create.body, req.body), contextOf(res)));
    });
  }
  spec.before?.(router);
  router.get('/:key', async (req, res) => {
    res.json(await spec.get(key(req.params.key), contextOf(res)));
  });
  if (update) {
    router.put('/:key', async (req, res) => {
      const k = key(req.params.key);
      res.json(await update.run(k, parseInput(update.body, req.body), contextOf(res)));
    });
  }
  if (remove) {
    router.delete('/:key', async (req, res) => {
      res.json(await remove(key(req.params.key), contextOf(res)));
    });
  }
  return router;
}
