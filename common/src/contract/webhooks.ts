import { z } from 'zod';

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
