import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import axios, { type AxiosInstance } from 'axios';
import { type FeedChange, feedPageSchema } from '../contract/feed.js';
import type { ServiceName } from '../contract/permissions.js';
import { inventoryRoutes, pathTo } from '../contract/routes.js';
import type { AdvisoryLock, Database } from '../db/database.js';
import type { Logger } from '../service/logger.js';
import { registerPollerMetrics } from '../service/metrics.js';

// The entry type `SyncStore.apply` takes, for the stores that implement it.
export type { FeedChange };

/** Where a service keeps its copy: the cursor and the rows it covers, written in one transaction. */
export interface SyncStore {
  readCursor(): Promise<number>;
  apply(changes: FeedChange[], next: number): Promise<void>;
}

export interface PollerOptions {
  name: string;
  database: Database;
  store: SyncStore;
  inventoryUrl: string;
  /** The service's own credential for inventory (the feed read is all it grants). */
  credential: () => Promise<string>;
  logger: Logger;
  /** Long-poll wait in seconds (inventory allows up to 30). */
  waitSeconds?: number;
  batchSize?: number;
  /** How often a replica without the lock tries to take over. */
  standbyRetryMs?: number;
  maxBackoffMs?: number;
}

export type SyncState = 'starting' | 'ok' | 'failing' | 'standby' | 'stopped';

export interface SyncStatus {
  state: SyncState;
  last_seq: number | null;
  last_success_at: string | null;
  last_error: string | null;
}

export interface Poller {
  status(): SyncStatus;
  stop(): Promise<void>;
  /** Resolves once the copy has caught up to at least `seq` (for tests and start-up checks). */
  waitForSeq(seq: number, timeoutMs: number): Promise<boolean>;
}

function errorText(error: unknown): string {
  if (axios.isAxiosError(error))
    return error.response ? `inventory answered ${error.response.status}` : (error.code ?? error.message);
  return error instanceof Error ? error.message : String(error);
}

/** The part of a service's start context (../service/run.ts) its inventory poller reads. */
export interface InventoryPollContext {
  config: { INVENTORY_API_URL: string };
  database: Database;
  logger: Logger;
  serviceCredential: (audience: ServiceName) => Promise<string>;
}

/**
 * A service's poller as its main starts it (sales', service's): inventory's feed at
 * `INVENTORY_API_URL`, read with the service's own credential for inventory.
 */
export function pollInventory(name: string, store: SyncStore, context: InventoryPollContext): Poller {
  return startPoller({
    name,
    database: context.database,
    store,
    inventoryUrl: context.config.INVENTORY_API_URL,
    credential: () => context.serviceCredential('inventory-api'),
    logger: context.logger,
  });
}

/**
 * Keeps a service's AutomobileVO copy in step with inventory's changes feed. Only the holder of a
 * Postgres advisory lock polls, so several replicas of a service never apply the feed twice.
 * While inventory is down it backs off exponentially and logs once per state change.
 */
export function startPoller(options: PollerOptions): Poller {
  const waitSeconds = options.waitSeconds ?? 25;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const standbyRetryMs = options.standbyRetryMs ?? 2_000;
  const limit = options.batchSize ?? 500;
  const log = options.logger.child({ poller: options.name });
  const client: AxiosInstance = axios.create({
    baseURL: options.inventoryUrl,
    timeout: (waitSeconds + 10) * 1000,
    // Keep-alive: one connection serves every long poll instead of a handshake each time.
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    // Inventory never redirects; not following redirects spares a wrapper around every request.
    maxRedirects: 0,
  });
  const stopping = new AbortController();
  const status: SyncStatus = { state: 'starting', last_seq: null, last_success_at: null, last_error: null };
  registerPollerMetrics(options.name, () => status);
  const seqWaiters = new Set<() => void>();

  function setState(state: SyncState, error?: unknown): void {
    if (error !== undefined) status.last_error = errorText(error);
    if (status.state === state) return;
    const previous = status.state;
    status.state = state;
    if (state === 'failing') log.warn({ error: status.last_error }, 'inventory unreachable; retrying with backoff');
    else if (state === 'ok' && previous === 'failing') log.info({ seq: status.last_seq }, 'inventory reachable again');
    else if (state === 'standby') log.info('another replica holds the poller lock; standing by');
    else if (state === 'ok') log.info({ seq: status.last_seq }, 'syncing from inventory');
  }

  // Ends early, without an error, when the poller stops.
  const sleep = (ms: number) => delay(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  async function pollWhileLocked(lock: AdvisoryLock): Promise<void> {
    let lost = false;
    void lock.lost.then(() => {
      lost = true;
    });
    let cursor = await options.store.readCursor();
    status.last_seq = cursor;
    let backoffMs = 500;
    // Catch up without waiting; hold the request open only once there is nothing left to read.
    let caughtUp = false;
    while (!stopping.signal.aborted && !lost) {
      try {
        const res = await client.get(pathTo(inventoryRoutes.automobiles.changes), {
          params: { after: cursor, limit, wait: caughtUp ? waitSeconds : 0 },
          headers: { Authorization: `Bearer ${await options.credential()}` },
          signal: stopping.signal,
        });
        const page = feedPageSchema.parse(res.data);
        if (page.changes.length > 0) await options.store.apply(page.changes, page.next);
        // A short page was the end of the feed: the next request may wait for news.
        caughtUp = page.changes.length < limit;
        cursor = page.next;
        status.last_seq = cursor;
        status.last_success_at = new Date().toISOString();
        backoffMs = 500;
        setState('ok');
        for (const wake of seqWaiters) wake();
      } catch (error) {
        if (stopping.signal.aborted) return;
        setState('failing', error);
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      }
    }
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let lock: AdvisoryLock | null = null;
      try {
        lock = await options.database.tryAdvisoryLock(`carcar:poller:${options.name}`);
      } catch (error) {
        setState('failing', error);
      }
      if (!lock) {
        if (status.state !== 'failing') setState('standby');
        await sleep(standbyRetryMs);
        continue;
      }
      try {
        await pollWhileLocked(lock);
      } catch (error) {
        // The database itself failed (reading the cursor or applying a page): retry from the stored cursor.
        setState('failing', error);
        await sleep(1000);
      } finally {
        await lock.release();
      }
    }
    status.state = 'stopped';
  })();

  return {
    status: () => ({ ...status }),
    stop: async () => {
      stopping.abort();
      for (const wake of seqWaiters) wake();
      await loop;
    },
    waitForSeq: async (seq, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while ((status.last_seq ?? -1) < seq) {
        const remaining = deadline - Date.now();
        if (remaining <= 0 || stopping.signal.aborted) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(wake, Math.min(remaining, 100));
          function wake() {
            clearTimeout(timer);
            seqWaiters.delete(wake);
            resolve();
          }
          seqWaiters.add(wake);
        });
      }
      return true;
    },
  };
}
