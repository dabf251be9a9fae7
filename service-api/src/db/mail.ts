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

/** What the repair-order emails need of an order. */
interface OrderContact {
  id: number;
  vin: string;
  customerName: string;
  customerEmail: string | null;
}

/**
 * "Your car is ready", queued in the transaction that moves the order to `ready`; nothing when the
 * order has no customer email.
 */
export async function queueCarReady(tx: Db, order: OrderContact): Promise<void> {
  if (!order.customerEmail) return;
  await queueEmail(tx, {
    to: order.customerEmail,
    subject: `Your car is ready (repair order ${order.id})`,
    text: [
      `Hello ${order.customerName},`,
      '',
      `The work on your car (VIN ${order.vin}, repair order ${order.id}) is done and it is ready to be picked up.`,
      '',
      'The service department',
    ].join('\n'),
    kind: 'car_ready',
  });
}

/**
 * The customer's approval link, queued in the transaction that sends the estimate; nothing when the
 * order has no customer email. The body (with the link's token) is kept only until it is sent.
 */
export async function queueApprovalLink(tx: Db, order: OrderContact, url: string, expiresAt: Date): Promise<void> {
  if (!order.customerEmail) return;
  await queueEmail(tx, {
    to: order.customerEmail,
    subject: `Your estimate for repair order ${order.id}`,
    text: [
      `Hello ${order.customerName},`,
      '',
      `Your estimate for your car (VIN ${order.vin}) is ready. Review it and approve or decline each item here:`,
      url,
      '',
      `The link works until ${expiresAt.toUTCString()}.`,
      '',
      'The service department',
    ].join('\n'),
    kind: 'approval_link',
  });
}
