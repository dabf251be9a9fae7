import { randomBytes } from 'node:crypto';
import { type Database, type DatabaseOptions, type Db, openDatabase } from '@carcar/common/db/database';
import pg from 'pg';

/**
 * A fresh database for one test file: PGlite in memory, or, when TEST_DATABASE_URL names a
 * Postgres server, a new database created on it and dropped again by `close()`.
 */
export async function openTestDatabase(
  options: Omit<DatabaseOptions, 'databaseUrl' | 'dataDir'>,
): Promise<Database & { url?: string }> {
  const server = await createTestDatabaseUrl();
  if (!server) return openDatabase(options);
  const database = await openDatabase({ ...options, databaseUrl: server.url });
  return {
    ...database,
    url: server.url,
    close: async () => {
      await database.close();
      await server.drop();
    },
  };
}

/** One statement on the server as its admin (`create database`, `drop database`). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the Postgres server at `serverUrl`, named `<prefix>_<random>`; `drop` removes it. */
export async function createDatabaseOn(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** A connection URL for a fresh database on the test server, or undefined on PGlite runs. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createDatabaseOn(serverUrl, 'carcar_test') : undefined;
}

/**
 * `write` in a transaction that, once it has written, stays open until `commit()`: what other
 * connections see meanwhile (a feed read past a later commit) is the test's to check. Resolves
 * when `write` is done; rejects if it fails.
 */
export async function heldOpen(db: Db, write: (tx: Db) => Promise<unknown>): Promise<{ commit(): Promise<void> }> {
  let mayCommit: () => void = () => undefined;
  const committing = new Promise<void>((resolve) => {
    mayCommit = resolve;
  });
  let written: () => void = () => undefined;
  const hasWritten = new Promise<void>((resolve) => {
    written = resolve;
  });
  const transaction = db.transaction(async (tx) => {
    await write(tx);
    written();
    await committing;
  });
  await Promise.race([hasWritten, transaction]);
  return {
    commit: async () => {
      mayCommit();
      await transaction;
    },
  };
}
