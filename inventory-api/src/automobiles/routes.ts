import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import { parseInput, parseVinParam } from '@carcar/common/http/validation';
import type { Router } from 'express';
import { type ChangeNotifier, changesReader, waitForChanges } from './changes.js';
import { automobilesRepository } from './repository.js';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody, changesQuery } from './schemas.js';

export function automobilesRouter(db: Db, notifier: ChangeNotifier): Router {
  const automobiles = automobilesRepository(db, notifier);
  const readChanges = changesReader(db);
  return resourceRouter({
    listKey: 'autos',
    list: { query: automobileListQuery, run: automobiles.list },
    create: { body: automobileCreateBody, run: automobiles.create },
    key: parseVinParam,
    get: automobiles.get,
    update: { body: automobileUpdateBody, run: automobiles.update },
    delete: automobiles.delete,
    before: (router) => {
      router.get('/changes', async (req, res) => {
        const query = parseInput(changesQuery, req.query);
        // A client that hangs up stops its long poll; nothing is left waiting for it.
        const hangUp = new AbortController();
        res.on('close', () => hangUp.abort());
        const changes = await waitForChanges(readChanges, notifier, query, hangUp.signal);
        res.json({ changes, next: changes.at(-1)?.seq ?? query.after });
      });
    },
  });
}
