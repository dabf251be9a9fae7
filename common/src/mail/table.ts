import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  type PgSchema,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

// The outbox of emails (docs/email.md): a use case queues an email in the same transaction as its
// cause, and the sender (./sender.ts) sends it later, retrying while the SMTP server is down. Each
// row is also the record managers read: to, subject, when, status, attempts.

/** `queued` until the SMTP server accepts it (`sent`), gives up (`failed`), or nothing is sent (`skipped`). */
export const emailStatuses = ['queued', 'sent', 'failed', 'skipped'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** The emails table of a service's schema. */
export function emailsTable(schema: PgSchema) {
  return schema.table(
    'emails',
    {
      id: bigserial({ mode: 'number' }).primaryKey(),
      to: varchar({ length: 254 }).notNull(),
      subject: varchar({ length: 300 }).notNull(),
      /**
       * The plain-text body, kept only until the email is sent or given up: it may hold a customer's
       * approval link, whose token is otherwise stored only hashed. `null` afterwards.
       */
      body: text(),
      /** What caused it: `due_reminder`, `car_ready`, `approval_link`. */
      kind: varchar({ length: 40 }).notNull(),
      /** One email per cause (a car and its due date): queueing the same key again adds nothing. */
      dedupeKey: varchar('dedupe_key', { length: 200 }).unique(),
      /** Whether the email carries an unsubscribe link (reminders do); its token is made at sending. */
      unsubscribable: boolean().notNull().default(false),
      /** SHA-256 (hex) of the unsubscribe link's token, never the token. */
      unsubscribeTokenHash: char('unsubscribe_token_hash', { length: 64 }).unique(),
      status: varchar({ length: 10 }).$type<EmailStatus>().notNull().default('queued'),
      attempts: integer().notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
      /** While a sender is sending it: no other sender takes it before then (a crashed one's lapses). */
      leaseUntil: timestamp('lease_until', { withTimezone: true }),
      /** Why the last attempt failed, or why it was skipped; never a secret. */
      note: varchar({ length: 500 }),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      sentAt: timestamp('sent_at', { withTimezone: true }),
    },
    (t) => [
      check('emails_status_check', sql`${t.status} in ('queued', 'sent', 'failed', 'skipped')`),
      index('emails_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
      index('emails_to_idx').on(sql`lower(${t.to})`),
    ],
  );
}

/** Addresses that asked for no more email, lowercased: never mailed again. */
export function unsubscribesTable(schema: PgSchema) {
  return schema.table('email_unsubscribes', {
    email: varchar({ length: 254 }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  });
}

export type EmailsTable = ReturnType<typeof emailsTable>;
export type UnsubscribesTable = ReturnType<typeof unsubscribesTable>;

export interface MailTables {
  emails: EmailsTable;
  unsubscribes: UnsubscribesTable;
}
