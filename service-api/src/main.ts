import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { smtpTransport, startMailSender } from '@carcar/common/mail/sender';
import { runService } from '@carcar/common/service/run';
import { pollInventory } from '@carcar/common/sync/poller';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createApp } from './app.js';
import { serviceAutomobileStore } from './automobiles/store.js';
import { serviceApiEnv } from './config.js';
import { mailTables } from './db/mail.js';
import { dueReminders, startReminderJob } from './due/reminders.js';

await runService({
  name: 'service-api',
  schemaName: 'service',
  signsAs: 'service-api',
  env: serviceApiEnv,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  pgliteExtensions: { btree_gist },
  start: (context) => {
    const { config, logger, database, http, access } = context;
    const poller = pollInventory('service', serviceAutomobileStore(database.db), context);
    const app = createApp({
      db: database.db,
      logger,
      http,
      access,
      timezone: config.TIMEZONE,
      serviceDueMonths: config.SERVICE_DUE_MONTHS,
      publicUrl: config.CARCAR_PUBLIC_URL,
      photosDir: config.PHOTOS_DIR ?? path.join(config.DATA_DIR, 'photos'),
      syncStatus: poller.status,
    });
    // Email (docs/email.md): the sender works through the outbox; without SMTP_URL it records each email skipped.
    const mail = startMailSender({
      db: database.db,
      tables: mailTables,
      transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : undefined,
      from: config.MAIL_FROM,
      publicUrl: config.CARCAR_PUBLIC_URL,
      logger,
    });
    mail.start();
    const reminders = startReminderJob(
      dueReminders(database.db, config.SERVICE_DUE_MONTHS),
      config.REMINDER_INTERVAL_MINUTES,
      logger,
    );
    return { app, stopping: [() => poller.stop(), () => reminders.stop(), () => mail.stop()] };
  },
});
