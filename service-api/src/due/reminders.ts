import type { DueCar } from '@carcar/common/contract/service';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import type { Logger } from '@carcar/common/service/logger';
import { sql } from 'drizzle-orm';
import { queueEmail } from '../db/mail.js';
import { repairOrders } from '../db/schema.js';
import { dueForService } from './due-for-service.js';

// Due-for-service reminders by email (docs/email.md). Which cars are due is the due-for-service
// list's answer. The address is the customer email on the car's latest repair order that has one:
// appointments carry only a name, and service reads no other service's tables (sales' customers
// are sales' own), so a car that never came in with an email is not mailed.

export interface ReminderRun {
  /** Reminders queued this run. */
  queued: number;
  /** Due cars whose address unsubscribed (recorded `skipped` once per due date). */
  unsubscribed: number;
  /** Due cars with no customer email on any repair order. */
  noAddress: number;
}

/** One reminder per car per due date: the key the outbox refuses to queue twice. */
export function reminderKey(car: Pick<DueCar, 'vin' | 'due_since'>): string {
  return `due_reminder:${car.vin}:${car.due_since ?? 'sold'}`;
}

function describeCar(car: DueCar): string {
  return car.car ? `${car.car.year} ${car.car.manufacturer} ${car.car.model}`.trim() : 'car';
}

function reminderText(car: DueCar, name: string | null): string {
  const vehicle = describeCar(car);
  const why =
    car.kind === 'canceled'
      ? `Your service appointment for your ${vehicle} was canceled and nothing has been booked since.`
      : car.kind === 'sold_not_serviced'
        ? `Your ${vehicle} has not been in for service since you bought it.`
        : `It has been a while since your ${vehicle} was last serviced with us.`;
  return [
    `Hello${name ? ` ${name}` : ''},`,
    '',
    why,
    `It is due for service (VIN ${car.vin}). Call or reply to book a visit at a time that suits you.`,
    '',
    'The service department',
  ].join('\n');
}

/**
 * The reminder job: queues a reminder for every due car with a known address, once per due date.
 * Idempotent: a second run queues nothing for the same cars and due dates, and an address that
 * unsubscribed is never mailed.
 */
export function dueReminders(db: Db, months: number) {
  const due = dueForService(db, months);

  async function addresses(vins: string[]): Promise<Map<string, { email: string; name: string }>> {
    if (vins.length === 0) return new Map();
    const r = repairOrders;
    const rows = await queryRows<{ vin: string; email: string; name: string }>(
      db,
      sql`select distinct on (${r.vin}) ${r.vin} as vin, ${r.customerEmail} as email, ${r.customerName} as name
          from ${r}
          where ${r.customerEmail} is not null and ${r.customerEmail} <> ''
            and ${r.vin} in (${sql.join(
              vins.map((vin) => sql`${vin}`),
              sql`, `,
            )})
          order by ${r.vin}, ${r.id} desc`,
    );
    return new Map(rows.map((row) => [row.vin, { email: row.email, name: row.name }]));
  }

  return {
    async run(): Promise<ReminderRun> {
      const { items } = await due.list({ offset: 0, limit: undefined, kind: undefined, months: undefined });
      const found = await addresses(items.map((car) => car.vin));
      const result: ReminderRun = { queued: 0, unsubscribed: 0, noAddress: 0 };
      for (const car of items) {
        const to = found.get(car.vin);
        if (!to) {
          result.noAddress += 1;
          continue;
        }
        const outcome = await queueEmail(db, {
          to: to.email,
          subject: `Your ${describeCar(car)} is due for service`,
          text: reminderText(car, to.name || car.customer),
          kind: 'due_reminder',
          dedupeKey: reminderKey(car),
          unsubscribable: true,
        });
        if (outcome === 'queued') result.queued += 1;
        if (outcome === 'unsubscribed') result.unsubscribed += 1;
      }
      return result;
    },
  };
}

/** Runs the job every `intervalMinutes` (the first run a minute after start); 0 never runs it. */
export function startReminderJob(job: ReturnType<typeof dueReminders>, intervalMinutes: number, logger: Logger) {
  if (intervalMinutes <= 0) return { stop: () => undefined };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = (delay: number) => {
    timer = setTimeout(() => {
      job
        .run()
        .then((run) => {
          if (run.queued > 0) logger.info(run, 'due-for-service reminders queued');
        })
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'due-for-service reminders failed; trying at the next run'),
        )
        .finally(() => {
          if (!stopped) tick(intervalMinutes * 60_000);
        });
    }, delay);
    timer.unref();
  };
  tick(60_000);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
