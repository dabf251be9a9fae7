import { appointmentCancelBody, appointmentCreateBody } from '@carcar/common/contract/service';
import type { Db } from '@carcar/common/db/database';
import { contextOf, resourceRouter } from '@carcar/common/http/routes';
import { parseId, parseInput } from '@carcar/common/http/validation';
import type { Router } from 'express';
import { appointmentListQuery, cancelQuery } from './schemas.js';
import { appointmentUseCases } from './use-cases.js';

export function appointmentsRouter(db: Db, timezone: string): Router {
  const appointments = appointmentUseCases(db, timezone);
  const router = resourceRouter({
    listKey: 'appointments',
    list: { query: appointmentListQuery, run: appointments.list },
    // The "book an appointment" form posts here.
    create: { body: appointmentCreateBody, run: appointments.book },
    get: appointments.get,
    delete: appointments.delete,
  });
  // The reason comes as JSON `{"reason"}` or as `?reason=` (a client that sends no body).
  router.put('/:id/cancel', async (req, res) => {
    const id = parseId(req.params.id);
    const body = parseInput(appointmentCancelBody, req.body);
    const query = parseInput(cancelQuery, req.query);
    res.json(await appointments.cancel(id, contextOf(res), body.reason ?? query.reason));
  });
  router.put('/:id/finish', async (req, res) => {
    res.json(await appointments.finish(parseId(req.params.id), contextOf(res)));
  });
  return router;
}
