import type { Db } from '@carcar/common/database';
import { pageQuery, sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import type { ChangeNotifier } from '../automobiles/changes.js';
import { manufacturersRepository } from './repository.js';
import { manufacturerBody } from './schemas.js';

export function manufacturersRouter(db: Db, notifier: ChangeNotifier): Router {
  const manufacturers = manufacturersRepository(db, notifier);
  const router = Router();

  router.get('/', async (req, res) => {
    sendList(res, 'manufacturers', await manufacturers.list(parseInput(pageQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await manufacturers.create(parseInput(manufacturerBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await manufacturers.get(parseId(req.params.id)));
  });
  router.put('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await manufacturers.update(id, parseInput(manufacturerBody, req.body)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await manufacturers.delete(parseId(req.params.id)));
  });
  return router;
}
