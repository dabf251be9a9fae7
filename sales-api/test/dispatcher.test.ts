import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SoldBatch } from '@carcar/common/contract/feed';
import { queryRows } from '@carcar/common/db/statements';
import { createLogger } from '@carcar/common/service/logger';
import { sampleVin } from '@carcar/common/vin/vin';
import { openTestDatabase } from '@carcar/testing/database';
import { until } from '@carcar/testing/processes';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/schema.js';
import { type Dispatcher, startDispatcher } from '../src/outbox/dispatcher.js';
import { migrationsFolder } from './helpers.js';

// The outbox dispatcher against a stand-in inventory on a real HTTP port, which records every
// request and answers as it is told.

interface Received {
  method: string;
  path: string;
  body: unknown;
}

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let dispatcher: Dispatcher | undefined;
let server: http.Server;
let received: Received[];
/**
 * What the stand-in answers: a status; for sold batches the VINs it has no car for, for trade-in
 * batches the ones it refuses; and, when given, another status for each batch route.
 */
let answer: {
  status: number;
  missing?: string[];
  batchStatus?: number;
  refused?: string[];
  tradeInBatchStatus?: number;
};

beforeEach(async () => {
  database = await openTestDatabase({ schemaName: 'sales', migrationsFolder });
  received = [];
  answer = { status: 200 };
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', body: JSON.parse(text || 'null') });
      const status =
        req.url === '/api/automobiles/sold/'
          ? (answer.batchStatus ?? answer.status)
          : req.url === '/api/automobiles/trade-ins/batch/'
            ? (answer.tradeInBatchStatus ?? answer.status)
            : answer.status;
      res.writeHead(status, { 'content-type': 'application/json' });
      const refused = (answer.refused ?? []).map((vin) => ({ vin, message: `${vin} is in stock and unsold` }));
      res.end(JSON.stringify({ updated: 0, missing: answer.missing ?? [], received: [], refused }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = undefined;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

function start(): Dispatcher {
  dispatcher = startDispatcher({
    db: database.db,
    inventoryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credential: async () => 'test-credential',
    logger: createLogger('dispatcher-test', 'silent'),
    maxBackoffMs: 100,
    idleMs: 50,
  });
  return dispatcher;
}

/** Rows queued as sales and voids write them, oldest first. */
async function queue(rows: Array<{ vin: string; sold: boolean }>): Promise<void> {
  await database.db.insert(outbox).values(rows);
}

async function pending(): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(database.db, sql`select count(*) as n from ${outbox}`);
  return Number(row?.n);
}

const batches = () => received.filter((request) => request.path === '/api/automobiles/sold/' && answer.status === 200);

describe('the outbox dispatcher', () => {
  it('delivers a backlog queued while inventory was down in batches of at most 500, each car once', async () => {
    const vins = Array.from({ length: 1_200 }, (_, i) => sampleVin(20_000 + i));
    answer = { status: 503 };
    await queue(vins.map((vin) => ({ vin, sold: true })));
    start();
    await until('a batch was refused', async () => received.length > 0, 5_000);
    expect(await pending()).toBe(1_200);

    received = [];
    answer = { status: 200 };
    await until('the outbox is empty', async () => (await pending()) === 0, 20_000);
    const sent = received.map((request) => (request.body as SoldBatch).automobiles);
    expect(received.every((request) => request.method === 'POST' && request.path === '/api/automobiles/sold/')).toBe(
      true,
    );
    expect(sent.every((batch) => batch.length <= 500)).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(4);
    // Oldest first, every car exactly once.
    expect(sent.flat().map((car) => car.vin)).toEqual(vins);
  });

  it('takes only the head of each VIN’s line: a void follows its sale in a later batch', async () => {
    const [a, b, c] = [sampleVin(21_001), sampleVin(21_002), sampleVin(21_003)];
    await queue([
      { vin: a as string, sold: true },
      { vin: b as string, sold: true },
      { vin: a as string, sold: false },
      { vin: c as string, sold: true },
      { vin: a as string, sold: true },
    ]);
    start();
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    expect(batches().map((request) => (request.body as SoldBatch).automobiles)).toEqual([
      [
        { vin: a, sold: true },
        { vin: b, sold: true },
        { vin: c, sold: true },
      ],
      [{ vin: a, sold: false }],
      [{ vin: a, sold: true }],
    ]);
  });

  it('drops the VINs inventory has no car for, and retries nothing it answered', async () => {
    const [kept, gone] = [sampleVin(22_001), sampleVin(22_002)];
    answer = { status: 200, missing: [gone as string] };
    await queue([
      { vin: kept as string, sold: true },
      { vin: gone as string, sold: true },
    ]);
    start();
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    expect(received).toHaveLength(1);
  });

  it('falls back to one PUT per row when inventory has no batch route', async () => {
    const vins = [sampleVin(23_001), sampleVin(23_002)];
    answer = { status: 200, batchStatus: 404 };
    await queue(vins.map((vin) => ({ vin, sold: true })));
    start();
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    expect(
      received.filter((request) => request.method === 'PUT').map((request) => [request.path, request.body]),
    ).toEqual(vins.map((vin) => [`/api/automobiles/${vin}/`, { sold: true }]));
  });

  it('sends the trade-ins in one batch and a removal on its own, in order for the VIN, retrying while inventory is down', async () => {
    const [car, traded] = [sampleVin(24_001), sampleVin(24_002)] as [string, string];
    const payload = {
      sale_id: 7,
      vin: traded,
      year: 2015,
      make: 'Honda',
      model: 'Civic',
      odometer: 9,
      allowance: '10.00',
    };
    await database.db.insert(outbox).values([
      { vin: car, sold: true },
      { vin: traded, kind: 'trade_in', payload },
      { vin: car, sold: false },
      { vin: traded, kind: 'trade_in_remove', payload: { sale_id: 7 } },
    ]);
    answer = { status: 503 };
    start();
    await until('inventory refused', async () => received.length >= 2, 5_000);
    expect(await pending()).toBe(4);
    received = [];
    answer = { status: 200 };
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    const tradeIns = received.filter((request) => request.path.startsWith('/api/automobiles/trade-ins/'));
    expect(tradeIns.map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', '/api/automobiles/trade-ins/batch/', { trade_ins: [payload] }],
      ['DELETE', `/api/automobiles/trade-ins/${traded}/?sale_id=7`, null],
    ]);
    expect(batches().map((request) => (request.body as SoldBatch).automobiles)).toEqual([
      [{ vin: car, sold: true }],
      [{ vin: car, sold: false }],
    ]);
  });

  it('drops a trade-in inventory refuses for good (in stock and unsold) instead of holding its VIN up', async () => {
    const [refused, taken] = [sampleVin(25_001), sampleVin(25_002)];
    answer = { status: 200, refused: [refused as string] };
    await database.db.insert(outbox).values([
      { vin: refused, kind: 'trade_in', payload: { sale_id: 8, vin: refused } },
      { vin: taken, kind: 'trade_in', payload: { sale_id: 9, vin: taken } },
    ]);
    start();
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    expect(received.map((request) => [request.path, request.body])).toEqual([
      [
        '/api/automobiles/trade-ins/batch/',
        {
          trade_ins: [
            { sale_id: 8, vin: refused },
            { sale_id: 9, vin: taken },
          ],
        },
      ],
    ]);
  });

  it('falls back to one POST per trade-in when inventory has no batch route, dropping one it refuses (409)', async () => {
    const [refused, taken] = [sampleVin(26_001), sampleVin(26_002)];
    answer = { status: 409, tradeInBatchStatus: 404 };
    await database.db.insert(outbox).values([
      { vin: refused, kind: 'trade_in', payload: { sale_id: 10, vin: refused } },
      { vin: taken, kind: 'trade_in', payload: { sale_id: 11, vin: taken } },
    ]);
    start();
    await until('the outbox is empty', async () => (await pending()) === 0, 10_000);
    expect(received.map((request) => [request.method, request.path]).sort()).toEqual([
      ['POST', '/api/automobiles/trade-ins/'],
      ['POST', '/api/automobiles/trade-ins/'],
      ['POST', '/api/automobiles/trade-ins/batch/'],
    ]);
  });
});
