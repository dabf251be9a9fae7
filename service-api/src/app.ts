import { type Db, ping } from '@carcar/common/db/database';
import { staffRoutes } from '@carcar/common/db/table-repository';
import { eventsRouter } from '@carcar/common/events/feed';
import { type AccessPolicy, createHttpApp, type HttpPolicy } from '@carcar/common/http/app';
import { auditRouter } from '@carcar/common/http/audit-routes';
import { openApiRouter } from '@carcar/common/http/openapi';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Logger } from '@carcar/common/service/logger';
import type { SyncStatus } from '@carcar/common/sync/poller';
import type { Express } from 'express';
import { appointmentsRouter } from './appointments/routes.js';
import { auditLog, events } from './db/schema.js';
import { dueRouter } from './due/routes.js';
import { serviceOpenApi } from './openapi.js';
import { partsRouter } from './parts/routes.js';
import { serviceReportsRouter } from './reports/routes.js';
import { techniciansRepository } from './technicians/repository.js';

export interface ServiceDeps {
  db: Db;
  logger: Logger;
  /** CORS and rate limits; the defaults suit the local browser app. */
  http?: HttpPolicy;
  /** Who may call which route: the credential check and this service's rows of the route table. */
  access: AccessPolicy;
  /** The dealership's IANA time zone, for `?date=`. */
  timezone: string;
  /** Due for service: months since the last finished service (`SERVICE_DUE_MONTHS`); 6 unless given. */
  serviceDueMonths?: number;
  /** The poller's state for `/healthz`; absent where no poller runs (most tests). */
  syncStatus?: () => SyncStatus;
}

export function createApp({
  db,
  logger,
  http,
  access,
  timezone,
  serviceDueMonths = 6,
  syncStatus,
}: ServiceDeps): Express {
  return createHttpApp({
    logger,
    ...http,
    access,
    health: async () => {
      await ping(db);
      return syncStatus ? { sync: syncStatus() } : {};
    },
    routes: (app) => {
      app.use('/api/technicians', resourceRouter(staffRoutes('technicians', techniciansRepository(db))));
      app.use('/api/appointments', appointmentsRouter(db, timezone));
      app.use('/api/service-due', dueRouter(db, serviceDueMonths));
      app.use('/api/reports', serviceReportsRouter(db, timezone));
      app.use('/api/parts', partsRouter(db));
      app.use('/api/audit', auditRouter(db, auditLog));
      app.use('/api/events', eventsRouter(db, events, 'service'));
      app.use('/api', openApiRouter(serviceOpenApi));
    },
  });
}
