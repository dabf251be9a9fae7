import { fileURLToPath } from 'node:url';
import { runService } from '@carcar/common/service/run';
import { createApp } from './app.js';
import { ChangeNotifier } from './automobiles/changes.js';
import { inventoryEnv } from './config.js';

await runService({
  name: 'inventory-api',
  schemaName: 'inventory',
  env: inventoryEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  start: ({ logger, database, http }) => {
    const notifier = new ChangeNotifier();
    return {
      app: createApp({ db: database.db, logger, http, notifier }),
      stopping: [() => notifier.close()],
    };
  },
});
