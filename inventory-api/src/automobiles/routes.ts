import type { Db } from '@carcar/common/database';
import { sendList } from '@carcar/common/pagination';
import { parseInput } from '@carcar/common/validation';
import { normalizeVin } from '@carcar/common/vin';
import { Router } from 'express';
import { type ChangeNotifier, waitForChanges } from './changes.js';
import { automobilesRepository } from './repository.js';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody, changesQuery } from './schemas.js';

export function automobilesRouter(db: Db, notifier: ChangeNotifier): Router {
  const automobiles = automobilesRepository(db, notifier);
  const router = Router();

  router.get('/', async (req, res) => {
    sendList(res, 'autos', await automobiles.list(parseInput(automobileListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await automobiles.create(parseInput(automobileCreateBody, req.body)));
  });

  router.get('/changes', async (req, res) => {
    const query = parseInput(changesQuery, req.query);
    // A client that hangs up stops its long poll; nothing is left waiting for it.
    const hangUp = new AbortController();
    res.on('close', () => hangUp.abort());
    const changes = await waitForChanges(db, notifier, query, hangUp.signal);
    res.json({ changes, next: changes.at(-1)?.seq ?? query.after });
  });

  router.get('/:vin', async (req, res) => {
    res.json(await automobiles.get(normalizeVin(req.params.vin)));
  });
  router.put('/:vin', async (req, res) => {
    const vin = normalizeVin(req.params.vin);
    res.json(await automobiles.update(vin, parseInput(automobileUpdateBody, req.body)));
  });
  router.delete('/:vin', async (req, res) => {
    res.json(await automobiles.delete(normalizeVin(req.params.vin)));
  });
  return router;
}
