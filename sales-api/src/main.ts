import { fileURLToPath } from 'node:url';
import { loadConfig } from '@carcar/common/config';
import { openDatabase } from '@carcar/common/database';
import { createLogger } from '@carcar/common/logger';
import { startPoller } from '@carcar/common/poller';
import { exitOnSignals, startServer } from '@carcar/common/server';
import { createApp } from './app.js';
import { salesAutomobileStore } from './automobiles/store.js';
import { salesApiEnv } from './config.js';
import { startDispatcher } from './outbox/dispatcher.js';

const config = loadConfig(salesApiEnv);
const logger = createLogger('sales-api', config.LOG_LEVEL);
const database = await openDatabase({
  schemaName: 'sales',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  logger,
});
logger.info({ database: database.kind }, 'database migrated');

const poller = startPoller({
  name: 'sales',
  database,
  store: salesAutomobileStore(database.db),
  inventoryUrl: config.INVENTORY_API_URL,
  logger,
});
const dispatcher = startDispatcher({
  db: database.db,
  inventoryUrl: config.INVENTORY_API_URL,
  logger,
  maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
});
const running = await startServer({
  app: createApp({
    db: database.db,
    logger,
    onOutboxWrite: dispatcher.wake,
    syncStatus: poller.status,
    dispatcherStatus: dispatcher.status,
  }),
  port: config.PORT,
  host: config.HOST,
  logger,
  stopping: [() => poller.stop(), () => dispatcher.stop()],
  stopped: [() => database.close()],
});
exitOnSignals(running.shutdown, logger);
