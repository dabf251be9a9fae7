import type { Db } from '@carcar/common/database';
import { pageQuery, sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import { techniciansRepository } from './repository.js';
import { technicianBody } from './schemas.js';

export function techniciansRouter(db: Db): Router {
  const technicians = techniciansRepository(db);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'technicians', await technicians.list(parseInput(pageQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await technicians.create(parseInput(technicianBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await technicians.get(parseId(req.params.id)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await technicians.delete(parseId(req.params.id)));
  });
  return router;
}
