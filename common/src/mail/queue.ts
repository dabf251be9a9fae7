import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/statements.js';
import type { MailTables } from './table.js';

export interface NewEmail {
  to: string;
  subject: string;
  /** Plain text. An unsubscribable email gets its unsubscribe link appended when it is sent. */
  text: string;
  /** What caused it: `due_reminder`, `car_ready`, `approval_link`. */
  kind: string;
  /** One email per cause: a second email with the same key is not queued (see `queueEmail`). */
  dedupeKey?: string | undefined;
  /** Carries an unsubscribe link (reminders): every reminder must. */
  unsubscribable?: boolean | undefined;
}

export type QueueResult = 'queued' | 'unsubscribed' | 'duplicate';

/** The unsubscribe token's stored form. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Queues one email. Pass the cause's transaction as `tx`, so the email is queued if and only if
 * the cause commits (the outbox); the sender (./sender.ts) sends it afterwards.
 *
 * An address that unsubscribed is never mailed: the email is recorded as `skipped` instead, so the
 * record still says it was due and why it was not sent. With a `dedupeKey` already used, nothing is
 * added (`duplicate`): a job that runs again queues nothing twice.
 */
export async function queueEmail(tx: Db, tables: MailTables, email: NewEmail): Promise<QueueResult> {
  const { emails, unsubscribes } = tables;
  const to = email.to.trim();
  const rows = await queryRows<{ status: string }>(
    tx,
    sql`
    insert into ${emails} (${sql.identifier('to')}, subject, body, kind, dedupe_key, unsubscribable, status, note)
    select ${to}, ${email.subject.slice(0, 300)}, case when u.email is null then ${email.text} end, ${email.kind},
      ${email.dedupeKey ?? null},
      ${email.unsubscribable ?? false}::boolean,
      case when u.email is null then 'queued' else 'skipped' end,
      case when u.email is null then null else 'The address unsubscribed: nothing was sent' end
    from (select 1) one
    left join ${unsubscribes} u on u.email = lower(${to}::text)
    on conflict (dedupe_key) do nothing
    returning status`,
  );
  const row = rows[0];
  if (!row) return 'duplicate';
  return row.status === 'queued' ? 'queued' : 'unsubscribed';
}
