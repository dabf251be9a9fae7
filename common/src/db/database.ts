import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { claimDataFolder, pgliteSnapshot } from '../service/backup.js';
import { privateFiles, protectDataFolder } from '../service/data-folder.js';
import type { Logger } from '../service/logger.js';
import { copyPgliteTemplate } from './pglite-template.js';
import { SingleWriteSocket } from './single-write-socket.js';

/** The Drizzle handle services use; the same type whether PGlite or a Postgres pool is behind it. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type PgliteExtensions = NonNullable<PGliteOptions['extensions']>;

export interface DatabaseOptions {
  /** The service's own Postgres schema (`inventory`, `service`, `sales`). */
  schemaName: string;
  migrationsFolder: string;
  /** A Postgres server; without it the service runs on embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite keeps its files in `<dataDir>/<schemaName>`; omitted means in memory. */
  dataDir?: string | undefined;
  pgliteExtensions?: PgliteExtensions;
  /** An initialised PGlite folder (common/src/pglite-template.ts): a new data folder starts as its copy. */
  pgliteTemplate?: string | undefined;
  poolSize?: number;
  logger?: Logger;
  /** How long to wait for a process that is stopping to let go of an embedded data folder. */
  claimWaitMs?: number;
}

/** A held session-level advisory lock; `lost` settles if its connection dies. */
export interface AdvisoryLock {
  lost: Promise<void>;
  release(): Promise<void>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Takes the named lock if it is free: one holder across every replica sharing the database. */
  tryAdvisoryLock(name: string): Promise<AdvisoryLock | null>;
  /** The Postgres pool's counters (pg.Pool has them), for /metrics; absent on PGlite. */
  pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  close(): Promise<void>;
}

/** Migrations are tracked per service, so three services can share one database. */
function migrationConfig(options: DatabaseOptions) {
  return {
    migrationsFolder: options.migrationsFolder,
    migrationsSchema: 'drizzle',
    migrationsTable: `${options.schemaName}_migrations`,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options, options.databaseUrl) : openPglite(options);
}

/**
 * initdb writes Postgres' default shared_buffers = 128MB, and PGlite's WebAssembly heap made room
 * for all of it: about 125 MB more resident in each process, and `npm start` runs four embedded
 * databases (docs/performance.md, "The embedded default's footprint"). A service's own tables are a
 * few MB and its files sit in the operating system's cache anyway, so 16 MB of buffers serve it as
 * well. Given on the command line: PGlite's `postgresqlconf` option would replace the whole file.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let dataDir: string | undefined;
  // Private before anything is written in it: folders 0700, files 0600 (service/data-folder.ts).
  if (options.dataDir) protectDataFolder(options.dataDir, path.resolve(options.dataDir, options.schemaName));
  // Before the folder is touched: a second process on the same folder stops here, and `npm run
  // backup` asks this process for its snapshots (common/src/service/backup.ts).
  const claim = options.dataDir
    ? await claimDataFolder(options.dataDir, options.schemaName, options.logger, options.claimWaitMs ?? 0)
    : undefined;
  let client: PGlite | undefined;
  try {
    if (options.dataDir) {
      dataDir = path.resolve(options.dataDir, options.schemaName);
      mkdirSync(path.dirname(dataDir), { recursive: true });
      if (!existsSync(dataDir) && options.pgliteTemplate) copyPgliteTemplate(options.pgliteTemplate, dataDir);
    }
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      startParams: pgliteStartParams,
      // pg_trgm for the APIs' searches (each one's `trigram_search` migration); the gateway's database
      // loads it too and never creates it (a 15 kB bundle).
      extensions: { pg_trgm, ...options.pgliteExtensions },
    });
    await migratePglite(drizzlePglite(client), migrationConfig(options));
    if (dataDir) privateFiles(dataDir);
  } catch (error) {
    await client?.close();
    await claim?.close();
    throw error;
  }
  const opened = client;
  claim?.serve(() => pgliteSnapshot(opened));
  const db = drizzlePglite(client);
  return {
    db,
    kind: 'pglite',
    // PGlite is one process's private database, so that process always holds every lock.
    tryAdvisoryLock: async () => ({ lost: new Promise<void>(() => undefined), release: async () => undefined }),
    close: async () => {
      await claim?.close();
      if (!opened.closed) await opened.close();
    },
  };
}

async function openPostgres(options: DatabaseOptions, connectionString: string): Promise<Database> {
  // A connection idle for 10 s (pg's default) was closed and soon opened again under a steady
  // load: a new Postgres backend and every named statement prepared again, in the middle of a
  // burst. Idle connections now go after 5 minutes, once the dealership is quiet.
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 300_000,
    stream: () => new SingleWriteSocket(),
  });
  // A connection the server closes (a restart, a failover, an administrator) must not end the
  // process. The pool listens for a client's errors only while the client is idle in it; one lent
  // out (a transaction's, between two statements) emits 'error' with no one listening, which Node
  // turns into an uncaught exception: so every client gets a listener of its own for its whole
  // life. The statement that was running fails as usual, and the pool opens another connection
  // when one is needed. Logged by code and reason: the error can carry the whole client (pg-pool
  // sets `err.client`), about 10 kB of its internals.
  pool.on('connect', (client) => {
    client.on('error', (error: Error & { code?: string }) =>
      options.logger?.warn({ code: error.code, reason: error.message }, 'database connection lost'),
    );
  });
  // The pool repeats an idle client's error here once it has dropped the client: logged above.
  pool.on('error', () => undefined);
  try {
    await migrateUnderLock(pool, options);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    db: drizzlePg(pool),
    kind: 'postgres',
    tryAdvisoryLock: (name) => tryPostgresLock(pool, name),
    pool,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Two replicas starting at once must not both run the same migration. */
async function migrateUnderLock(pool: pg.Pool, options: DatabaseOptions): Promise<void> {
  const client = await pool.connect();
  const lockName = `carcar:migrate:${options.schemaName}`;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockName]);
    await migratePg(drizzlePg(client), migrationConfig(options));
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [lockName]).catch(() => undefined);
    client.release();
  }
}

/** A session lock lives on one connection, so the lock keeps a client of its own out of the pool. */
async function tryPostgresLock(pool: pg.Pool, name: string): Promise<AdvisoryLock | null> {
  const client = await pool.connect();
  let onLost: () => void = () => undefined;
  const lost = new Promise<void>((resolve) => {
    onLost = resolve;
  });
  const fail = () => onLost();
  client.on('error', fail);
  client.on('end', fail);
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
      name,
    ]);
    if (!rows[0]?.locked) {
      client.off('error', fail);
      client.off('end', fail);
      client.release();
      return null;
    }
  } catch (error) {
    client.release(true);
    throw error;
  }
  let released = false;
  return {
    lost,
    release: async () => {
      if (released) return;
      released = true;
      client.off('error', fail);
      client.off('end', fail);
      // Dropping the connection frees the lock even if the unlock itself fails.
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
      client.release(true);
    },
  };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
