import { type Db, ping } from '@carcar/common/db/database';
import { createHttpApp, type HttpPolicy } from '@carcar/common/http/app';
import { openApiRouter } from '@carcar/common/http/openapi';
import type { Logger } from '@carcar/common/service/logger';
import type { SyncStatus } from '@carcar/common/sync/poller';
import { count } from 'drizzle-orm';
import type { Express } from 'express';
import { automobilesRouter } from './automobiles/routes.js';
import { customersRouter } from './customers/routes.js';
import { outbox } from './db/schema.js';
import { salesOpenApi } from './openapi.js';
import type { DispatcherStatus } from './outbox/dispatcher.js';
import { salesRouter } from './sales/routes.js';
import { salespeopleRouter } from './salespeople/routes.js';

export interface SalesDeps {
  db: Db;
  logger: Logger;
  /** CORS and rate limits; the defaults suit the local browser app. */
  http?: HttpPolicy;
  /** Called after a sale or a void committed its outbox row: wakes the dispatcher. */
  onOutboxWrite?: () => void;
  syncStatus?: () => SyncStatus;
  dispatcherStatus?: () => DispatcherStatus;
}

export function createApp({ db, logger, http, onOutboxWrite, syncStatus, dispatcherStatus }: SalesDeps): Express {
  return createHttpApp({
    logger,
    ...http,
    health: async () => {
      await ping(db);
      const [pending] = await db.select({ n: count() }).from(outbox);
      return {
        ...(syncStatus ? { sync: syncStatus() } : {}),
        outbox: { pending: pending?.n ?? 0, ...(dispatcherStatus ? dispatcherStatus() : {}) },
      };
    },
    routes: (app) => {
      app.use('/api/salespeople', salespeopleRouter(db));
      app.use('/api/customers', customersRouter(db));
      app.use('/api/sales', salesRouter(db, onOutboxWrite ?? (() => undefined)));
      app.use('/api/automobiles', automobilesRouter(db));
      app.use('/api', openApiRouter(salesOpenApi));
    },
  });
}
