import type { Db } from '@carcar/common/database';
import { pageQuery, sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import { customersRepository } from './repository.js';
import { customerBody } from './schemas.js';

export function customersRouter(db: Db): Router {
  const customers = customersRepository(db);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'customers', await customers.list(parseInput(pageQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await customers.create(parseInput(customerBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await customers.get(parseId(req.params.id)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await customers.delete(parseId(req.params.id)));
  });
  return router;
}
