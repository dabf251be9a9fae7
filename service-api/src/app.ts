import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountPath, serviceApiRoutes } from '@carcar/common/contract/routes';
import { eventsRouter } from '@carcar/common/events/feed';
import { auditRouter } from '@carcar/common/http/audit-routes';
import { openApiRouter } from '@carcar/common/http/openapi';
import { resourceRouter } from '@carcar/common/http/routes';
import { createServiceApp, type ServiceAppDeps } from '@carcar/common/http/service-app';
import { staffRoutes } from '@carcar/common/http/table-routes';
import type { SyncStatus } from '@carcar/common/sync/poller';
import type { Express } from 'express';
import { appointmentsRouter } from './appointments/routes.js';
import { auditLog, events } from './db/schema.js';
import { dueRouter } from './due/routes.js';
import { emailsRouter, unsubscribeRouter } from './emails/routes.js';
import { inspectionsRouter, inspectionTemplateRouter } from './inspections/routes.js';
import { serviceOpenApi } from './openapi.js';
import { partsRouter } from './parts/routes.js';
import { partStockHooks } from './parts/stock.js';
import { photosRouter, publicPhotosRouter } from './photos/routes.js';
import { photoStore } from './photos/store.js';
import { publicEstimatesRouter, repairOrdersRouter } from './repair-orders/routes.js';
import type { StockHooks } from './repair-orders/stock-hooks.js';
import { repairOrderUseCases } from './repair-orders/use-cases.js';
import { serviceReportsRouter } from './reports/routes.js';
import { shopSettingsRouter } from './shop-settings/routes.js';
import { techniciansRepository } from './technicians/repository.js';

export interface ServiceDeps extends ServiceAppDeps {
  /** The dealership's IANA time zone, for `?date=`. */
  timezone: string;
  /** Due for service: months since the last finished service (`SERVICE_DUE_MONTHS`); 6 unless given. */
  serviceDueMonths?: number;
  /** The poller's state for `/healthz`; absent where no poller runs (most tests). */
  syncStatus?: () => SyncStatus;
  /** The gateway's address as customers reach it (`CARCAR_PUBLIC_URL`), for approval links. */
  publicUrl?: string;
  /**
   * The stock take when part lines are approved or an order voided (repair-orders/stock-hooks.ts);
   * the parts counter's (parts/stock.ts) unless given.
   */
  stock?: StockHooks;
  /**
   * Where inspection photos are kept (`PHOTOS_DIR`, by default `<DATA_DIR>/photos`: main.ts); a
   * folder of this process under the system's temporary folder unless given (tests).
   */
  photosDir?: string;
}

export function createApp({
  db,
  logger,
  http,
  access,
  timezone,
  serviceDueMonths = 6,
  syncStatus,
  publicUrl = 'http://localhost:3000',
  stock = partStockHooks(),
  photosDir = path.join(tmpdir(), `carcar-photos-${process.pid}`),
}: ServiceDeps): Express {
  const repairOrders = { publicUrl, stock };
  // The inspection makes proposed lines through the repair orders' own rules (a feature folder does not import another).
  const orderLines = repairOrderUseCases(db, repairOrders);
  // A deleted finding takes its photos' files with it; the inspection reaches them the same way.
  const photoFiles = photoStore(photosDir);
  return createServiceApp({
    db,
    logger,
    http,
    access,
    health: () => (syncStatus ? { sync: syncStatus() } : {}),
    routes: (app) => {
      app.use(
        mountPath(serviceApiRoutes.technicians),
        resourceRouter(staffRoutes('technicians', techniciansRepository(db))),
      );
      app.use(mountPath(serviceApiRoutes.appointments), appointmentsRouter(db, timezone));
      app.use(mountPath(serviceApiRoutes.serviceDue), dueRouter(db, serviceDueMonths));
      app.use(mountPath(serviceApiRoutes.reports), serviceReportsRouter(db, timezone));
      app.use(mountPath(serviceApiRoutes.parts), partsRouter(db));
      app.use(mountPath(serviceApiRoutes.shopSettings), shopSettingsRouter(db));
      app.use(mountPath(serviceApiRoutes.repairOrders), repairOrdersRouter(db, repairOrders));
      // A repair order's inspection and its photos, below the order (`/:id/inspection/...`).
      app.use(mountPath(serviceApiRoutes.repairOrders), inspectionsRouter(db, orderLines, photoFiles));
      app.use(mountPath(serviceApiRoutes.repairOrders), photosRouter(db, photosDir));
      app.use(mountPath(serviceApiRoutes.inspectionTemplate), inspectionTemplateRouter(db, orderLines, photoFiles));
      // The routers of a token's routes route the token (`/:token`, `/:token/photos/:photo`) themselves.
      app.use(path.posix.dirname(mountPath(serviceApiRoutes.estimates)), publicEstimatesRouter(db, repairOrders));
      app.use(path.posix.dirname(mountPath(serviceApiRoutes.estimates)), publicPhotosRouter(db, photosDir));
      app.use(mountPath(serviceApiRoutes.emails), emailsRouter(db));
      app.use(path.posix.dirname(mountPath(serviceApiRoutes.unsubscribe)), unsubscribeRouter(db));
      app.use(mountPath(serviceApiRoutes.audit), auditRouter(db, auditLog));
      app.use(mountPath(serviceApiRoutes.events), eventsRouter(db, events, 'service'));
      app.use(mountPath(serviceApiRoutes.docs), openApiRouter(serviceOpenApi));
    },
  });
}
