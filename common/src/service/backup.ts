import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import * as tar from 'tar';
import type { Logger } from './logger.js';

/**
 * Backups of a running CarCar (docs/operations.md, "Backups").
 *
 * On a Postgres server one `pg_dump` of CarCar's schemas is a consistent snapshot of all of them.
 * The embedded default is four PGlite databases, each the private property of the one process that
 * opened it: no second process may open the folder while it runs (two would corrupt it). So each
 * process answers for its own database on a Unix socket in the data folder,
 * `<DATA_DIR>/run/<schema>.sock`: asked, it checkpoints and hands over its data folder as a tarball
 * (PGlite's `dumpDataDir`), between two transactions. A socket rather than an HTTP route because
 * whoever can connect to it can read the data folder anyway (the folder is the owner's, 0700):
 * no credential to keep, no route for a network caller to find. The socket is also the folder's
 * lock: a second process finding it answered stops with one line instead of opening the database.
 */

/** The schemas CarCar keeps, each the data of one process: the three services' and the gateway's. */
export const SCHEMAS = ['inventory', 'service', 'sales', 'identity'] as const;
export type SchemaName = (typeof SCHEMAS)[number];

/**
 * The order the embedded databases are snapshotted in: the readers of inventory's feed and the
 * sender of its outbox before inventory itself. A reader's cursor and a sale's delivered outbox
 * row then never point past what the restored inventory holds; whatever they hold behind it, the
 * pollers fetch again and the outbox sends again (setting a car sold twice is setting it once).
 */
export const SNAPSHOT_ORDER: readonly SchemaName[] = ['service', 'sales', 'identity', 'inventory'];

const SNAPSHOT_PATH = '/snapshot';
/** sockaddr_un holds 108 bytes on Linux (104 on macOS), the terminating zero included. */
const SOCKET_PATH_MAX = 100;

export function backupSocketPath(dataDir: string, schemaName: string): string {
  return path.join(path.resolve(dataDir), 'run', `${schemaName}.sock`);
}

/** Another running process holds this database: starting on it would corrupt it. */
export class DataFolderInUse extends Error {}

export interface DataFolderClaim {
  /** From now on a backup gets `snapshot()`; until then it is told to wait. */
  serve(snapshot: () => Promise<Blob>): void;
  /** Stops answering and removes the socket. */
  close(): Promise<void>;
}

/**
 * Claims `<dataDir>/<schemaName>` for this process by listening on its backup socket. A socket
 * left by a process that died is removed; one that answers means the database is in use.
 * Undefined when the socket's path would be too long for the system (a deeply nested data folder):
 * the process then runs without online backups, and says so.
 */
export async function claimDataFolder(
  dataDir: string,
  schemaName: string,
  logger?: Logger,
  /** How long to wait for another process to let go of the folder before giving up. */
  waitMs = 0,
): Promise<DataFolderClaim | undefined> {
  const socketPath = backupSocketPath(dataDir, schemaName);
  if (Buffer.byteLength(socketPath) > SOCKET_PATH_MAX) {
    logger?.warn({ socketPath }, 'data folder path too long for a backup socket; npm run backup needs this stopped');
    return undefined;
  }
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  let snapshot: (() => Promise<Blob>) | undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== SNAPSHOT_PATH) {
      res.writeHead(404).end();
      return;
    }
    if (!snapshot) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('the database is still opening');
      return;
    }
    const started = Date.now();
    snapshot()
      .then(async (blob) => {
        const bytes = Buffer.from(await blob.arrayBuffer());
        logger?.info({ schema: schemaName, bytes: bytes.length, ms: Date.now() - started }, 'backup snapshot taken');
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length }).end(bytes);
      })
      .catch((error: unknown) => {
        logger?.error({ err: error }, 'backup snapshot failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : 'failed');
      });
  });
  const deadline = Date.now() + waitMs;
  let waited = false;
  for (;;) {
    const error = await listenOnce(server, socketPath).then(
      () => undefined,
      (failure: NodeJS.ErrnoException) => failure,
    );
    if (!error) break;
    if (error.code !== 'EADDRINUSE') throw error;
    if (!(await answers(socketPath))) {
      // Left behind by a process that was killed: no one listens on it.
      unlinkSync(socketPath);
      continue;
    }
    // A CarCar stopped a moment ago may still be closing this database (its requests drain for up
    // to 10 s first): wait for it rather than fail, and never open the folder beside it.
    if (Date.now() >= deadline) {
      throw new DataFolderInUse(
        `the ${schemaName} database in ${path.resolve(dataDir)} is in use by another running CarCar process; stop it first (or use another DATA_DIR)`,
      );
    }
    if (!waited)
      logger?.warn({ schema: schemaName }, 'the database is still held by a process that is stopping; waiting');
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  chmodSync(socketPath, 0o600);
  return {
    serve: (next) => {
      snapshot = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function listenOnce(server: http.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Both listeners go whichever fires: a claim may try several times on one server.
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(socketPath);
  });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A consistent image of an open PGlite: CHECKPOINT, then the folder as a gzipped tarball, both
 * while this holds PGlite's transaction lock (every query and transaction takes it), so no write
 * lands between them and the image needs no WAL replayed: a restored sequence goes on from the
 * same number.
 */
export async function pgliteSnapshot(client: PGlite): Promise<Blob> {
  let image: Blob | undefined;
  await client.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    image = await client.dumpDataDir('gzip');
  });
  if (!image) throw new Error('PGlite returned no data folder');
  return image;
}

