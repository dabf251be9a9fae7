import type { Db } from '@carcar/common/db/database';
import { type NewEmail, type QueueResult, queueEmail as queueInto } from '@carcar/common/mail/queue';
import type { MailTables } from '@carcar/common/mail/table';
import { emails, emailUnsubscribes } from './schema.js';

/** Service's outbox and unsubscribe list (docs/email.md). */
export const mailTables: MailTables = { emails, unsubscribes: emailUnsubscribes };

/**
 * Queues an email from service. Pass the cause's transaction as `tx` (the estimate being sent, the
 * order turning ready), so the email goes if and only if the change commits; the sender mails it
 * afterwards. An unsubscribed address is recorded `skipped`, never mailed.
 */
export function queueEmail(tx: Db, email: NewEmail): Promise<QueueResult> {
  return queueInto(tx, mailTables, email);
}
