import { fileURLToPath } from 'node:url';
import { runService } from '@carcar/common/service/run';
import { startPoller } from '@carcar/common/sync/poller';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createApp } from './app.js';
import { serviceAutomobileStore } from './automobiles/store.js';
import { serviceApiEnv } from './config.js';

await runService({
  name: 'service-api',
  schemaName: 'service',
  signsAs: 'service-api',
  env: serviceApiEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  pgliteExtensions: { btree_gist },
  start: ({ config, logger, database, http, access, serviceCredential }) => {
    const poller = startPoller({
      name: 'service',
      database,
      store: serviceAutomobileStore(database.db),
      inventoryUrl: config.INVENTORY_API_URL,
      credential: () => serviceCredential('inventory-api'),
      logger,
    });
    const app = createApp({
      db: database.db,
      logger,
      http,
      access,
      timezone: config.TIMEZONE,
      serviceDueMonths: config.SERVICE_DUE_MONTHS,
      syncStatus: poller.status,
    });
    return { app, stopping: [() => poller.stop()] };
  },
});
