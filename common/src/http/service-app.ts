import type { Express } from 'express';
import { type Db, ping } from '../db/database.js';
import type { Logger } from '../service/logger.js';
import { type AccessPolicy, createHttpApp, type HttpPolicy } from './app.js';

/** What every service's `createApp` is given, whatever else it needs. */
export interface ServiceAppDeps {
  db: Db;
  logger: Logger;
  /** CORS and rate limits; the defaults suit the local browser app. */
  http?: HttpPolicy;
  /** Who may call which route: the credential check and this service's rows of the route table. */
  access: AccessPolicy;
}

export interface ServiceAppOptions extends ServiceAppDeps {
  /** Mounts the service's routers. */
  routes: (app: Express) => void;
  /** The service's own facts for `/healthz` (sync state, say), asked once the database answered. */
  health?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** A service's app over its database: createHttpApp, whose health checks ping the database first. */
export function createServiceApp({ db, logger, http, access, routes, health }: ServiceAppOptions): Express {
  return createHttpApp({
    logger,
    ...http,
    access,
    health: async () => {
      await ping(db);
      return health ? await health() : {};
    },
    routes,
  });
}
