import { roles } from '@carcar/common/contract/permissions';
import { auditLogTable } from '@carcar/common/db/audit';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const identity = pgSchema('identity');

/** A role column holds one of the roles of the permission table (constants, so `sql.raw` is safe). */
const roleCheck = sql.raw(`role in (${roles.map((role) => `'${role}'`).join(', ')})`);

export const users = identity.table(
  'users',
  {
    id: serial().primaryKey(),
    email: varchar({ length: 254 }).notNull(),
    name: varchar({ length: 100 }).notNull(),
    role: varchar({ length: 20 }).notNull(),
    /** An argon2id PHC string; never leaves the repository. */
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    disabled: boolean().notNull().default(false),
    technicianId: integer('technician_id'),
    salespersonId: integer('salesperson_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "Ann@Dealer.com" and "ann@dealer.com" are one person signing in.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_role_check', roleCheck),
  ],
);

/**
 * express-session's store. `user_id` is a column (not only inside `data`) so every session of a
 * person ends with one statement when they are disabled; `created_at` bounds a session's whole life.
 */
export const sessions = identity.table(
  'sessions',
  {
    sid: varchar({ length: 255 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb().notNull(),
    /** The idle expiry: pushed forward by each request (rolling). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const apiTokens = identity.table(
  'api_tokens',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 100 }).notNull(),
    role: varchar({ length: 20 }).notNull(),
    /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_created_by_idx').on(t.createdBy), check('api_tokens_role_check', roleCheck)],
);

/**
 * Identity events (accounts, tokens, sign-ins, refusals), appended by the use cases in the same
 * transaction as the change; the custom migration makes it refuse UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = auditLogTable(identity);

/**
 * Webhook subscriptions (docs/architecture.md, "Webhooks"). The signing secret must be read back to
 * sign, so it cannot be hashed: it is kept encrypted (AES-256-GCM, `webhooks/secrets.ts`).
 */
export const webhooks = identity.table('webhooks', {
  id: serial().primaryKey(),
  url: varchar({ length: 2000 }).notNull(),
  events: jsonb().$type<string[]>().notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** How far the gateway has read each service's event feed; moved in the transaction that queues its deliveries. */
export const webhookCursors = identity.table('webhook_cursors', {
  source: varchar({ length: 40 }).primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
});

/**
 * One event for one subscription: queued when the gateway reads the event, tried until a 2xx or
 * `give_up_at`. `order_key` (source, entity, id) with `seq` orders the deliveries of one entity.
 */
export const webhookDeliveries = identity.table(
  'webhook_deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    type: varchar({ length: 60 }).notNull(),
    orderKey: varchar('order_key', { length: 200 }).notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    /** The exact JSON the signature covers; a redelivery sends the same bytes (the same `id`). */
    body: text().notNull(),
    eventAt: timestamp('event_at', { withTimezone: true }).notNull(),
    status: varchar({ length: 10 }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    giveUpAt: timestamp('give_up_at', { withTimezone: true }).notNull(),
    /** A dispatcher holds a claimed delivery until then, so two replicas never send it at once. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    responseStatus: integer('response_status'),
    lastError: varchar('last_error', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_webhook_event_key').on(t.webhookId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_order_idx').on(t.webhookId, t.orderKey, t.seq).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_id_idx').on(t.webhookId, t.id),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

/** Every try of a delivery: when, what the receiver answered, or why it did not. */
export const webhookAttempts = identity.table(
  'webhook_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer('response_status'),
    error: varchar({ length: 500 }),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_id_idx').on(t.deliveryId, t.id)],
);
