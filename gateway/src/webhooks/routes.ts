import {
  type CreatedWebhook,
  WEBHOOK_TEST_EVENT,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookDeliveryWithAttempts,
  type WebhookList,
  type WebhookTestQueued,
  webhookCreateBody,
} from '@carcar/common/contract/webhooks';
import { invalidField, notFound } from '@carcar/common/errors';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { Router } from 'express';
import { z } from 'zod';
import { auditContextOf, callerUserIdOf, requireCallerPermission } from '../identity/for-webhooks.js';
import type { AttemptRecord, DeliveryRecord, WebhookRecord, WebhooksRepository } from './repository.js';
import { generateWebhookSecret, type SecretBox } from './secrets.js';
import { type ReceiverPolicy, ReceiverRefused, resolveReceiver } from './url-guard.js';

export interface WebhookRoutesDeps {
  repository: WebhooksRepository;
  box: SecretBox;
  policy: ReceiverPolicy;
  retryHours: number;
  /** Looks for due deliveries at once (a test event, a redelivery). */
  wake: () => void;
}

function webhookJson(webhook: WebhookRecord): Webhook {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events as Webhook['events'],
    created_at: webhook.createdAt.toISOString(),
  };
}

function deliveryJson(delivery: DeliveryRecord): WebhookDelivery {
  return {
    event_id: delivery.eventId,
    type: delivery.type,
    at: delivery.eventAt.toISOString(),
    status: delivery.status,
    response_status: delivery.responseStatus,
    attempts: delivery.attempts,
    last_attempt_at: delivery.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    last_error: delivery.lastError,
  };
}

/** A delivery as the deliveries list shows it: with its tries. */
function deliveryWithAttemptsJson(
  delivery: DeliveryRecord & { attemptLog: AttemptRecord[] },
): WebhookDeliveryWithAttempts {
  return {
    ...deliveryJson(delivery),
    attempt_log: delivery.attemptLog.map((attempt) => ({
      at: attempt.at.toISOString(),
      response_status: attempt.responseStatus,
      error: attempt.error,
      duration_ms: attempt.durationMs,
    })),
  };
}

const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const eventIdParam = z.uuid({ error: 'An event id is a UUID' });

/** /auth/webhooks: administrators only. */
export function webhooksRouter(deps: WebhookRoutesDeps): Router {
  const { repository } = deps;
  const router = Router();
  router.use(requireCallerPermission('users.manage', 'manage webhooks'));

  async function found(id: string | undefined): Promise<WebhookRecord> {
    const webhook = await repository.find(parseId(id));
    if (!webhook) throw notFound();
    return webhook;
  }

  router.get('/', async (_req, res) => {
    const list: WebhookList = { webhooks: (await repository.list()).map(webhookJson) };
    res.json(list);
  });

  /** The one answer that holds the secret: it is shown once and kept only encrypted. */
  router.post('/', async (req, res) => {
    const input = parseInput(webhookCreateBody, req.body);
    try {
      await resolveReceiver(input.url, deps.policy);
    } catch (error) {
      if (error instanceof ReceiverRefused) throw invalidField('url', `The receiver URL ${error.message}`);
      throw error;
    }
    const secret = generateWebhookSecret();
    const webhook = await repository.create(
      {
        url: input.url,
        events: input.events,
        secretCiphertext: deps.box.seal(secret),
        createdBy: callerUserIdOf(res),
      },
      auditContextOf(res),
    );
    const created: CreatedWebhook = { ...webhookJson(webhook), secret };
    res.status(201).json(created);
  });

  router.delete('/:id', async (req, res) => {
    const removed = await repository.remove(parseId(req.params.id), auditContextOf(res));
    if (!removed) throw notFound();
    res.json(webhookJson(removed));
  });

  router.get('/:id/deliveries', async (req, res) => {
    const webhook = await found(req.params.id);
    const { limit } = parseInput(deliveriesQuery, req.query);
    const list: WebhookDeliveryList = {
      deliveries: (await repository.deliveries(webhook.id, limit)).map(deliveryWithAttemptsJson),
    };
    res.json(list);
  });

  /** "Send test event": a `webhook.test` event to this subscription only. */
  router.post('/:id/test', async (req, res) => {
    const webhook = await found(req.params.id);
    const { eventId } = await repository.queueTest(webhook.id, deps.retryHours);
    deps.wake();
    const queued: WebhookTestQueued = { event_id: eventId, type: WEBHOOK_TEST_EVENT };
    res.status(202).json(queued);
  });

  router.post('/:id/deliveries/:eventId/redeliver', async (req, res) => {
    const webhook = await found(req.params.id);
    const parsed = eventIdParam.safeParse(req.params.eventId);
    if (!parsed.success) throw notFound();
    const delivery = await repository.redeliver(webhook.id, parsed.data, deps.retryHours);
    if (!delivery) throw notFound();
    deps.wake();
    res.status(202).json(deliveryJson(delivery));
  });

  return router;
}
