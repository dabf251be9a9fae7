import type { Express } from 'express';
import type { z } from 'zod';
import type { Issuer, ServiceName } from '../contract/permissions.js';
import { serviceRoutes } from '../contract/routes.js';
import { type Database, openDatabase, type PgliteExtensions } from '../db/database.js';
import type { AccessPolicy, HttpPolicy } from '../http/app.js';
import { createCredentialSigner } from '../http/credentials/sign.js';
import { createCredentialVerifier } from '../http/credentials/verify.js';
import { loadConfig, type serviceEnv } from './config.js';
import { loadServiceKeys } from './keys.js';
import { createLogger, type Logger } from './logger.js';
import { registerPoolMetrics } from './metrics.js';
import { startOtlpTracing } from './otlp.js';
import { exitOnSignals, startServer } from './server.js';
import { startupStep } from './startup.js';

type BaseConfig = z.output<ReturnType<typeof serviceEnv>>;

export interface ServiceDefinition<S extends z.ZodType<BaseConfig>> {
  name: ServiceName;
  /** Set for a service that calls another one with its own credential (its pollers, its outbox). */
  signsAs?: Exclude<Issuer, 'carcar-gateway'>;
  schemaName: string;
  env: S;
  migrationsFolder: string;
  pgliteExtensions?: PgliteExtensions;
  /** Builds the app from its dependencies; `stopping` runs first on shutdown (pollers, long polls). */
  start(context: {
    config: z.output<S>;
    logger: Logger;
    database: Database;
    http: HttpPolicy;
    access: AccessPolicy;
    /** This service's own credential for its calls to `audience`; needs `signsAs`. */
    serviceCredential: (audience: ServiceName) => Promise<string>;
  }): {
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
  // Spans over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed as the process stops.
  const stopTracing = await startOtlpTracing(definition.name, logger);
  // Before the database: a bad key stops the service with one line, not after a migration.
  const keys = await loadServiceKeys(config, definition.signsAs, (message, dir) => logger.warn({ dir }, message)).catch(
    (error: unknown) => {
      process.stderr.write(`Invalid configuration: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
  const database = await startupStep(
    definition.name,
    'open its database',
    openDatabase({
      schemaName: definition.schemaName,
      migrationsFolder: definition.migrationsFolder,
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      pgliteTemplate: config.PGLITE_TEMPLATE,
      // A process of a CarCar stopped a moment ago may still be closing it (its requests drain first).
      claimWaitMs: 15_000,
      ...(definition.pgliteExtensions ? { pgliteExtensions: definition.pgliteExtensions } : {}),
      logger,
    }),
  );
  logger.info({ database: database.kind }, 'database migrated');
  if (database.pool) registerPoolMetrics(database.pool);
  const http = { corsOrigins: config.CORS_ORIGINS, writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE };
  const access: AccessPolicy = {
    verifier: createCredentialVerifier({ audience: definition.name, trustedKeys: keys.trustedKeys }),
    rules: serviceRoutes[definition.name],
  };
  const signer =
    definition.signsAs && keys.signingKey
      ? createCredentialSigner({ issuer: definition.signsAs, privateJwk: keys.signingKey })
      : undefined;
  const { app, stopping } = definition.start({
    config,
    logger,
    database,
    http,
    access,
    serviceCredential: (audience) =>
      signer
        ? signer.serviceCredential(audience)
        : Promise.reject(new Error(`${definition.name} signs no credentials (no signsAs)`)),
  });
  const running = await startupStep(
    definition.name,
    'listen',
    startServer({
      app,
      port: config.PORT,
      host: config.HOST,
      logger,
      stopping: stopping ?? [],
      stopped: [stopTracing, () => database.close()],
    }),
    () => database.close(),
  );
  exitOnSignals(running.shutdown, logger);
}
