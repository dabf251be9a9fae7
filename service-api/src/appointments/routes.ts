import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import { parseId } from '@carcar/common/http/validation';
import type { Router } from 'express';
import { appointmentsRepository } from './repository.js';
import { appointmentCreateBody, appointmentListQuery } from './schemas.js';

export function appointmentsRouter(db: Db, timezone: string): Router {
  const appointments = appointmentsRepository(db, timezone);
  const router = resourceRouter({
    listKey: 'appointments',
    list: { query: appointmentListQuery, run: appointments.list },
    create: { body: appointmentCreateBody, run: appointments.create },
    get: appointments.get,
    delete: appointments.delete,
  });
  router.put('/:id/cancel', async (req, res) => {
    res.json(await appointments.cancel(parseId(req.params.id)));
  });
  router.put('/:id/finish', async (req, res) => {
    res.json(await appointments.finish(parseId(req.params.id)));
  });
  return router;
}
