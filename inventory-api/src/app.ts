import type { Db } from '@carcar/common/db/database';
import { ping } from '@carcar/common/db/database';
import { eventsRouter } from '@carcar/common/events/feed';
import { type AccessPolicy, createHttpApp, type HttpPolicy } from '@carcar/common/http/app';
import { auditRouter } from '@carcar/common/http/audit-routes';
import { openApiRouter } from '@carcar/common/http/openapi';
import type { Logger } from '@carcar/common/service/logger';
import type { Express } from 'express';
import { automobilesRouter } from './automobiles/routes.js';
import { auditLog, events } from './db/schema.js';
import type { FeedNotifier } from './feed/notifier.js';
import { feedRouter } from './feed/routes.js';
import { manufacturersRouter } from './manufacturers/routes.js';
import { modelsRouter } from './models/routes.js';
import { inventoryOpenApi } from './openapi.js';
import { inventoryReportsRouter } from './reports/routes.js';
import { vinsRouter } from './vins/routes.js';

export interface InventoryDeps {
  db: Db;
  logger: Logger;
  /** CORS and rate limits; the defaults suit the local browser app. */
  http?: HttpPolicy;
  /** Who may call which route: the credential check and this service's rows of the route table. */
  access: AccessPolicy;
  /** Wakes the feed's long polls after each write; closed at shutdown. */
  feedNotifier: FeedNotifier;
}

export function createApp({ db, logger, http, access, feedNotifier }: InventoryDeps): Express {
  return createHttpApp({
    logger,
    ...http,
    access,
    health: async () => {
      await ping(db);
      return {};
    },
    routes: (app) => {
      app.use('/api/manufacturers', manufacturersRouter(db, feedNotifier));
      app.use('/api/models', modelsRouter(db, feedNotifier));
      // Before the automobiles, so `changes` is not taken for a VIN.
      app.use('/api/automobiles/changes', feedRouter(db, feedNotifier));
      app.use('/api/automobiles', automobilesRouter(db, feedNotifier));
      app.use('/api/vins', vinsRouter());
      app.use('/api/reports', inventoryReportsRouter(db));
      app.use('/api/audit', auditRouter(db, auditLog));
      app.use('/api/events', eventsRouter(db, events, 'inventory'));
      app.use('/api', openApiRouter(inventoryOpenApi));
    },
  });
}