/** Asks the process holding `schemaName` for its snapshot; undefined if none answers (not running). */
export function requestSnapshot(dataDir: string, schemaName: string): Promise<Buffer | undefined> {
  const socketPath = backupSocketPath(dataDir, schemaName);
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: SNAPSHOT_PATH, timeout: 300_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) resolve(body);
        else
          reject(new Error(`the ${schemaName} process answered ${res.statusCode}: ${body.toString().slice(0, 200)}`));
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`the ${schemaName} process did not answer in 5 minutes`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(undefined);
      else reject(error);
    });
  });
}

/** A stopped service's database, opened here under its claim so no process starts on it meanwhile. */
async function offlineSnapshot(dataDir: string, schemaName: string): Promise<Buffer | undefined> {
  const folder = path.join(path.resolve(dataDir), schemaName);
  if (!existsSync(path.join(folder, 'PG_VERSION'))) return undefined;
  const claim = await claimDataFolder(dataDir, schemaName);
  try {
    const client = await PGlite.create({ dataDir: folder });
    try {
      return Buffer.from(await (await pgliteSnapshot(client)).arrayBuffer());
    } finally {
      await client.close();
    }
  } finally {
    await claim?.close();
  }
}

const run = promisify(execFile);

export interface BackupOptions {
  /** The archive to write (a tar file). */
  output: string;
  /** The embedded databases' folder (DATA_DIR); also where `keys/` and, by default, `photos/` are. */
  dataDir: string;
  /** CarCar's Postgres database, when it runs on one: the backup is then `pg_dump` of its schemas. */
  databaseUrl?: string | undefined;
  /** Stored photos (PHOTOS_DIR); `<dataDir>/photos` by default. */
  photosDir?: string | undefined;
  /** Progress lines. */
  say?: (line: string) => void;
}

export interface Manifest {
  format: 'carcar-backup';
  version: 1;
  kind: 'pglite' | 'postgres';
  created_at: string;
  databases: Array<{ schema: SchemaName; file: string; taken: 'online' | 'offline' }>;
  photos: boolean;
  keys: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: Manifest;
}

/** Postgres objects CarCar's schemas depend on but pg_dump -n leaves out. */
const PG_EXTENSIONS = ['btree_gist', 'pg_trgm'];
/** Drizzle's record of each schema's applied migrations (`drizzle.<schema>_migrations`). */
const MIGRATIONS_SCHEMA = 'drizzle';

