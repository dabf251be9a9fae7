import { type Database, openDatabase } from '@carcar/common/db/database';
import { createLogger } from '@carcar/common/service/logger';
import { type Poller, startPoller } from '@carcar/common/sync/poller';
import { testServiceCredential } from '@carcar/testing/credentials';
import { createTestDatabaseUrl } from '@carcar/testing/database';
import { until } from '@carcar/testing/processes';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAutomobileStore } from '../src/automobiles/store.js';
import { migrationsFolder } from './helpers.js';

// Two replicas of the service on one Postgres database: only the advisory-lock holder polls.
let server: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const replicas: { database: Database; poller: Poller }[] = [];

beforeAll(async () => {
  server = await createTestDatabaseUrl();
  if (!server) throw new Error('TEST_DATABASE_URL is required for *.pg.test.ts');
  for (let i = 0; i < 2; i++) {
    const database = await openDatabase({
      schemaName: 'service',
      migrationsFolder,
      databaseUrl: server.url,
      pgliteExtensions: { btree_gist },
    });
    const poller = startPoller({
      name: 'service',
      database,
      store: serviceAutomobileStore(database.db),
      // Nothing listens here: the holder keeps failing, which is all this test needs.
      inventoryUrl: 'http://127.0.0.1:9',
      credential: () => testServiceCredential('service-api', 'inventory-api'),
      logger: createLogger('lock-test', 'silent'),
      standbyRetryMs: 200,
    });
    replicas.push({ database, poller });
  }
});
afterAll(async () => {
  for (const { database, poller } of replicas) {
    await poller.stop();
    await database.close();
  }
  await server?.drop();
});

describe('the poller advisory lock', () => {
  it('lets one replica poll while the other stands by, and hands over when the holder stops', async () => {
    const states = () => replicas.map((r) => r.poller.status().state).sort();
    await until('one holder and one standby', () => states().join() === 'failing,standby', 10_000);
    const holder = replicas.find((r) => r.poller.status().state === 'failing');
    const standby = replicas.find((r) => r.poller.status().state === 'standby');
    await holder?.poller.stop();
    await until('the standby taking over', () => standby?.poller.status().state === 'failing', 5_000);
    expect(standby?.poller.status().state).toBe('failing');
  });
});
