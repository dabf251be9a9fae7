import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_ISSUER } from '@carcar/common/contract/permissions';
import { openDatabase } from '@carcar/common/db/database';
import { createCredentialSigner } from '@carcar/common/http/credentials/sign';
import { isProduction, loadConfig, missingInProduction } from '@carcar/common/service/config';
import { ensureDevelopmentKeys, parseSigningKey, type SigningJwk } from '@carcar/common/service/keys';
import type { Logger } from '@carcar/common/service/logger';
import { registerPoolMetrics } from '@carcar/common/service/metrics';
import { startOtlpTracing } from '@carcar/common/service/otlp';
import { exitOnSignals, startServer } from '@carcar/common/service/server';
import { startupStep } from '@carcar/common/service/startup';
import { createGateway } from './app.js';
import { type GatewayConfig, gatewayEnv, missingGatewaySecrets } from './config.js';
import { deriveSessionSecret } from './identity/auth/session.js';
import { ensureFirstAdmin } from './identity/users/first-admin.js';
import { usersRepository } from './identity/users/repository.js';
import { createGatewayLogger } from './logger.js';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
const defaultGhiDist = fileURLToPath(new URL('../../ghi/dist', import.meta.url));

/**
 * The gateway's private key: CARCAR_SIGNING_KEY, or (for a developer's machine) the key pair
 * `npm start` keeps under the data folder, made on first use.
 */
async function signingKey(config: GatewayConfig, logger: Logger): Promise<SigningJwk> {
  if (config.CARCAR_SIGNING_KEY) return parseSigningKey(config.CARCAR_SIGNING_KEY);
  const dir = config.CARCAR_KEYS_DIR ?? path.join(config.DATA_DIR, 'keys');
  logger.warn({ dir }, 'CARCAR_SIGNING_KEY is not set; using the development key under the data folder');
  const keys = await ensureDevelopmentKeys(dir, [GATEWAY_ISSUER]);
  return parseSigningKey(keys.CARCAR_SIGNING_KEY[GATEWAY_ISSUER]);
}

const config = loadConfig(gatewayEnv);
const logger = createGatewayLogger(config.LOG_LEVEL);
// Spans over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed as the gateway stops.
const stopTracing = await startOtlpTracing('gateway', logger);
const production = isProduction();
// Production never signs with a development key nor derives the cookie secret: it stops, saying what is missing.
const missing = production ? missingGatewaySecrets(config) : [];
if (missing.length > 0) {
  process.stderr.write(`Invalid configuration: ${missingInProduction(missing)}\n`);
  process.exit(1);
}
// A bad key stops the gateway with one line, as a bad variable does, not a stack trace.
const privateJwk = await signingKey(config, logger).catch((error: unknown) => {
  process.stderr.write(`Invalid configuration: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
const database = await startupStep(
  'gateway',
  'open its database',
  openDatabase({
    schemaName: 'identity',
    migrationsFolder,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    pgliteTemplate: config.PGLITE_TEMPLATE,
    // A process of a CarCar stopped a moment ago may still be closing it (its requests drain first).
    claimWaitMs: 15_000,
    logger,
  }),
);
logger.info({ database: database.kind }, 'database migrated');
if (database.pool) registerPoolMetrics(database.pool);

await ensureFirstAdmin({
  production,
  users: usersRepository(database.db),
  logger,
  configured:
    config.CARCAR_ADMIN_EMAIL && config.CARCAR_ADMIN_PASSWORD
      ? { email: config.CARCAR_ADMIN_EMAIL, password: config.CARCAR_ADMIN_PASSWORD }
      : undefined,
  publicOrigin: config.PUBLIC_ORIGIN,
  print: (text) => process.stdout.write(text),
}).catch((error: unknown) => {
  process.stderr.write(`Invalid configuration: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

const gateway = createGateway({
  db: database.db,
  logger,
  config,
  signer: createCredentialSigner({ issuer: GATEWAY_ISSUER, privateJwk }),
  sessionSecret: config.SESSION_SECRET ?? deriveSessionSecret(privateJwk.d),
  ghiDist: config.GHI_DIST ?? defaultGhiDist,
});
// Webhooks: read the services' event feeds and deliver what is due (docs/architecture.md, "Webhooks").
const webhookWorker = gateway.startWebhooks(database);
const running = await startupStep(
  'gateway',
  'listen',
  startServer({
    app: gateway.app,
    port: config.PORT,
    host: config.HOST,
    logger,
    stopping: [() => gateway.close(), () => webhookWorker.stop()],
    stopped: [stopTracing, () => database.close()],
  }),
  async () => {
    gateway.close();
    await database.close();
  },
);
if (gateway.upgrade) running.server.on('upgrade', gateway.upgrade);
exitOnSignals(running.shutdown, logger);
