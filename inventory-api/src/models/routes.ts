import type { Db } from '@carcar/common/database';
import { pageQuery, sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import type { ChangeNotifier } from '../automobiles/changes.js';
import { modelsRepository } from './repository.js';
import { modelCreateBody, modelUpdateBody } from './schemas.js';

export function modelsRouter(db: Db, notifier: ChangeNotifier): Router {
  const models = modelsRepository(db, notifier);
  const router = Router();

  router.get('/', async (req, res) => {
    sendList(res, 'models', await models.list(parseInput(pageQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await models.create(parseInput(modelCreateBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await models.get(parseId(req.params.id)));
  });
  router.put('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await models.update(id, parseInput(modelUpdateBody, req.body)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await models.delete(parseId(req.params.id)));
  });
  return router;
}
