import type { Db } from '@carcar/common/db/database';
import { ping } from '@carcar/common/db/database';
import { createHttpApp, type HttpPolicy } from '@carcar/common/http/app';
import { openApiRouter } from '@carcar/common/http/openapi';
import type { Logger } from '@carcar/common/service/logger';
import type { Express } from 'express';
import type { ChangeNotifier } from './automobiles/changes.js';
import { automobilesRouter } from './automobiles/routes.js';
import { manufacturersRouter } from './manufacturers/routes.js';
import { modelsRouter } from './models/routes.js';
import { inventoryOpenApi } from './openapi.js';
import { vinsRouter } from './vins/routes.js';

export interface InventoryDeps {
  db: Db;
  logger: Logger;
  /** CORS and rate limits; the defaults suit the local browser app. */
  http?: HttpPolicy;
  notifier: ChangeNotifier;
}

export function createApp({ db, logger, http, notifier }: InventoryDeps): Express {
  return createHttpApp({
    logger,
    ...http,
    health: async () => {
      await ping(db);
      return {};
    },
    routes: (app) => {
      app.use('/api/manufacturers', manufacturersRouter(db, notifier));
      app.use('/api/models', modelsRouter(db, notifier));
      app.use('/api/automobiles', automobilesRouter(db, notifier));
      app.use('/api/vins', vinsRouter());
      app.use('/api', openApiRouter(inventoryOpenApi));
    },
  });
}
