import type { Db } from '@carcar/common/database';
import { pageQuery, sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import { salespeopleRepository } from './repository.js';
import { salespersonBody } from './schemas.js';

export function salespeopleRouter(db: Db): Router {
  const salespeople = salespeopleRepository(db);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'salespeople', await salespeople.list(parseInput(pageQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await salespeople.create(parseInput(salespersonBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await salespeople.get(parseId(req.params.id)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await salespeople.delete(parseId(req.params.id)));
  });
  return router;
}
