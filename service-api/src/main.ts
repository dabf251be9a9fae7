import { fileURLToPath } from 'node:url';
import { loadConfig } from '@carcar/common/config';
import { openDatabase } from '@carcar/common/database';
import { createLogger } from '@carcar/common/logger';
import { startPoller } from '@carcar/common/poller';
import { exitOnSignals, startServer } from '@carcar/common/server';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createApp } from './app.js';
import { serviceAutomobileStore } from './automobiles/store.js';
import { serviceApiEnv } from './config.js';

const config = loadConfig(serviceApiEnv);
const logger = createLogger('service-api', config.LOG_LEVEL);
const database = await openDatabase({
  schemaName: 'service',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  pgliteExtensions: { btree_gist },
  logger,
});
logger.info({ database: database.kind }, 'database migrated');

const poller = startPoller({
  name: 'service',
  database,
  store: serviceAutomobileStore(database.db),
  inventoryUrl: config.INVENTORY_API_URL,
  logger,
});
const running = await startServer({
  app: createApp({ db: database.db, logger, timezone: config.TIMEZONE, syncStatus: poller.status }),
  port: config.PORT,
  host: config.HOST,
  logger,
  stopping: [() => poller.stop()],
  stopped: [() => database.close()],
});
exitOnSignals(running.shutdown, logger);
