import { defineConfig } from 'vitest/config';

// Tests named *.pg.test.ts exercise what only a Postgres server has (several connections
// contending for one advisory lock, replicas sharing a database); they run when
// TEST_DATABASE_URL names a server, as in CI's second pass.
const postgresOnly = '*/test/**/*.pg.test.ts';

// What never reads TEST_DATABASE_URL runs the same on both passes, so the server pass leaves it
// out: the browser app's tests (a stand-in gateway, no database; but deal-grid-api.test.ts runs the
// sales API on a real database), pure functions, and tests that start their own processes on an
// embedded folder whatever the pass (production start-up, `npm start`, the PGlite template). A
// file that starts using the database must leave this list.
const sameOnEveryDatabase = [
  'ghi/test/**/*.test.tsx',
  'ghi/test/{audit-trail,audit-words-workshop,audit-words,i18n-catalogues,service-time-zone,vin-search}.test.ts',
  'common/test/{credentials,deal,fields,http,list-cache,money,permissions,pglite-template,reports,server,time-zone,vin}.test.ts',
  'gateway/test/{production,webhook-parts}.test.ts',
  'tests/system/{import-cycles,keys,start}.test.ts',
];

export default defineConfig({
  test: {
    include: ['*/test/**/*.test.ts', '*/test/**/*.test.tsx', 'tests/system/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(process.env.TEST_DATABASE_URL ? sameOnEveryDatabase : [postgresOnly])],
    // Generous: several tests start, kill and restart real service processes on a shared 2-core machine.
    testTimeout: 120_000,
    // Hooks start real service processes; PGlite start-up is slow on a busy 2-core machine.
    hookTimeout: 180_000,
    // Each file opens its own database; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // Browser APIs jsdom lacks, for the app's tests (a no-op in Node's own environment).
    setupFiles: ['./ghi/test/setup-dom.ts'],
  },
});
