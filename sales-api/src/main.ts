import { fileURLToPath } from 'node:url';
import { queryRows } from '@carcar/common/db/statements';
import { registerOutboxMetrics } from '@carcar/common/service/metrics';
import { runService } from '@carcar/common/service/run';
import { pollInventory } from '@carcar/common/sync/poller';
import { sql } from 'drizzle-orm';
import { createApp } from './app.js';
import { salesAutomobileStore } from './automobiles/store.js';
import { salesApiEnv } from './config.js';
import { startDispatcher } from './outbox/dispatcher.js';

await runService({
  name: 'sales-api',
  schemaName: 'sales',
  signsAs: 'sales-api',
  env: salesApiEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  start: (context) => {
    const { config, logger, database, http, access, serviceCredential } = context;
    const poller = pollInventory('sales', salesAutomobileStore(database.db), context);
    const dispatcher = startDispatcher({
      db: database.db,
      inventoryUrl: config.INVENTORY_API_URL,
      credential: () => serviceCredential('inventory-api'),
      logger,
      maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
    });
    // /metrics: the backlog and how long its oldest row has waited, read at each scrape.
    registerOutboxMetrics(async () => {
      const [row] = await queryRows<{ pending: number; oldest: number }>(
        database.db,
        sql`select count(*)::int as pending,
              coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
            from sales.outbox`,
      );
      return { pending: row?.pending ?? 0, oldestSeconds: row?.oldest ?? 0 };
    });
    const app = createApp({
      db: database.db,
      logger,
      http,
      access,
      onOutboxWritten: dispatcher.onOutboxWritten,
      syncStatus: poller.status,
      dispatcherStatus: dispatcher.status,
      timezone: config.TIMEZONE,
      salesTaxRate: config.SALES_TAX_RATE,
    });
    return { app, stopping: [() => poller.stop(), () => dispatcher.stop()] };
  },
});
