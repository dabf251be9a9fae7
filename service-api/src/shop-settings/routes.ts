import { shopSettingsBody } from '@carcar/common/contract/repair-orders';
import type { Db } from '@carcar/common/db/database';
import { contextOf } from '@carcar/common/http/routes';
import { parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { shopSettingsUseCases } from './use-cases.js';

/** `GET, PUT /api/shop-settings/`: `{"labor_rate", "tax_rate"}`. */
export function shopSettingsRouter(db: Db): ExpressRouter {
  const settings = shopSettingsUseCases(db);
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await settings.get());
  });
  router.put('/', async (req, res) => {
    res.json(await settings.update(parseInput(shopSettingsBody, req.body), contextOf(res)));
  });
  return router;
}
