import type { Db } from '@carcar/common/database';
import { sendList } from '@carcar/common/pagination';
import { parseId, parseInput } from '@carcar/common/validation';
import { Router } from 'express';
import { appointmentsRepository } from './repository.js';
import { appointmentCreateBody, appointmentListQuery } from './schemas.js';

export function appointmentsRouter(db: Db, timezone: string): Router {
  const appointments = appointmentsRepository(db, timezone);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'appointments', await appointments.list(parseInput(appointmentListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await appointments.create(parseInput(appointmentCreateBody, req.body)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await appointments.get(parseId(req.params.id)));
  });
  router.delete('/:id', async (req, res) => {
    res.json(await appointments.delete(parseId(req.params.id)));
  });
  router.put('/:id/cancel', async (req, res) => {
    res.json(await appointments.cancel(parseId(req.params.id)));
  });
  router.put('/:id/finish', async (req, res) => {
    res.json(await appointments.finish(parseId(req.params.id)));
  });
  return router;
}
