import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { dueForService } from './due-for-service.js';
import { dueListQuery } from './schemas.js';

/** `GET /api/service-due/`: the cars to call about, `{"cars": [DueCar]}` with `X-Total-Count`. */
export function dueRouter(db: Db, defaultMonths: number): ExpressRouter {
  const due = dueForService(db, defaultMonths);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'cars', await due.list(parseInput(dueListQuery, req.query)));
  });
  return router;
}
