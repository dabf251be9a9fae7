import { posix } from 'node:path';
import { inventoryRoutes, mountPath } from '@carcar/common/contract/routes';
import { eventsRouter } from '@carcar/common/events/feed';
import { auditRouter } from '@carcar/common/http/audit-routes';
import { openApiRouter } from '@carcar/common/http/openapi';
import { createServiceApp, type ServiceAppDeps } from '@carcar/common/http/service-app';
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

export interface InventoryDeps extends ServiceAppDeps {
  /** Wakes the feed's long polls after each write; closed at shutdown. */
  feedNotifier: FeedNotifier;
}

export function createApp({ db, logger, http, access, feedNotifier }: InventoryDeps): Express {
  return createServiceApp({
    db,
    logger,
    http,
    access,
    routes: (app) => {
      app.use(mountPath(inventoryRoutes.manufacturers), manufacturersRouter(db, feedNotifier));
      app.use(mountPath(inventoryRoutes.models), modelsRouter(db, feedNotifier));
      // Before the automobiles, so `changes` is not taken for a VIN.
      app.use(mountPath(inventoryRoutes.automobiles.changes), feedRouter(db, feedNotifier));
      app.use(mountPath(inventoryRoutes.automobiles), automobilesRouter(db, feedNotifier));
      // These routers route their one path's last segment (`/:vin`, `/inventory-aging`) themselves.
      app.use(posix.dirname(mountPath(inventoryRoutes.vins)), vinsRouter());
      app.use(posix.dirname(mountPath(inventoryRoutes.reports)), inventoryReportsRouter(db));
      app.use(mountPath(inventoryRoutes.audit), auditRouter(db, auditLog));
      app.use(mountPath(inventoryRoutes.events), eventsRouter(db, events, 'inventory'));
      app.use(mountPath(inventoryRoutes.docs), openApiRouter(inventoryOpenApi));
    },
  });
}
