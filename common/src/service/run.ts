import type { Express } from 'express';
import type { z } from 'zod';
import { type Database, openDatabase, type PgliteExtensions } from '../db/database.js';
import type { HttpPolicy } from '../http/app.js';
import { loadConfig, type serviceEnv } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { exitOnSignals, startServer } from './server.js';

type BaseConfig = z.output<ReturnType<typeof serviceEnv>>;

export interface ServiceDefinition<S extends z.ZodType<BaseConfig>> {
  name: string;
  schemaName: string;
  env: S;
  migrationsFolder: string;
  pgliteExtensions?: PgliteExtensions;
  /** Builds the app from its dependencies; `stopping` runs first on shutdown (pollers, long polls). */
  start(context: { config: z.output<S>; logger: Logger; database: Database; http: HttpPolicy }): {
    app: Express;
    stopping?: Array<() => void | Promise<void>>;
  };
}

/**
 * A service's `main`: validated config, logger, migrated database, HTTP server, and a graceful
 * shutdown on SIGINT/SIGTERM that finishes in-flight requests and closes the database.
 */
export async function runService<S extends z.ZodType<BaseConfig>>(definition: ServiceDefinition<S>): Promise<void> {
  const config = loadConfig(definition.env);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const database = await openDatabase({
    schemaName: definition.schemaName,
    migrationsFolder: definition.migrationsFolder,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    pgliteTemplate: config.PGLITE_TEMPLATE,
    ...(definition.pgliteExtensions ? { pgliteExtensions: definition.pgliteExtensions } : {}),
    logger,
  });
  logger.info({ database: database.kind }, 'database migrated');
  const http = { corsOrigins: config.CORS_ORIGINS, writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE };
  const { app, stopping } = definition.start({ config, logger, database, http });
  const running = await startServer({
    app,
    port: config.PORT,
    host: config.HOST,
    logger,
    stopping: stopping ?? [],
    stopped: [() => database.close()],
  });
  exitOnSignals(running.shutdown, logger);
}
