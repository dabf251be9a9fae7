import { mountPath, salesRoutes } from '@carcar/common/contract/routes';
import { customerBody } from '@carcar/common/contract/sales';
import { eventsRouter } from '@carcar/common/events/feed';
import { auditRouter } from '@carcar/common/http/audit-routes';
import { openApiRouter } from '@carcar/common/http/openapi';
import { resourceRouter } from '@carcar/common/http/routes';
import { createServiceApp, type ServiceAppDeps } from '@carcar/common/http/service-app';
import { staffRoutes, tableResourceRoutes } from '@carcar/common/http/table-routes';
import type { SyncStatus } from '@carcar/common/sync/poller';
import { count } from 'drizzle-orm';
import type { Express } from 'express';
import { automobilesRouter } from './automobiles/routes.js';
import { auditLog, events, outbox } from './db/schema.js';
import { dealSettingsRouter, grossReportsRouter } from './desk/routes.js';
import { salesOpenApi } from './openapi.js';
import type { DispatcherStatus } from './outbox/dispatcher.js';
import type { OnOutboxWritten } from './outbox/enqueue.js';
import { customersRepository, salespeopleRepository } from './people/repositories.js';
import { customerListQuery, customerUpdateBody } from './people/schemas.js';
import { salesReportsRouter } from './reports/routes.js';
import { salesRouter } from './sales/routes.js';

export interface SalesDeps extends ServiceAppDeps {
  /** Called after a sale or a void committed its outbox row: the dispatcher delivers at once. */
  onOutboxWritten?: OnOutboxWritten;
  syncStatus?: () => SyncStatus;
  dispatcherStatus?: () => DispatcherStatus;
  /** The dealership's IANA time zone: the reports' months and days. UTC unless given. */
  timezone?: string;
  /** `SALES_TAX_RATE`: a deal's tax rate when the sale names none, in rate units (ten-thousandths of a percent). */
  salesTaxRate?: number;
}

export function createApp({
  db,
  logger,
  http,
  access,
  onOutboxWritten,
  syncStatus,
  dispatcherStatus,
  timezone = 'UTC',
  salesTaxRate = 0,
}: SalesDeps): Express {
  return createServiceApp({
    db,
    logger,
    http,
    access,
    health: async () => {
      const [pending] = await db.select({ n: count() }).from(outbox);
      return {
        ...(syncStatus ? { sync: syncStatus() } : {}),
        outbox: { pending: pending?.n ?? 0, ...(dispatcherStatus ? dispatcherStatus() : {}) },
      };
    },
    routes: (app) => {
      app.use(
        mountPath(salesRoutes.salespeople),
        resourceRouter(staffRoutes('salespeople', salespeopleRepository(db))),
      );
      app.use(
        mountPath(salesRoutes.customers),
        resourceRouter(
          tableResourceRoutes('customers', customerBody, customersRepository(db), {
            listQuery: customerListQuery,
            update: customerUpdateBody,
          }),
        ),
      );
      app.use(
        mountPath(salesRoutes.sales),
        salesRouter(db, { written: onOutboxWritten ?? (() => undefined), logger }, { taxRate: salesTaxRate }),
      );
      app.use(mountPath(salesRoutes.automobiles), automobilesRouter(db));
      app.use(mountPath(salesRoutes.reports), salesReportsRouter(db, timezone));
      app.use(mountPath(salesRoutes.reports), grossReportsRouter(db, timezone));
      app.use(mountPath(salesRoutes.dealSettings), dealSettingsRouter(salesTaxRate));
      app.use(mountPath(salesRoutes.audit), auditRouter(db, auditLog));
      app.use(mountPath(salesRoutes.events), eventsRouter(db, events, 'sales'));
      app.use(mountPath(salesRoutes.docs), openApiRouter(salesOpenApi));
    },
  });
}
