import { fileURLToPath } from 'node:url';
import { runService } from '@carcar/common/service/run';
import { createApp } from './app.js';
import { inventoryEnv } from './config.js';
import { FeedNotifier } from './feed/notifier.js';

await runService({
  name: 'inventory-api',
  schemaName: 'inventory',
  env: inventoryEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  start: ({ logger, database, http, access }) => {
    const feedNotifier = new FeedNotifier();
    return {
      app: createApp({ db: database.db, logger, http, access, feedNotifier }),
      stopping: [() => feedNotifier.close()],
    };
  },
});
