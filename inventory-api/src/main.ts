import { fileURLToPath } from 'node:url';
import { runService } from '@carcar/common/service';
import { createApp } from './app.js';
import { ChangeNotifier } from './automobiles/changes.js';
import { inventoryEnv } from './config.js';

await runService({
  name: 'inventory-api',
  schemaName: 'inventory',
  env: inventoryEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  start: ({ config, logger, database }) => {
    const notifier = new ChangeNotifier();
    return {
      app: createApp({ db: database.db, logger, corsOrigins: config.CORS_ORIGINS, notifier }),
      stopping: [() => notifier.close()],
    };
  },
});
