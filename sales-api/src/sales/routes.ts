import type { Db } from '@carcar/common/database';
import { sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import { salesRepository } from './repository.js';
import { saleCreateBody, saleListQuery } from './schemas.js';

export function salesRouter(db: Db, onCommitted: () => void): Router {
  const sales = salesRepository(db, onCommitted);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'sales', await sales.list(parseInput(saleListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await sales.create(parseInput(saleCreateBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await sales.get(parseId(req.params.id)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await sales.void(parseId(req.params.id)));
  });
  return router;
}