/** Writes one archive of every schema, the stored photos and the development keys. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const say = options.say ?? (() => undefined);
  const output = path.resolve(options.output);
  mkdirSync(path.dirname(output), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(output), '.carcar-backup-'));
  try {
    const manifest: Manifest = {
      format: 'carcar-backup',
      version: 1,
      kind: options.databaseUrl ? 'postgres' : 'pglite',
      created_at: new Date().toISOString(),
      databases: [],
      photos: false,
      keys: false,
    };
    const entries = ['manifest.json'];
    mkdirSync(path.join(staging, 'databases'));
    if (options.databaseUrl) {
      const file = 'databases/postgres.dump';
      const schemas = [...SCHEMAS, MIGRATIONS_SCHEMA].flatMap((schema) => ['-n', schema]);
      const extensions = PG_EXTENSIONS.flatMap((name) => ['-e', name]);
      const server = libpq(options.databaseUrl);
      await run(
        'pg_dump',
        [
          '-Fc',
          '--no-owner',
          '--no-privileges',
          ...schemas,
          ...extensions,
          '-f',
          path.join(staging, file),
          server.target,
        ],
        { env: server.env },
      ).catch((error: NodeJS.ErrnoException & { stderr?: string }) => {
        if (error.code === 'ENOENT')
          throw new Error('pg_dump is not on PATH: install the PostgreSQL client tools (Debian: postgresql-client)');
        throw new Error(`pg_dump failed: ${(error.stderr ?? error.message).trim()}`);
      });
      for (const schema of SCHEMAS) manifest.databases.push({ schema, file, taken: 'online' });
      say(`postgres: ${SCHEMAS.join(', ')} dumped with pg_dump`);
    } else {
      for (const schema of SNAPSHOT_ORDER) {
        const online = await requestSnapshot(options.dataDir, schema);
        const image = online ?? (await offlineSnapshot(options.dataDir, schema));
        if (!image) {
          throw new Error(
            `no ${schema} database in ${path.resolve(options.dataDir)}: nothing answers on its backup socket and there is no folder to read`,
          );
        }
        const file = `databases/${schema}.tar.gz`;
        writeFileSync(path.join(staging, file), image, { mode: 0o600 });
        manifest.databases.push({ schema, file, taken: online ? 'online' : 'offline' });
        say(
          `${schema}: ${(image.length / 1e6).toFixed(1)} MB (${online ? 'from the running service' : 'stopped; read from its folder'})`,
        );
      }
    }
    entries.push('databases');
    // Files after the databases: a photo a row names was written before its row committed.
    const photosDir = path.resolve(options.photosDir ?? path.join(options.dataDir, 'photos'));
    if (existsSync(photosDir) && statSync(photosDir).isDirectory()) {
      symlinkSync(photosDir, path.join(staging, 'photos'));
      entries.push('photos');
      manifest.photos = true;
    }
    const keysDir = path.resolve(options.dataDir, 'keys');
    if (existsSync(keysDir)) {
      symlinkSync(keysDir, path.join(staging, 'keys'));
      entries.push('keys');
      manifest.keys = true;
    }
    writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${output}.partial`;
    // The archive holds password hashes and, with keys/, private keys: the owner's alone.
    await tar.create({ file: partial, cwd: staging, follow: true, portable: true, mode: 0o600 }, entries);
    chmodSync(partial, 0o600);
    renameSync(partial, output);
    return { file: output, bytes: statSync(output).size, ms: Date.now() - started, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface RestoreOptions {
  archive: string;
  /** The data folder to restore the embedded databases, keys and photos into. */
  dataDir: string;
  /** The Postgres database to restore a Postgres backup into. */
  databaseUrl?: string | undefined;
  photosDir?: string | undefined;
  /** Replace what is there instead of refusing a folder or database that holds data. */
  force?: boolean;
  say?: (line: string) => void;
}

/** Something in the way of a restore: the message says what and what to do. */
export class RestoreRefused extends Error {}

