import { inventoryApiUrl, serviceEnv, timeZoneVariable } from '@carcar/common/service/config';
import { z } from 'zod';

export const serviceApiEnv = serviceEnv(8080).extend({
  INVENTORY_API_URL: inventoryApiUrl,
  /** `?date=` means a day on the dealership's wall clock. */
  TIMEZONE: timeZoneVariable,
  /** Due for service: a car whose last finished service is older than this many months (`?months=` overrides). */
  SERVICE_DUE_MONTHS: z.coerce
    .number({ error: 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60' })
    .int('SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .min(1, 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .max(60, 'SERVICE_DUE_MONTHS must be a whole number of months from 1 to 60')
    .default(6),
  /**
   * The gateway's address as customers reach it: a repair order's approval link is
   * `<CARCAR_PUBLIC_URL>/approve/<token>`.
   */
  CARCAR_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'CARCAR_PUBLIC_URL must be an http(s) URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  /**
   * Where inspection photos are kept (docs/photos.md): `<DATA_DIR>/photos` unless set. On Postgres,
   * set it to a volume that is backed up with the database.
   */
  PHOTOS_DIR: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional()),
  /** Where email goes out: `smtp://user:pass@host:587` or `smtps://...`; unset sends nothing (each email is recorded `skipped`). */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
  ),
  /** The From of every email: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .max(254)
    .regex(/@/, 'MAIL_FROM must be an email address, or Name <address>')
    .default('CarCar Service <service@carcar.local>'),
  /** How often the due-for-service reminders run, in minutes; 0 turns them off. */
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number({ error: 'REMINDER_INTERVAL_MINUTES must be a whole number of minutes from 0 to 10080' })
    .int('REMINDER_INTERVAL_MINUTES must be a whole number of minutes from 0 to 10080')
    .min(0, 'REMINDER_INTERVAL_MINUTES must be a whole number of minutes from 0 to 10080')
    .max(10_080, 'REMINDER_INTERVAL_MINUTES must be a whole number of minutes from 0 to 10080')
    .default(60),
});
export type ServiceApiConfig = z.output<typeof serviceApiEnv>;
