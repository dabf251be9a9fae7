import http from 'node:http';
import { sampleVin } from '@carcar/common/vin/vin';
import { roleHeaders } from '@carcar/testing/credentials';
import { rssMb } from '@carcar/testing/processes';
import { type StackService, serviceAudiences, startStack } from '@carcar/testing/stack';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const rate = Number(process.env.SOAK_RATE ?? 500);
const warmUpSeconds = Number(process.env.SOAK_WARMUP_SECONDS ?? 10);
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

// node:http with keep-alive, not fetch: on two shared cores the load generator's own CPU comes out
// of the stack's, and fetch costs several times more per request.
// An idle socket is dropped before the services' 5 s keep-alive timeout ends, so a request never
// goes out on a connection the server is closing at that moment (ECONNRESET).
const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });
interface Answer {
  status: number;
  url: string;
}

// An administrator's credential per service, reused as the gateway reuses one per person and
// re-signed in the background before it expires: the services verify each distinct token once.
const credentials = Object.fromEntries(
  await Promise.all(
    Object.entries(serviceAudiences).map(async ([name, audience]) => [name, await roleHeaders(audience)] as const),
  ),
) as Record<StackService, Awaited<ReturnType<typeof roleHeaders>>>;

/** A request to `service` as an administrator. */
function send(service: StackService, method: string, path: string, body?: unknown): Promise<Answer> {
  const url = `${stack.urls[service]}${path}`;
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...credentials[service](),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, url }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const stack = await startStack({
  serverUrl,
  prefix: 'carcar_soak',
  // Info level: the harness learns each port from the 'listening' line; requests are not logged.
  env: { LOG_LEVEL: 'info', RATE_LIMIT_WRITES_PER_MINUTE: '0' },
});
const services = stack.processes;
try {
  // Data to work on: cars in stock (synced to sales before the clock starts), staff, customers.
  const maker = await stack.call<{ id: number }>('inventory', 'POST', '/api/manufacturers/', { name: 'Soak Motors' });
  const model = await stack.call<{ id: number }>('inventory', 'POST', '/api/models/', {
    name: 'Endurance',
    picture_url: 'https://pictures.example/endurance.jpg',
    manufacturer_id: maker.id,
  });
  const stock = Math.ceil(seconds * rate * 0.05) + 50;
  let serial = 0;
  const addCar = () =>
    send('inventory', 'POST', '/api/automobiles/', {
      vin: sampleVin(serial++),
      color: 'red',
      year: 2020,
      model_id: model.id,
    });
  for (let i = 0; i < stock; i += 20) await Promise.all(Array.from({ length: Math.min(20, stock - i) }, addCar));
  const technicians = await Promise.all(
    [1, 2, 3, 4, 5].map((i) =>
      stack.call<{ id: number }>('service', 'POST', '/api/technicians/', {
        first_name: 'Tech',
        last_name: `${i}`,
        employee_id: `T-${i}`,
      }),
    ),
  );
  const seller = await stack.call<{ id: number }>('sales', 'POST', '/api/salespeople/', {
    first_name: 'Sam',
    last_name: 'Seller',
    employee_id: 'S-1',
  });
  const buyer = await stack.call<{ id: number }>('sales', 'POST', '/api/customers/', {
    first_name: 'Jane',
    last_name: 'Doe',
    address: '1 Main St',
    phone_number: '555-0100',
  });
  for (;;) {
    const res = await fetch(`${stack.urls.sales}/api/automobiles/?sold=false&limit=1`, {
      headers: credentials.sales(),
    });
    if (Number(res.headers.get('x-total-count')) >= stock) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let unsold = 0;
  let slot = 0;

  // The mix a busy dealership sends: mostly reads, a steady share of writes of every kind.
  const mix: Array<[number, string, () => Promise<Answer>]> = [
    [
      25,
      'GET car',
      () => send('inventory', 'GET', `/api/automobiles/${sampleVin(Math.floor(Math.random() * stock))}/`),
    ],
    [15, 'GET cars', () => send('inventory', 'GET', '/api/automobiles/?limit=50&sold=false')],
    [
      15,
      'GET history',
      () => send('service', 'GET', `/api/appointments/?vin=${sampleVin(Math.floor(Math.random() * stock))}`),
    ],
    [10, 'GET sales', () => send('sales', 'GET', `/api/sales/?salesperson=${seller.id}&limit=20`)],
    [10, 'POST car', addCar],
    [
      10,
      'POST booking',
      () => {
        const n = slot++;
        return send('service', 'POST', '/api/appointments/', {
          date_time: new Date(Date.UTC(2030, 0, 1) + Math.floor(n / technicians.length) * 3_600_000).toISOString(),
          reason: 'Service',
          vin: sampleVin(n % stock),
          customer: 'Soak Customer',
          technician: technicians[n % technicians.length]?.id,
        });
      },
    ],
    [
      5,
      'POST sale',
      () =>
        send('sales', 'POST', '/api/sales/', {
          automobile: sampleVin(unsold++),
          salesperson: seller.id,
          customer: buyer.id,
          price: 25000,
        }),
    ],
    [
      10,
      'PUT car',
      () =>
        send('inventory', 'PUT', `/api/automobiles/${sampleVin(Math.floor(Math.random() * stock))}/`, {
          color: 'blue',
        }),
    ],
  ];
  // SOAK_ONLY=<kind> runs one kind of request alone, to see what each costs.
  const only = process.env.SOAK_ONLY;
  if (only) mix.splice(0, mix.length, ...mix.filter(([, kind]) => kind === only));
  if (mix.length === 0) throw new Error(`SOAK_ONLY=${only}: no such kind of request`);
  const weights = mix.reduce((sum, [w]) => sum + w, 0);
  const pick = (): [string, () => Promise<Answer>] => {
    let r = Math.random() * weights;
    for (const [w, kind, send] of mix) {
      r -= w;
      if (r < 0) return [kind, send];
    }
    return ['GET car', mix[0]?.[2] as () => Promise<Answer>];
  };

  /** Latencies of the requests sent in one phase of the run, by kind. */
  class Phase {
    readonly all: number[] = [];
    readonly byKind = new Map<string, number[]>();
    record(kind: string, took: number) {
      this.all.push(took);
      const ofKind = this.byKind.get(kind) ?? [];
      ofKind.push(took);
      this.byKind.set(kind, ofKind);
    }
  }
  const pctOf = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1) ?? '-';
  };
  const summary = (values: number[]) =>
    `p50 ${pctOf(values, 50)}  p90 ${pctOf(values, 90)}  p99 ${pctOf(values, 99)}  max ${pctOf(values, 100)}`;

  // A warm-up at the same rate first: V8 compiles the hot paths and each pool opens its Postgres
  // connections. Its figures are printed on their own line; the measured run starts after it.
  const warmUp = new Phase();
  const measured = new Phase();
  const errors: string[] = [];
  // RSS once a second per process. A single reading lands anywhere on the garbage collector's
  // sawtooth, so growth is judged on means: the first 10 s of the measured run against the last 10 s.
  const rssSamples: Record<string, Array<{ at: number; mb: number }>> = {};
  let lastSample = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const measureFrom = started + warmUpSeconds * 1000;
  const endAt = measureFrom + seconds * 1000;
  console.log(`load: ${rate} req/s, ${warmUpSeconds} s warm-up, then ${seconds} s measured`);
  let sent = 0;
  let lastReport = 0;
  // Open loop: requests leave on schedule whether or not earlier ones have answered.
  while (performance.now() < endAt) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      sent++;
      const t0 = performance.now();
      const phase = t0 < measureFrom ? warmUp : measured;
      const [kind, send] = pick();
      const request = send()
        .then((res) => {
          phase.record(kind, performance.now() - t0);
          if (res.status >= 400) errors.push(`${res.status} ${res.url}`);
        })
        .catch((error: unknown) => {
          errors.push(String(error));
        });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    const now = performance.now();
    if (now >= measureFrom && now - lastSample >= 1000) {
      lastSample = now;
      for (const [name, s] of Object.entries(services)) {
        rssSamples[name] ??= [];
        rssSamples[name].push({ at: now - measureFrom, mb: rssMb(s.pid) });
      }
    }
    // A line every 30 s, so growth that levels off can be told from growth that does not.
    const second = Math.floor((now - measureFrom) / 1000);
    if (second > 0 && second % 30 === 0 && second !== lastReport) {
      lastReport = second;
      const rss = Object.entries(services).map(([name, s]) => `${name} ${rssMb(s.pid).toFixed(0)} MB`);
      console.log(`${second} s: ${sent} sent, ${inFlight.size} in flight; RSS ${rss.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);

  const elapsed = (performance.now() - measureFrom) / 1000;
  console.log(`warm-up: ${warmUp.all.length} requests; latency ms: ${summary(warmUp.all)}`);
  console.log(
    `soak: ${measured.all.length} requests in ${elapsed.toFixed(1)} s (${(measured.all.length / elapsed).toFixed(0)} req/s, target ${rate})`,
  );
  console.log(
    `errors (warm-up included): ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join('; ')})` : ''}`,
  );
  console.log(`latency ms: ${summary(measured.all)}`);
  for (const [kind, values] of measured.byKind) {
    console.log(`  ${kind.padEnd(13)} p50 ${pctOf(values, 50)}  p99 ${pctOf(values, 99)}  (${values.length})`);
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
  console.log('memory (RSS MB, mean of the first 10 s of the measured run -> mean of the last 10 s; max):');
  for (const [name, samples] of Object.entries(rssSamples)) {
    const first = mean(samples.filter((x) => x.at < 10_000).map((x) => x.mb));
    const last = mean(samples.filter((x) => x.at >= seconds * 1000 - 10_000).map((x) => x.mb));
    const max = Math.max(...samples.map((x) => x.mb));
    console.log(
      `  ${name.padEnd(10)} ${first.toFixed(1)} -> ${last.toFixed(1)}  (${(((last - first) / first) * 100).toFixed(1)} %); max ${max.toFixed(1)}`,
    );
  }
  process.exitCode = errors.length > 0 ? 1 : 0;
} finally {
  await stack.stop();
}
