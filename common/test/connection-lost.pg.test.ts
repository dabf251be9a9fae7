import { fileURLToPath } from 'node:url';
import { adminQuery, createTestDatabaseUrl } from '@carcar/testing/database';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { queryRows } from '../src/db/statements.js';

// The server closes a connection while a transaction holds it between two statements (a restart,
// a failover, an administrator's pg_terminate_backend): the transaction fails, the process lives
// on, the pool serves the next statement on a new connection, and the log says why in one line.

let server: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
let database: Database;
const logged: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  server = await createTestDatabaseUrl();
  if (!server) throw new Error('TEST_DATABASE_URL is required for *.pg.test.ts');
  const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  database = await openDatabase({
    schemaName: 'inventory',
    migrationsFolder: fileURLToPath(new URL('../../inventory-api/drizzle', import.meta.url)),
    databaseUrl: server.url,
    logger,
  });
});
afterAll(async () => {
  await database?.close();
  await server?.drop();
});

describe('a connection the server closes under a transaction', () => {
  it('fails that transaction only, and the process and the pool carry on', async () => {
    const serverUrl = process.env.TEST_DATABASE_URL ?? '';
    const transaction = database.db.transaction(async (tx) => {
      const [own] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      await adminQuery(serverUrl, `select pg_terminate_backend(${Number(own?.pid)})`);
      // The server's FATAL arrives while no statement runs on the connection: the client emits
      // 'error', which with no listener would end this process (and vitest reports it).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(sql`select 1`);
    });
    await expect(transaction).rejects.toThrow();
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'database connection lost', code: '57P01', reason: expect.any(String) }),
    );
    for (const line of logged) expect(JSON.stringify(line).length).toBeLessThan(400);
    const [answer] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
    expect(answer?.one).toBe(1);
  });
});
