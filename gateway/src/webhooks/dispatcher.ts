import { setTimeout as delay } from 'node:timers/promises';
import type { ServiceName } from '@carcar/common/contract/permissions';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { eventFeedPageSchema } from '@carcar/common/contract/webhooks';
import type { AdvisoryLock, Database } from '@carcar/common/db/database';
import type { CredentialSigner } from '@carcar/common/http/credentials/sign';
import type { Logger } from '@carcar/common/service/logger';
import type { ClaimedDelivery, WebhooksRepository } from './repository.js';
import type { SecretBox } from './secrets.js';
import { sendDelivery } from './send.js';
import { signatureHeader } from './signing.js';
import { type ReceiverPolicy, ReceiverRefused, resolveReceiver } from './url-guard.js';

// The gateway's webhook worker: it reads each service's event feed into the delivery queue
// (fan-out) and sends what is due (dispatch), signing each body. Only the holder of an advisory
// lock reads the feeds, so two gateway replicas never queue an event twice; any replica may send,
// since claiming a delivery leases it (`for update skip locked`).

export interface EventSource {
  name: ServiceName;
  url: string;
}

export interface WebhookSettings {
  pollMs: number;
  timeoutMs: number;
  /** Seconds between tries; the last repeats. */
  retrySeconds: readonly number[];
  retryHours: number;
  policy: ReceiverPolicy;
}

export interface WebhookWorkerOptions {
  database: Database;
  repository: WebhooksRepository;
  box: SecretBox;
  signer: CredentialSigner;
  sources: readonly EventSource[];
  settings: WebhookSettings;
  logger: Logger;
}

export interface WebhookWorker {
  /** Looks for due deliveries now (after a test event or a redelivery). */
  wake(): void;
  stop(): Promise<void>;
}

/** How many deliveries are sent at once. */
const BATCH = 20;
const FEED_PAGE = 500;
/** A service that has not answered its feed by then is read again on the next round. */
const FEED_TIMEOUT_MS = 10_000;

/**
 * When the try after `attempts` failed ones is due: the schedule's interval (the last repeats)
 * with ±20 % jitter, so receivers coming back after an outage are not hit by every retry at once.
 * Null once that is past the retry window: the delivery has failed.
 */