/** Brings a backup back into a fresh data folder (and a fresh database, for a Postgres backup). */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const say = options.say ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  // Beside the data folder (writable, and the same disk), not beside the archive (a read-only backup drive).
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(dataDir), '.carcar-restore-'));
  try {
    await tar.extract({ file: options.archive, cwd: staging });
    const manifest = readManifest(staging);
    if (manifest.kind === 'postgres' && !options.databaseUrl) {
      throw new RestoreRefused(
        'this is a backup of a Postgres database: set DATABASE_URL to the database to restore into',
      );
    }
    if (manifest.kind === 'pglite' && options.databaseUrl) {
      throw new RestoreRefused(
        'this is a backup of the embedded databases: unset DATABASE_URL to restore into DATA_DIR',
      );
    }
    if (manifest.kind === 'pglite') {
      const present = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name !== 'run') : [];
      if (present.length > 0 && !options.force) {
        throw new RestoreRefused(
          `${dataDir} is not empty (${present.slice(0, 4).join(', ')}): restore into a fresh folder (DATA_DIR), or add --force to replace its databases`,
        );
      }
      mkdirSync(dataDir, { recursive: true });
      for (const entry of manifest.databases) await restorePglite(staging, dataDir, entry.schema, entry.file);
      say(`databases: ${manifest.databases.map((d) => d.schema).join(', ')} restored into ${dataDir}`);
    } else {
      await restorePostgres(staging, options.databaseUrl as string, Boolean(options.force));
      say('postgres: inventory, service, sales and identity restored with pg_restore');
    }
    if (manifest.photos) {
      const target = path.resolve(options.photosDir ?? path.join(dataDir, 'photos'));
      replaceFolder(path.join(staging, 'photos'), target, Boolean(options.force), 'photos');
      say(`photos: restored into ${target}`);
    }
    if (manifest.keys)
      replaceFolder(path.join(staging, 'keys'), path.join(dataDir, 'keys'), Boolean(options.force), 'keys');
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(staging: string): Manifest {
  const file = path.join(staging, 'manifest.json');
  if (!existsSync(file)) throw new RestoreRefused('not a CarCar backup: it has no manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'carcar-backup' || manifest.version !== 1) {
    throw new RestoreRefused(
      `not a CarCar backup this version can read (format ${manifest.format} ${manifest.version})`,
    );
  }
  return manifest;
}

async function restorePglite(staging: string, dataDir: string, schema: SchemaName, file: string): Promise<void> {
  // Held while the folder is written, so a CarCar starting meanwhile stops instead of opening it.
  const claim = await claimDataFolder(dataDir, schema).catch((error: unknown) => {
    if (error instanceof DataFolderInUse) throw new RestoreRefused(`${error.message} before restoring`);
    throw error;
  });
  try {
    const folder = path.join(dataDir, schema);
    rmSync(folder, { recursive: true, force: true });
    const image = new Blob([readFileSync(path.join(staging, file))]);
    // Loaded and closed cleanly here: the snapshot was of a running database, so its first start
    // finishes the recovery Postgres does after a checkpoint; the services then start as after a stop.
    const client = await PGlite.create({ dataDir: folder, loadDataDir: image });
    await client.close();
  } finally {
    await claim?.close();
  }
}

async function restorePostgres(staging: string, databaseUrl: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'select nspname from pg_namespace where nspname = any($1::text[])',
      [[...SCHEMAS]],
    );
    if (rows.length > 0 && !force) {
      throw new RestoreRefused(
        `the database already has CarCar's schemas (${rows.map((r) => r.nspname).join(', ')}): restore into a fresh database, or add --force to replace them`,
      );
    }
  } finally {
    await client.end();
  }
  const server = libpq(databaseUrl);
  await run(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      ...(force ? ['--clean', '--if-exists'] : []),
      '-d',
      server.target,
      path.join(staging, 'databases', 'postgres.dump'),
    ],
    { env: server.env },
  ).catch((error: NodeJS.ErrnoException & { stderr?: string }) => {
    if (error.code === 'ENOENT')
      throw new Error('pg_restore is not on PATH: install the PostgreSQL client tools (Debian: postgresql-client)');
    throw new Error(`pg_restore failed: ${(error.stderr ?? error.message).trim()}`);
  });
}

/** The database URL without its password, which goes in PGPASSWORD: a process list shows arguments. */
function libpq(databaseUrl: string): { target: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { target: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function replaceFolder(from: string, to: string, force: boolean, what: string): void {
  if (existsSync(to) && readdirSync(to).length > 0) {
    if (!force) throw new RestoreRefused(`${to} already holds ${what}: add --force to replace them`);
    rmSync(to, { recursive: true, force: true });
  }
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
