import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createHttpApp } from '@carcar/common/http/app';
import { claimDataFolder } from '@carcar/common/service/backup';
import { sampleVin } from '@carcar/common/vin/vin';
import { asRole, testVerifier } from '@carcar/testing/credentials';
import { signIn, spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import { callJson } from '@carcar/testing/http';
import { runServiceToExit, type SpawnedService, spawnService, until } from '@carcar/testing/processes';
import { addInventoryModel, addSalesParties, inventoryDir, type Stack, startStack } from '@carcar/testing/stack';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Operations, with real processes: the probes and /metrics of the services and the gateway, and
// start-up failures that say in one line what went wrong.
const root = fileURLToPath(new URL('../../', import.meta.url));
const METRICS_TOKEN = 'a metrics token for the test';
let stack: Stack<'sales'>;
let gateway: SpawnedService;
const scratch = mkdtempSync(path.join(tmpdir(), 'carcar-ops-'));

/** What the gateway sent to "service-api": a stand-in that records each request's headers. */
const received: IncomingHttpHeaders[] = [];
const recorder = createServer((req, res) => {
  received.push(req.headers);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"technicians":[]}');
});

/** An OTLP/HTTP collector: the spans every process exported (the SDK's exporter sends JSON). */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  links?: Array<{ traceId: string; spanId: string }>;
}
const exported: Array<ExportedSpan & { service: string }> = [];
const collector = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    const payload = JSON.parse(body) as {
      resourceSpans: Array<{
        resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
        scopeSpans: Array<{ spans: ExportedSpan[] }>;
      }>;
    };
    for (const { resource, scopeSpans } of payload.resourceSpans) {
      const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
      for (const { spans } of scopeSpans) for (const span of spans) exported.push({ ...span, service });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const otlp = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    // Export within a fifth of a second rather than the SDK's 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  stack = await startStack({ services: ['sales'], prefix: 'carcar_ops', env: otlp });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  gateway = await spawnGateway(
    { inventory: stack.urls.inventory, service: recorderUrl, sales: stack.urls.sales },
    { ...stack.data.env, ...otlp, METRICS_TOKEN },
  );
});
afterAll(async () => {
  await new Promise((resolve) => recorder.close(resolve));
  await new Promise((resolve) => collector.close(resolve));
  await gateway?.stop();
  await stack?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
/** The value of one series in a scrape, or undefined. */
const sample = (text: string, series: string) =>
  text
    .split('\n')
    .find((line) => line.startsWith(`${series} `))
    ?.split(' ')[1];

describe('probes and metrics', () => {
  it('every service answers /livez and /readyz, and times requests by route pattern, never by VIN', async () => {
    for (const url of [stack.urls.inventory, stack.urls.sales, gateway.url]) {
      expect(await callJson('GET', `${url}/livez`)).toEqual({ status: 'ok' });
      expect(await callJson('GET', `${url}/readyz`)).toEqual({ status: 'ready' });
    }
    const modelId = await addInventoryModel(stack.urls.inventory, 'Metric Motors', 'Gauge');
    const vin = sampleVin(7301);
    await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'red', year: 2015, model_id: modelId });
    await stack.call('inventory', 'GET', `/api/automobiles/${vin}/`);
    await stack.call('inventory', 'GET', `/api/automobiles/${vin}`);
    // A request no route answers is counted under one label, whatever its path.
    const unmatched = 'http_request_duration_seconds_count{method="GET",route="unmatched",status="401"}';
    const before = Number(sample((await scrape(stack.urls.inventory)).text, unmatched) ?? 0);
    const missing = await fetch(`${stack.urls.inventory}/api/automobiles/${vin}/nothing/`);
    expect(missing.status).toBe(401);

    const inventory = await scrape(stack.urls.inventory);
    expect(inventory.status).toBe(200);
    expect(inventory.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(
      sample(
        inventory.text,
        'http_request_duration_seconds_count{method="GET",route="/api/automobiles/:vin/",status="200"}',
      ),
    ).toBe('2');
    expect(Number(sample(inventory.text, unmatched))).toBe(before + 1);
    expect(inventory.text).not.toContain(vin);
    expect(inventory.text).toContain('process_cpu_user_seconds_total');
    expect(inventory.text).toContain('nodejs_eventloop_lag_p99_seconds');

    // Through the gateway: the service's pattern behind the gateway's prefix.
    const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.call('GET', `/inventory/api/automobiles/${vin}/`);
    // Counted once the answer is handed to the system, which can be a moment after the client read it.
    const forwarded =
      'http_request_duration_seconds_count{method="GET",route="/inventory/api/automobiles/:vin/",status="200"}';
    await until(
      'the gateway counted the call',
      async () => sample((await scrape(gateway.url)).text, forwarded) !== undefined,
      5_000,
    );
    const viaGateway = await scrape(gateway.url);
    expect(viaGateway.status).toBe(200);
    expect(sample(viaGateway.text, forwarded)).toBe('1');
    expect(
      sample(viaGateway.text, 'http_request_duration_seconds_count{method="POST",route="/auth/login",status="200"}'),
    ).toBe('1');
    expect(viaGateway.text).not.toContain(vin);
  });

  it("the gateway's /metrics answers loopback, or the METRICS_TOKEN bearer, and no one behind a proxy", async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    expect((await scrape(gateway.url, forwarded)).status).toBe(401);
    expect((await scrape(gateway.url, { ...forwarded, authorization: 'Bearer not the token at all' })).status).toBe(
      401,
    );
    expect((await scrape(gateway.url, { ...forwarded, authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
    expect((await scrape(gateway.url, { authorization: 'Bearer not the token at all' })).status).toBe(401);
  });

  it("sales reports its poller's lag and its outbox's backlog and age", async () => {
    await until(
      'the sales poller caught up',
      async () => sample((await scrape(stack.urls.sales)).text, 'carcar_sync_last_seq{poller="sales"}') !== '0',
      30_000,
    );
    const synced = await scrape(stack.urls.sales);
    expect(Number(sample(synced.text, 'carcar_sync_lag_seconds{poller="sales"}'))).toBeGreaterThanOrEqual(0);
    expect(sample(synced.text, 'carcar_outbox_pending')).toBe('0');
    expect(sample(synced.text, 'carcar_outbox_oldest_age_seconds')).toBe('0');

    const vin = sampleVin(7301);
    const { salesperson, customer } = await addSalesParties(stack, 'M-1');
    const port = String(stack.processes.inventory.port);
    await stack.processes.inventory.stop();
    await stack.call('sales', 'POST', '/api/sales/', {
      automobile: vin,
      price: 19000,
      salesperson,
      customer,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const waiting = await scrape(stack.urls.sales);
    expect(sample(waiting.text, 'carcar_outbox_pending')).toBe('1');
    expect(Number(sample(waiting.text, 'carcar_outbox_oldest_age_seconds'))).toBeGreaterThan(1);
    stack.processes.inventory = await stack.start('inventory', { PORT: port });
    await until(
      'the outbox drained',
      async () => sample((await scrape(stack.urls.sales)).text, 'carcar_outbox_pending') === '0',
      15_000,
    );
  });
});

describe('trace context', () => {
  it("the gateway continues a caller's W3C trace, logs its id and passes it to the service as a new span", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const res = await fetch(`${gateway.url}/service/api/technicians/`, {
      headers: { ...admin.headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(res.status).toBe(200);
    const sent = received.at(-1)?.traceparent;
    expect(sent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(sent).not.toContain('00f067aa0ba902b7');
    await until('the gateway logged the request', () => gateway.output().includes(`"traceId":"${traceId}"`), 5_000);
    // Without one, the gateway starts a trace of its own for each request.
    await fetch(`${gateway.url}/service/api/technicians/`, { headers: admin.headers });
    const started = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(String(received.at(-1)?.traceparent ?? ''))?.[1];
    expect(started).toMatch(/^[0-9a-f]{32}$/);
    expect(started).not.toBe(traceId);
  });

  it('a sale through the gateway: its trace id is in the gateway’s log, the sale’s line in sales’ log and the outbox delivery to inventory', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const vin = sampleVin(7302);
    const modelId = await addInventoryModel(stack.urls.inventory, 'Trace Motors', 'Span');
    await stack.call('inventory', 'POST', '/api/automobiles/', { vin, color: 'blue', year: 2016, model_id: modelId });
    await until(
      'sales copied the car',
      async () =>
        (await stack.call<{ autos: Array<{ vin: string }> }>('sales', 'GET', '/api/automobiles/')).autos.some(
          (car) => car.vin === vin,
        ),
      30_000,
    );
    const { salesperson, customer } = await addSalesParties(stack, 'TR-1');
    const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const res = await fetch(`${gateway.url}/sales/api/sales/`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({ automobile: vin, price: 18_000, salesperson, customer }),
    });
    expect(res.status).toBe(201);
    const sale = (await res.json()) as { id: number };

    const linesOf = (output: string) =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; traceId?: string; traceIds?: string[]; sale?: number });
    await until('the gateway logged the request', () => gateway.output().includes(`"traceId":"${traceId}"`), 5_000);
    const recorded = linesOf(stack.processes.sales.output()).find(
      (line) => line.msg === 'sale recorded' && line.sale === sale.id,
    );
    expect(recorded).toMatchObject({ traceId, sale: sale.id });
    await until(
      'the outbox delivery was logged under the trace',
      () =>
        linesOf(stack.processes.sales.output()).some(
          (line) => line.msg === 'outbox rows delivered to inventory' && line.traceIds?.includes(traceId),
        ),
      10_000,
    );
    const car = await stack.call<{ sold: boolean }>('inventory', 'GET', `/api/automobiles/${vin}/`);
    expect(car.sold).toBe(true);

    // Over OTLP, one trace: the gateway's request, its child in sales, the outbox delivery (the
    // child of the sale's span) and inventory's request, the delivery's child.
    const span = (service: string, name: string) =>
      exported.find((one) => one.traceId === traceId && one.service === service && one.name.startsWith(name));
    await until(
      'the gateway, sales (request and delivery) and inventory exported their spans',
      () =>
        [
          span('gateway', 'POST /sales/api/sales'),
          span('sales-api', 'POST /api/sales'),
          span('sales-api', 'outbox delivery'),
          span('inventory-api', 'POST /api/automobiles/sold'),
        ].every(Boolean),
      10_000,
    );
    const atGateway = span('gateway', 'POST /sales/api/sales');
    const atSales = span('sales-api', 'POST /api/sales');
    const delivery = span('sales-api', 'outbox delivery');
    expect(atGateway?.parentSpanId).toBe('b7ad6b7169203331');
    expect(atSales?.parentSpanId).toBe(atGateway?.spanId);
    expect(delivery?.parentSpanId).toBe(atSales?.spanId);
    expect(span('inventory-api', 'POST /api/automobiles/sold')?.parentSpanId).toBe(delivery?.spanId);
  });

  it("a service's log lines about a request carry the trace id it came with", async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const app = createHttpApp({
      logger,
      access: {
        verifier: await testVerifier('inventory-api'),
        rules: [{ method: 'GET', path: '/api/boom/', permission: 'signed-in' }],
      },
      routes: (routes) => {
        routes.get('/api/boom/', () => {
          throw new Error('a bug');
        });
      },
      health: async () => ({}),
    });
    const traceId = `${'a'.repeat(31)}b`;
    await request(app)
      .get('/api/boom/')
      .set(await asRole('admin', 'inventory-api'))
      .set('traceparent', `00-${traceId}-${'c'.repeat(16)}-01`)
      .expect(500);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; traceId?: string });
    expect(logged.find((line) => line.msg === 'unhandled error')?.traceId).toBe(traceId);
    // A malformed header is ignored, not echoed into the log.
    await request(app)
      .get('/api/boom/')
      .set(await asRole('admin', 'inventory-api'))
      .set('traceparent', 'junk')
      .expect(500);
    expect((JSON.parse(lines.at(-1) ?? '{}') as { traceId?: string }).traceId).toBeUndefined();
  });
});

describe('start-up failures', () => {
  it('a second process on an embedded data folder in use stops with one line instead of opening it', async () => {
    // Its own folder even on a Postgres run: two processes on one PGlite folder is the embedded default's risk.
    const dataDir = stack.data.dataDir ?? path.join(scratch, 'in-use');
    const first = stack.data.dataDir
      ? stack.processes.inventory
      : await spawnService(inventoryDir, { DATA_DIR: dataDir, DATABASE_URL: '' });
    const second = await runServiceToExit(inventoryDir, {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `inventory-api: could not open its database: the inventory database in ${dataDir} is in use by another running CarCar process; stop it first (or use another DATA_DIR)`,
    ]);
    // The running one is untouched.
    expect(await callJson('GET', `${first.url}/readyz`)).toEqual({ status: 'ready' });
    if (first !== stack.processes.inventory) await first.stop();
  });

  it('a start right after a stop waits for the stopping process to let go of the data folder', async () => {
    const dataDir = path.join(scratch, 'handover');
    // This test process holds the folder as a stopping service would, and lets go once the new
    // one says it is waiting.
    const held = await claimDataFolder(dataDir, 'inventory');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: inventoryDir,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
    try {
      await until(
        'the new process waits',
        () => output.includes('still held by a process that is stopping; waiting'),
        60_000,
      );
      expect(output).not.toContain('"msg":"listening"');
      await held?.close();
      await until('the new process listens', () => output.includes('"msg":"listening"'), 60_000);
      const port = /"port":(\d+),"msg":"listening"/.exec(output)?.[1];
      expect(await callJson('GET', `http://127.0.0.1:${port}/readyz`)).toEqual({ status: 'ready' });
    } finally {
      await held?.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
  });

  it('a port in use stops the service with one line naming the port', async () => {
    const port = String(stack.processes.inventory.port);
    const run = await runServiceToExit(inventoryDir, {
      DATA_DIR: path.join(scratch, 'port-in-use'),
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: port,
      LOG_LEVEL: 'silent',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `inventory-api: could not listen: port ${port} is already in use (another CarCar still running or stopping, or another program): stop it, or set PORT`,
    ]);
  });

  it('processes starting at once on a fresh data folder all get the same complete development keys', async () => {
    const dir = path.join(scratch, 'keys');
    const code = `import { ensureDevelopmentKeys } from '@carcar/common/service/keys';
      const keys = await ensureDevelopmentKeys(${JSON.stringify(dir)}, ['carcar-gateway', 'inventory-api', 'service-api', 'sales-api']);
      process.stdout.write(keys.CARCAR_TRUSTED_KEYS);`;
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root }),
      ),
    );
    const sets = new Set(runs.map((run) => run.stdout));
    expect(sets.size).toBe(1);
    expect(JSON.parse([...sets][0] ?? '').keys).toHaveLength(4);
  });
});
