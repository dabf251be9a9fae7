import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/statements.js';
import type { Logger } from '../service/logger.js';
import { hashToken } from './queue.js';
import type { MailTables } from './table.js';

/** What the sender needs of a transport: nodemailer's `sendMail`. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

/**
 * nodemailer's SMTP transport from `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://...:465`).
 * The timeouts are shorter than the sender's lease, so an attempt always ends before another
 * sender may take the same email.
 */
export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

export interface MailSenderOptions {
  db: Db;
  tables: MailTables;
  /** Unset without SMTP_URL: every queued email is then recorded `skipped`. */
  transport: MailTransport | undefined;
  /** MAIL_FROM. */
  from: string;
  /** CARCAR_PUBLIC_URL: where the unsubscribe link points (`<url>/unsubscribe/<token>`). */
  publicUrl: string;
  logger: Logger;
  /** How often queued emails are looked for. */
  intervalMs?: number;
  /** The first retry's wait; doubled at each failure up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts before an email is given up (`failed`). */
  maxAttempts?: number;
  /** How long one sender holds an email it is sending (longer than any SMTP timeout). */
  leaseMs?: number;
}

interface Claimed {
  id: number;
  to: string;
  subject: string;
  body: string | null;
  unsubscribable: boolean;
  attempts: number;
}

/** A message fit for the record: one line, bounded. SMTP errors name the server's answer, never the password. */
function noteOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 500);
}

/** An SMTP 5xx answer to the message itself (an unknown mailbox): trying again would not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends the queued emails (docs/email.md). One email at a time is claimed: its attempt is counted
 * and a lease taken in one statement (`for update skip locked`, so replicas never take the same
 * one), it is handed to the SMTP server, and only once the server has accepted it is it marked
 * `sent`. A failure leaves it queued for a later attempt, with backoff. So an email is sent at
 * most once after a success; the one window for a second copy is a crash (or a lost database)
 * between the server's acceptance and the `sent` mark, after which the lease lapses and it is
 * sent again.
 */
export function startMailSender(options: MailSenderOptions) {
  const { db, tables, logger } = options;
  const { emails } = tables;
  const intervalMs = options.intervalMs ?? 10_000;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const leaseMs = options.leaseMs ?? 120_000;
  const base = options.publicUrl.replace(/\/+$/, '');
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function skipAll(): Promise<number> {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`update ${emails} set status = 'skipped', body = null,
            note = 'SMTP_URL is not set: nothing was sent'
          where status = 'queued' returning id`,
    );
    return rows.length;
  }

  async function claim(tokenHash: string): Promise<Claimed | undefined> {
    const [row] = await queryRows<Claimed>(
      db,
      sql`update ${emails} e set attempts = e.attempts + 1,
            lease_until = now() + make_interval(secs => ${leaseMs / 1000}::float8),
            unsubscribe_token_hash = case when e.unsubscribable then ${tokenHash}::text end
          where e.id = (
            select id from ${emails}
            where status = 'queued' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
            order by id limit 1 for update skip locked)
          returning e.id, e.${sql.identifier('to')}, e.subject, e.body, e.unsubscribable, e.attempts`,
    );
    return row ? { ...row, id: Number(row.id) } : undefined;
  }

  async function sendOne(transport: MailTransport): Promise<boolean> {
    const token = randomBytes(32).toString('base64url');
    const email = await claim(hashToken(token));
    if (!email) return false;
    const link = `${base}/unsubscribe/${token}`;
    const text = email.unsubscribable
      ? `${email.body ?? ''}\n\n--\nTo get no more reminders at this address, open ${link}\n`
      : (email.body ?? '');
    try {
      await transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text,
        ...(email.unsubscribable
          ? { headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
          : {}),
      });
    } catch (error) {
      const giveUp = isPermanent(error) || email.attempts >= maxAttempts;
      const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (email.attempts - 1));
      await db.execute(
        giveUp
          ? sql`update ${emails} set status = 'failed', body = null, lease_until = null, note = ${noteOf(error)}
                where id = ${email.id}`
          : sql`update ${emails} set lease_until = null, note = ${noteOf(error)},
                  next_attempt_at = now() + make_interval(secs => ${wait / 1000}::float8)
                where id = ${email.id}`,
      );
      logger.warn({ emailId: email.id, attempts: email.attempts, giveUp, err: noteOf(error) }, 'email not sent');
      return true;
    }
    // Accepted by the SMTP server: marked at once. A crash right here is the one duplicate window.
    await db.execute(
      sql`update ${emails} set status = 'sent', sent_at = now(), body = null, lease_until = null, note = null
          where id = ${email.id}`,
    );
    logger.info({ emailId: email.id }, 'email sent');
    return true;
  }

  /** Sends (or skips) every email due now; answers how many it handled. */
  async function round(): Promise<number> {
    if (!options.transport) return skipAll();
    let handled = 0;
    while (!stopped && (await sendOne(options.transport))) handled += 1;
    return handled;
  }

  /** One round at a time: a round asked for while one runs waits for it and runs after. */
  function runOnce(): Promise<number> {
    const previous = running ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(round);
    running = next;
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => logger.warn({ err: error }, 'email sender round failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    /** Starts the timer (tests call `runOnce` themselves). */
    start(): void {
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

export type MailSender = ReturnType<typeof startMailSender>;
