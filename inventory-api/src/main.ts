import { fileURLToPath } from 'node:url';
import { loadConfig } from '@carcar/common/config';
import { openDatabase } from '@carcar/common/database';
import { createLogger } from '@carcar/common/logger';
import { exitOnSignals, startServer } from '@carcar/common/server';
import { createApp } from './app.js';
import { ChangeNotifier } from './automobiles/changes.js';
import { inventoryEnv } from './config.js';

const config = loadConfig(inventoryEnv);
const logger = createLogger('inventory-api', config.LOG_LEVEL);
const database = await openDatabase({
  schemaName: 'inventory',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  logger,
});
logger.info({ database: database.kind }, 'database migrated');

const notifier = new ChangeNotifier();
const running = await startServer({
  app: createApp({ db: database.db, logger, notifier }),
  port: config.PORT,
  host: config.HOST,
  logger,
  stopping: [() => notifier.close()],
  stopped: [() => database.close()],
});
exitOnSignals(running.shutdown, logger);
