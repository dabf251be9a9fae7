import { z } from 'zod';
import type { SameType } from './same-type.js';

// Webhooks (gateway, administrators): the event types a subscription may ask for, the bodies of
// `POST /auth/webhooks`, the services' event feed the gateway reads, and what a receiver gets.
// Browser-safe: no node imports.

/** Every event a receiver may subscribe to, in the contract's order. */
export const webhookEventTypes = [
  'automobile.created',
  'automobile.sold',
  'automobile.unsold',
  'appointment.created',
  'appointment.canceled',
  'appointment.finished',
  'sale.created',
  'sale.voided',
  'repair_order.estimate_sent',
  'repair_order.approved',
  'repair_order.ready',
  'repair_order.invoiced',
  'repair_order.closed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What "send test event" delivers: to one subscription only, whatever events it asked for. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** A receiver's address: checked for its scheme here, for where it points at the gateway. */
export const webhookCreateBody = z.object({
  url: z
    .string({ error: 'Enter the receiver URL' })
    .trim()
    .max(2000, 'A receiver URL has at most 2,000 characters')
    .pipe(z.url({ protocol: /^https?$/, error: 'A receiver URL must be an http(s) URL' })),
  events: z
    .array(z.enum(webhookEventTypes, { error: `An event is one of ${webhookEventTypes.join(', ')}` }), {
      error: 'List the events to send, e.g. ["sale.created"]',
    })
    .min(1, 'List at least one event')
    .transform((events) => [...new Set(events)]),
});
export type WebhookCreate = z.infer<typeof webhookCreateBody>;

/** A subscription as listed (the secret is answered once, by the create). */
export interface Webhook {
  id: number;
  url: string;
  events: WebhookEventType[];
  created_at: string;
}

/** `pending` (waiting for its next try), `delivered` (a 2xx), `failed` (given up after the retry window). */
export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface WebhookDelivery {
  event_id: string;
  type: string;
  /** When the event happened. */
  at: string;
  status: DeliveryStatus;
  /** The receiver's last answer; null when it never answered (refused, timed out, down). */
  response_status: number | null;
  attempts: number;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  /** Why the last try failed, in words (never the receiver's body). */
  last_error: string | null;
}

/** The body a receiver gets; the signature covers its exact bytes. */
export interface WebhookPayload {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

/** One entry of a service's event feed (`GET /api/events/`, the gateway's credential only). */
export const eventFeedEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  entity: z.string(),
  entity_id: z.string(),
  created_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type EventFeedEntry = z.infer<typeof eventFeedEntrySchema>;

/** A page of the feed; `next` is the `after` of the following request. */
export const eventFeedPageSchema = z.object({ events: z.array(eventFeedEntrySchema), next: z.number().int() });
export type EventFeedPage = z.infer<typeof eventFeedPageSchema>;

/**
 * The feed as every service answers it (common/src/events/feed.ts): the same page, strict, for the
 * answer check of the API tests. The gateway reads with the looser schema above.
 */
export const eventFeedPageAnswerSchema = z.strictObject({
  events: z.array(eventFeedEntrySchema.extend({ created_at: z.iso.datetime() }).strict()),
  next: z.number().int(),
});

// The answers of `/auth/webhooks` as strict zod schemas, for the gateway's route table
// (./gateway-routes.ts) and the gateway's API tests' answer check (testing/src/response-check.ts),
// each held identical to its interface by a `SameType` line.

const recordId = z.number().int();
/** An instant as the gateway writes it (`Date.toISOString()`): ISO 8601 in UTC. */
const instant = z.iso.datetime({ offset: true });

export const webhookSchema = z.strictObject({
  id: recordId,
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  created_at: instant,
});
true satisfies SameType<z.infer<typeof webhookSchema>, Webhook>;

/** `GET /auth/webhooks`. */
export interface WebhookList {
  webhooks: Webhook[];
}
export const webhookListSchema = z.strictObject({ webhooks: z.array(webhookSchema) });
true satisfies SameType<z.infer<typeof webhookListSchema>, WebhookList>;

/** `POST /auth/webhooks`'s answer: the only time the signing secret is ever shown. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() });
true satisfies SameType<z.infer<typeof createdWebhookSchema>, CreatedWebhook>;

export const webhookDeliverySchema = z.strictObject({
  event_id: z.string(),
  type: z.string(),
  at: instant,
  status: z.enum(deliveryStatuses),
  response_status: z.number().int().nullable(),
  attempts: z.number().int(),
  last_attempt_at: instant.nullable(),
  next_attempt_at: instant.nullable(),
  last_error: z.string().nullable(),
});
true satisfies SameType<z.infer<typeof webhookDeliverySchema>, WebhookDelivery>;

/** One try of a delivery, as the deliveries list shows it. */
export interface WebhookAttempt {
  at: string;
  /** The receiver's answer; null when it never answered. */
  response_status: number | null;
  /** Why the try failed, in words; null when it did not. */
  error: string | null;
  duration_ms: number;
}
export const webhookAttemptSchema = z.strictObject({
  at: instant,
  response_status: z.number().int().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
});
true satisfies SameType<z.infer<typeof webhookAttemptSchema>, WebhookAttempt>;

/** A delivery as `GET /auth/webhooks/:id/deliveries` lists it: with its tries. */
export interface WebhookDeliveryWithAttempts extends WebhookDelivery {
  attempt_log: WebhookAttempt[];
}
export const webhookDeliveryWithAttemptsSchema = webhookDeliverySchema.extend({
  attempt_log: z.array(webhookAttemptSchema),
});
true satisfies SameType<z.infer<typeof webhookDeliveryWithAttemptsSchema>, WebhookDeliveryWithAttempts>;

/** `GET /auth/webhooks/:id/deliveries`: the newest deliveries first. */
export interface WebhookDeliveryList {
  deliveries: WebhookDeliveryWithAttempts[];
}
export const webhookDeliveryListSchema = z.strictObject({ deliveries: z.array(webhookDeliveryWithAttemptsSchema) });
true satisfies SameType<z.infer<typeof webhookDeliveryListSchema>, WebhookDeliveryList>;

/** `POST /auth/webhooks/:id/test`'s answer (202): the test event queued. */
export interface WebhookTestQueued {
  event_id: string;
  type: typeof WEBHOOK_TEST_EVENT;
}
export const webhookTestQueuedSchema = z.strictObject({ event_id: z.string(), type: z.literal(WEBHOOK_TEST_EVENT) });
true satisfies SameType<z.infer<typeof webhookTestQueuedSchema>, WebhookTestQueued>;
