import type { FeedPage } from '@carcar/common/contract/feed';
import type { Db } from '@carcar/common/db/database';
import { contextOf } from '@carcar/common/http/routes';
import { parseInput } from '@carcar/common/http/validation';
import { Router } from 'express';
import { z } from 'zod';
import { feedViewerOf, presentAutomobile } from '../json/present.js';
import type { FeedNotifier } from './notifier.js';
import { changesReader, waitForChanges } from './read-changes.js';

export const changesQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  wait: z.coerce.number().min(0).max(30).default(0),
});

/** `GET /api/automobiles/changes/`: the feed the services poll to keep their copies of the cars. */
export function feedRouter(db: Db, feedNotifier: FeedNotifier): Router {
  const readChanges = changesReader(db);
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseInput(changesQuery, req.query);
    // A client that hangs up stops its long poll; nothing is left waiting for it.
    const hangUp = new AbortController();
    res.on('close', () => hangUp.abort());
    const entries = await waitForChanges(readChanges, feedNotifier, query, hangUp.signal);
    // Each entry as its reader may see it: `cost` only for sales (its managers' front gross).
    const viewer = feedViewerOf(contextOf(res).actor);
    const changes = entries.map((entry) => presentAutomobile(entry, viewer));
    const page: FeedPage = { changes, next: changes.at(-1)?.seq ?? query.after };
    res.json(page);
  });
  return router;
}
