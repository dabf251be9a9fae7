import { once } from 'node:events';
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { audited } from '@carcar/common/db/audit';
import { type MailSenderOptions, smtpTransport, startMailSender } from '@carcar/common/mail/sender';
import { createLogger } from '@carcar/common/service/logger';
import { asGateway } from '@carcar/testing/credentials';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../gateway/test/helpers.js';
import { mailTables, queueEmail } from '../src/db/mail.js';
import { appointments, emails, repairOrders } from '../src/db/schema.js';
import { dueReminders } from '../src/due/reminders.js';
import { addTechnician, type ServiceApi, startServiceApi } from './helpers.js';

// Email against a real SMTP server (smtp-server, in this process, on a loopback port): the
// due-for-service reminder job queues, the sender sends through nodemailer, the customer's
// unsubscribe link is opened through a real gateway in front of this service over HTTP.

interface Received {
  to: string[];
  raw: string;
}

/** An SMTP server that keeps what it is given. */
async function smtpServer(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const address = server.server.address() as AddressInfo;
  return {
    received,
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The unsubscribe link of a message, from its List-Unsubscribe header (unfolded). */
function unsubscribeLink(raw: string): string {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  const found = /^List-Unsubscribe: <([^>]+)>/im.exec(unfolded)?.[1];
  if (!found) throw new Error(`no List-Unsubscribe header in:\n${raw.slice(0, 500)}`);
  return found;
}

/** A message's plain-text body, quoted-printable soft breaks undone. */
function bodyOf(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const logger = createLogger('email-test', 'silent');

/**
 * The service's mail sender on the test database, sending through `transport` (undefined: it records
 * each email skipped), from service@dealer.test unless `more` says otherwise.
 */
function mailSender(transport: MailSenderOptions['transport'], more: Partial<MailSenderOptions> = {}) {
  return startMailSender({
    db: svc.db,
    tables: mailTables,
    transport,
    from: 'service@dealer.test',
    publicUrl: 'http://localhost:3000',
    logger,
    ...more,
  });
}
const DAY = 86_400_000;
const vin = (n: number) => `MAIL${String(n).padStart(13, '0')}`;

let svc: ServiceApi;
let technician: number;
let serviceServer: Server;
let gw: TestGateway;

const setup = { actor: { service: 'service-api' as const }, request_id: 'test' };

/** A car last serviced 200 days ago (due: older than six months), and a repair order giving its customer's email. */
async function dueCar(car: string, email: string | null, name = 'Grace Hopper') {
  const when = new Date(Date.now() - 200 * DAY - Math.floor(Math.random() * 1000) * 60_000);
  await audited(svc.db, setup, (tx) =>
    tx.insert(appointments).values({
      dateTime: when,
      durationMinutes: 15,
      endsAt: new Date(when.getTime() + 15 * 60_000),
      reason: 'Oil change',
      status: 'finished',
      vin: car,
      customer: name,
      technicianId: technician,
      createdAt: when,
    }),
  );
  await audited(svc.db, setup, (tx) =>
    tx.insert(repairOrders).values({
      vin: car,
      customerName: name,
      customerEmail: email,
      mileage: 40_000,
      concern: 'Oil change',
      status: 'closed',
    }),
  );
}

const recordsTo = (address: string) =>
  svc.db
    .select()
    .from(emails)
    .where(eq(sql`lower(${emails.to})`, address));

beforeAll(async () => {
  svc = await startServiceApi();
  technician = (await addTechnician(svc)).id;
  serviceServer = svc.app.listen(0, '127.0.0.1');
  await once(serviceServer, 'listening');
  gw = await startGateway({ SERVICE_API_URL: `http://127.0.0.1:${(serviceServer.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await gw?.close();
  serviceServer?.closeAllConnections();
  await new Promise((resolve) => serviceServer?.close(resolve));
  await svc?.close();
});

describe('due-for-service reminders', () => {
  it('reach the SMTP server once, with an unsubscribe link that works without signing in, and never again', async () => {
    const smtp = await smtpServer();
    const sender = mailSender(smtpTransport(smtp.url), { from: 'CarCar Service <service@dealer.test>' });
    try {
      await dueCar(vin(1), 'Grace@Example.test');
      await dueCar(vin(2), null, 'No Email');
      const job = dueReminders(svc.db, 6);
      const first = await job.run();
      expect(first.queued).toBe(1);
      expect(first.noAddress).toBeGreaterThanOrEqual(1);
      expect(await sender.runOnce()).toBe(1);

      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      // The SMTP server lowercases the domain of the envelope's address.
      expect(message?.to.map((to) => to.toLowerCase())).toEqual(['grace@example.test']);
      expect(message?.raw).toMatch(/^Subject: Your car is due for service/m);
      expect(message?.raw).toMatch(/^From: CarCar Service <service@dealer.test>/m);
      const link = unsubscribeLink(message?.raw ?? '');
      expect(link).toMatch(/^http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
      expect(bodyOf(message?.raw ?? '')).toContain(link);
      expect(bodyOf(message?.raw ?? '')).toContain(vin(1));

      const [record] = await recordsTo('grace@example.test');
      expect(record).toMatchObject({ status: 'sent', attempts: 1, kind: 'due_reminder', body: null });
      // The token is stored hashed, never as it is in the link.
      const token = link.split('/').at(-1) ?? '';
      expect(record?.unsubscribeTokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(record)).not.toContain(token);

      // The next run queues nothing: one reminder per car per due date.
      expect((await job.run()).queued).toBe(0);
      expect(await sender.runOnce()).toBe(0);

      // The customer opens the link: through the gateway, signed in nowhere.
      const path = new URL(link).pathname;
      const page = await request(gw.app).get(path).expect(200);
      expect(page.text).toContain('You are unsubscribed');
      // Twice is harmless; a made-up token is not ours.
      await request(gw.app).get(path).expect(200);
      await request(gw.app)
        .get(`/unsubscribe/${'x'.repeat(43)}`)
        .expect(404);
      await request(gw.app).get('/unsubscribe/short').expect(404);

      // Another of their cars falls due: recorded as skipped, never mailed.
      await dueCar(vin(3), 'grace@example.test');
      const later = await job.run();
      expect(later).toMatchObject({ queued: 0, unsubscribed: 1 });
      expect(await sender.runOnce()).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const records = await recordsTo('grace@example.test');
      expect(records.map((r) => r.status).sort()).toEqual(['sent', 'skipped']);
      expect(records.find((r) => r.status === 'skipped')?.note).toBe('The address unsubscribed: nothing was sent');
      // And the job after that adds nothing more.
      expect(await job.run()).toMatchObject({ queued: 0, unsubscribed: 0 });
    } finally {
      await sender.stop();
      await smtp.close();
    }
  });

  it('are unsubscribed by one-click POST too, and only with the gateway’s credential at service', async () => {
    await svc
      .api('manager')
      .post(`/public/unsubscribe/${'a'.repeat(43)}/`)
      .expect(403);
    await request(svc.app)
      .post(`/public/unsubscribe/${'a'.repeat(43)}/`)
      .set(await asGateway('service-api'))
      .expect(404);
    await request(gw.app)
      .post(`/unsubscribe/${'a'.repeat(43)}`)
      .expect(404);
  });
});

describe('the sender', () => {
  it('retries while the SMTP server is down and sends once it is up, once', async () => {
    // The server is down: its port is held by a listener that hangs up on every connection, so the
    // sender fails to connect and no other test's server can take the port while this one waits
    // (a port merely freed was once reused by a parallel test, which the sender then reached).
    const down = createServer((socket) => socket.destroy());
    down.listen(0, '127.0.0.1');
    await once(down, 'listening');
    const port = (down.address() as AddressInfo).port;
    const sender = mailSender(smtpTransport(`smtp://127.0.0.1:${port}`), { backoffMs: 200 });
    try {
      await svc.db.transaction((tx) =>
        queueEmail(tx, {
          to: 'down@example.test',
          subject: 'Your car is ready',
          text: 'Come and get it',
          kind: 'car_ready',
        }),
      );
      expect(await sender.runOnce()).toBe(1);
      const [failed] = await recordsTo('down@example.test');
      expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
      expect(failed?.note).toMatch(/ECONNREFUSED|connect/i);
      // Not before its backoff.
      expect(await sender.runOnce()).toBe(0);

      await new Promise<void>((resolve) => down.close(() => resolve()));
      const smtp = await smtpServer(port);
      try {
        await new Promise((resolve) => setTimeout(resolve, 250));
        expect(await sender.runOnce()).toBe(1);
        expect(await sender.runOnce()).toBe(0);
        expect(smtp.received.filter((m) => m.to.includes('down@example.test'))).toHaveLength(1);
        const [sent] = await recordsTo('down@example.test');
        expect(sent).toMatchObject({ status: 'sent', attempts: 2, note: null, body: null });
        expect(sent?.sentAt).toBeInstanceOf(Date);
        // A ready-car email carries no unsubscribe link.
        expect(smtp.received[0]?.raw).not.toMatch(/List-Unsubscribe/i);
      } finally {
        await smtp.close();
      }
    } finally {
      await sender.stop();
    }
  });

  it('sends each email once when two senders (two replicas) work the same outbox at once', async () => {
    const smtp = await smtpServer();
    const senders = [1, 2].map(() => mailSender(smtpTransport(smtp.url)));
    try {
      const addresses = [1, 2, 3, 4, 5, 6].map((n) => `pair${n}@example.test`);
      for (const to of addresses) {
        await svc.db.transaction((tx) => queueEmail(tx, { to, subject: 'Ready', text: 'Come', kind: 'car_ready' }));
      }
      const handled = await Promise.all(senders.map((sender) => sender.runOnce()));
      expect(handled.reduce((sum, count) => sum + count, 0)).toBe(addresses.length);
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(addresses.sort());
      for (const to of addresses) expect((await recordsTo(to))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await Promise.all(senders.map((sender) => sender.stop()));
      await smtp.close();
    }
  });

  it('records every email skipped without SMTP_URL, and sends nothing', async () => {
    const sender = mailSender(undefined);
    await svc.db.transaction((tx) =>
      queueEmail(tx, { to: 'nosmtp@example.test', subject: 'Your car is ready', text: 'Come', kind: 'car_ready' }),
    );
    expect(await sender.runOnce()).toBe(1);
    const [record] = await recordsTo('nosmtp@example.test');
    expect(record).toMatchObject({ status: 'skipped', note: 'SMTP_URL is not set: nothing was sent', body: null });
    await sender.stop();
  });

  it('queues nothing when the cause’s transaction rolls back', async () => {
    await expect(
      svc.db.transaction(async (tx) => {
        await queueEmail(tx, { to: 'rollback@example.test', subject: 'x', text: 'y', kind: 'car_ready' });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await recordsTo('rollback@example.test')).toEqual([]);
  });
});

describe('repair orders', () => {
  it('mail the approval link when the estimate is sent, and "your car is ready" when the work is done', async () => {
    const smtp = await smtpServer();
    const sender = mailSender(smtpTransport(smtp.url));
    try {
      const order = (
        await svc
          .api('service')
          .post('/api/repair-orders/')
          .send({
            vin: '1C3CC5FB2AN120174',
            customer: { name: 'Ro Customer', email: 'ro@example.test' },
            mileage: 1_000,
            concern: 'Squeak',
          })
          .expect(201)
      ).body as { id: number };
      const line = (
        await svc
          .api('service')
          .post(`/api/repair-orders/${order.id}/lines/`)
          .send({ kind: 'fee', description: 'Diagnosis', unit_price: 50 })
          .expect(201)
      ).body as { id: number };
      const estimate = await svc.api('service').post(`/api/repair-orders/${order.id}/estimate/`).expect(200);
      const link = String(estimate.body.approval_url);
      expect(await sender.runOnce()).toBe(1);
      const [approvalMail] = smtp.received;
      expect(approvalMail?.raw).toMatch(/^Subject: Your estimate for repair order/m);
      expect(bodyOf(approvalMail?.raw ?? '')).toContain(link);
      // Sent: the body, and with it the link's token, is no longer stored.
      const [approvalRecord] = await recordsTo('ro@example.test');
      expect(approvalRecord).toMatchObject({ kind: 'approval_link', status: 'sent', body: null });
      expect(approvalMail?.raw).not.toMatch(/List-Unsubscribe/i);

      await svc
        .api('service')
        .post(`/api/repair-orders/${order.id}/approvals/`)
        .send({ decisions: [{ line: line.id, approved: true }], name: 'Ro Customer', method: 'phone' })
        .expect(200);
      await svc.api('service').post(`/api/repair-orders/${order.id}/lines/${line.id}/done/`).expect(200);
      expect((await svc.api('service').get(`/api/repair-orders/${order.id}/`)).body.status).toBe('ready');
      expect(await sender.runOnce()).toBe(1);
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[1]?.raw).toMatch(/^Subject: Your car is ready/m);
      expect((await recordsTo('ro@example.test')).map((r) => r.kind).sort()).toEqual(['approval_link', 'car_ready']);

      // No customer email: no email, and the estimate is sent all the same.
      const silent = (
        await svc
          .api('service')
          .post('/api/repair-orders/')
          .send({ vin: '1C3CC5FB2AN120174', customer: { name: 'No Mail' }, mileage: 1_000, concern: 'Rattle' })
          .expect(201)
      ).body as { id: number };
      await svc.api('service').post(`/api/repair-orders/${silent.id}/estimate/`).expect(200);
      expect(await sender.runOnce()).toBe(0);
    } finally {
      await sender.stop();
      await smtp.close();
    }
  });
});

describe('GET /api/emails/', () => {
  it('shows managers the record, newest first, paged, and no one else', async () => {
    const res = await svc.api('manager').get('/api/emails/?limit=2').expect(200);
    expect(Number(res.headers['x-total-count'])).toBeGreaterThanOrEqual(4);
    expect(res.body.emails).toHaveLength(2);
    const [newest] = res.body.emails;
    expect(Object.keys(newest).sort()).toEqual(
      ['at', 'attempts', 'id', 'kind', 'note', 'sent_at', 'status', 'subject', 'to'].sort(),
    );
    expect(res.body.emails[0].id).toBeGreaterThan(res.body.emails[1].id);
    const skipped = await svc.api('admin').get('/api/emails?status=skipped&to=NOSMTP@example.test').expect(200);
    expect(skipped.body.emails).toEqual([expect.objectContaining({ to: 'nosmtp@example.test', status: 'skipped' })]);
    await svc.api('service').get('/api/emails/').expect(403);
    await svc.api('manager').get('/api/emails/?status=lost').expect(400);
  });
});