export function nextRetryAt(
  attempts: number,
  schedule: readonly number[],
  giveUpAt: Date,
  now = Date.now(),
): Date | null {
  const base = schedule[Math.min(attempts - 1, schedule.length - 1)] ?? schedule.at(-1) ?? 60;
  const jittered = base * 1000 * (0.8 + Math.random() * 0.4);
  const at = now + jittered;
  return at > giveUpAt.getTime() ? null : new Date(at);
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { repository, settings, logger } = options;
  const log = logger.child({ component: 'webhooks' });
  const stopping = new AbortController();
  const secrets = new Map<number, { url: string; secret: string } | null>();
  let wakeUp: (() => void) | undefined;
  const failing = new Set<string>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      wakeUp = done;
      stopping.signal.addEventListener('abort', done);
    });

  /** The subscription's URL and secret, decrypted once; null once it is deleted. */
  async function receiverOf(webhookId: number) {
    if (!secrets.has(webhookId)) {
      const row = await repository.find(webhookId);
      secrets.set(webhookId, row ? { url: row.url, secret: options.box.open(row.secretCiphertext) } : null);
    }
    return secrets.get(webhookId) ?? null;
  }

  async function readFeed(source: EventSource): Promise<number> {
    const after = await repository.cursor(source.name);
    const credential = await options.signer.serviceCredential(source.name);
    // Every service's table holds the one `events` row.
    const url = new URL(pathTo(inventoryRoutes.events), source.url);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(FEED_PAGE));
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${credential}` },
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(FEED_TIMEOUT_MS)]),
    });
    if (!res.ok) throw new Error(`${source.name} answered ${res.status}`);
    const page = eventFeedPageSchema.parse(await res.json());
    if (page.events.length === 0) return 0;
    await repository.fanOut(source.name, page.events, page.next, settings.retryHours);
    return page.events.length;
  }

  /** Reads every feed until it is caught up; a service that is down is retried on the next round. */
  async function fanOut(): Promise<number> {
    let read = 0;
    for (const source of options.sources) {
      try {
        for (;;) {
          const count = await readFeed(source);
          read += count;
          // A full page: there may be more.
          if (count < FEED_PAGE || stopping.signal.aborted) break;
        }
        if (failing.delete(source.name)) log.info({ source: source.name }, 'event feed reachable again');
      } catch (error) {
        if (stopping.signal.aborted) return read;
        if (!failing.has(source.name)) {
          failing.add(source.name);
          log.warn({ source: source.name, err: error }, 'event feed unreachable; retrying');
        }
      }
    }
    return read;
  }

  async function deliver(delivery: ClaimedDelivery): Promise<boolean> {
    const receiver = await receiverOf(delivery.webhookId);
    if (!receiver) return false;
    let outcome: { status?: number; error?: string; durationMs: number };
    try {
      // Checked again now, on what the name resolves to now; the connection goes to that address.
      const resolved = await resolveReceiver(receiver.url, settings.policy);
      const timestamp = Math.floor(Date.now() / 1000);
      outcome = await sendDelivery(
        resolved,
        delivery.body,
        {
          'x-carcar-signature': signatureHeader(receiver.secret, delivery.body, timestamp),
          'x-carcar-event': delivery.type,
          'x-carcar-event-id': delivery.eventId,
        },
        settings.timeoutMs,
      );
    } catch (error) {
      outcome = {
        error: error instanceof ReceiverRefused ? `refused: the URL ${error.message}` : String(error),
        durationMs: 0,
      };
    }
    const delivered = outcome.error === undefined;
    const attempts = delivery.attempts + 1;
    await repository.recordAttempt(
      delivery,
      outcome,
      delivered
        ? { delivered: true }
        : { delivered: false, retryAt: nextRetryAt(attempts, settings.retrySeconds, delivery.giveUpAt) },
    );
    if (!delivered)
      log.info(
        { webhook: delivery.webhookId, event: delivery.eventId, attempts, error: outcome.error },
        'webhook delivery failed',
      );
    return delivered;
  }

  async function dispatch(): Promise<void> {
    for (;;) {
      const claimed = await repository.claimDue(BATCH);
      if (claimed.length === 0 || stopping.signal.aborted) return;
      const results = await Promise.all(claimed.map(deliver));
      // A delivery that went through may let the next event of its entity go: look again at once.
      if (!results.some(Boolean)) return;
    }
  }

  // Two loops, so a service slow to answer its feed never holds up deliveries already queued.
  const feeds = (async () => {
    let lock: AdvisoryLock | null = null;
    while (!stopping.signal.aborted) {
      try {
        if (!lock) {
          lock = await options.database.tryAdvisoryLock('carcar:gateway:webhook-feeds');
          const held = lock;
          // A lost lock (its connection dropped) is taken again on a later round.
          void held?.lost.then(() => {
            if (lock === held) lock = null;
          });
        }
        // Without a subscription the feeds wait where they are: a subscription made later gets only
        // the events after it (fan-out compares times), so nothing old is sent, and an
        // installation without webhooks makes no requests.
        if (lock && (await repository.anySubscription()) && (await fanOut()) > 0) wakeUp?.();
      } catch (error) {
        if (!stopping.signal.aborted) log.warn({ err: error }, 'reading the event feeds failed; retrying');
        if (lock) {
          await lock.release().catch(() => undefined);
          lock = null;
        }
      }
      if (!stopping.signal.aborted)
        await delay(settings.pollMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
    if (lock) await lock.release().catch(() => undefined);
  })();

  const deliveries = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await dispatch();
      } catch (error) {
        if (!stopping.signal.aborted) log.warn({ err: error }, 'webhook deliveries failed; retrying');
      }
      if (!stopping.signal.aborted) await sleep(settings.pollMs);
    }
  })();

  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopping.abort();
      await Promise.all([feeds, deliveries]);
      await delay(0);
    },
  };
}
