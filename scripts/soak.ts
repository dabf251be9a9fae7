import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { sampleVin } from '@carcar/common/vin/vin';
import { roleHeaders } from '@carcar/testing/credentials';
import { signIn, spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import { type Answer, httpSender, runOpenLoop, summarize } from '@carcar/testing/open-loop';
import { rssMb, type SpawnedService } from '@carcar/testing/processes';
import { addInventoryModel, type StackService, serviceAudiences, startStack } from '@carcar/testing/stack';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const rate = Number(process.env.SOAK_RATE ?? 500);
const warmUpSeconds = Number(process.env.SOAK_WARMUP_SECONDS ?? 10);
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// Through the gateway, signed in, by default: what staff's requests cost. SOAK_TARGET=direct sends
// the same mix straight to the services with an internal credential, to tell the two costs apart.
const target = process.env.SOAK_TARGET ?? 'gateway';
if (target !== 'gateway' && target !== 'direct') throw new Error(`SOAK_TARGET=${target}: gateway or direct`);
const targets = { p99Ms: 50, memoryGrowthPercent: 20 };

const sender = httpSender();

// CPU time in seconds (Linux, 100 ticks a second): on a shared machine a slow run is told from a
// slow stack by how much of the machine the stack got.
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
/** The whole machine's busy CPU time (every core, every process, Postgres and other work included). */
function machineBusySeconds(): number {
  const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (ticks.reduce((sum, t) => sum + t, 0) - idle) / 100;
}

// An administrator's credential per service, reused as the gateway reuses one per person and
// re-signed in the background before it expires: the services verify each distinct token once.
const credentials = Object.fromEntries(
  await Promise.all(
    Object.entries(serviceAudiences).map(async ([name, audience]) => [name, await roleHeaders(audience)] as const),
  ),
) as Record<StackService, Awaited<ReturnType<typeof roleHeaders>>>;

// The built APIs, as a deployment runs them (and as `npm run bench` does), not the TypeScript loader.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--apis'], { cwd: root, stdio: 'ignore' });
const entry = ['dist/main.js'];

const stack = await startStack({
  serverUrl,
  prefix: 'carcar_soak',
  // Info level: the harness learns each port from the 'listening' line; the services log no requests
  // at it (the gateway logs one line per request, as in production).
  env: { LOG_LEVEL: 'info', RATE_LIMIT_WRITES_PER_MINUTE: '0' },
  entry,
});
const processes: Record<string, SpawnedService> = { ...stack.processes };
try {
  // The gateway on the services' database, its write limit off (spawnGateway's default: the soak is
  // one person writing hundreds of times a second), and its first administrator signed in as the
  // browser app is: session cookie, CSRF header on every request.
  let send: (service: StackService, method: string, path: string, body?: unknown) => Promise<Answer>;
  if (target === 'gateway') {
    const gateway = await spawnGateway(stack.urls, { ...stack.data.env, LOG_LEVEL: 'info' }, entry);
    processes.gateway = gateway;
    const admin = await signIn(gateway.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const headers = { ...admin.headers, accept: 'application/json' };
    send = (service, method, path, body) => sender.send(method, `${gateway.url}/${service}${path}`, headers, body);
  } else {
    send = (service, method, path, body) =>
      sender.send(method, `${stack.urls[service]}${path}`, credentials[service](), body);
  }

  // Data to work on: cars in stock (synced to sales before the clock starts), staff, customers.
  const modelId = await addInventoryModel(stack.urls.inventory, 'Soak Motors', 'Endurance');
  // Enough unsold cars for every sale of the warm-up and the run (5 % of the requests) to take a new one.
  const stock = Math.ceil((warmUpSeconds + seconds) * rate * 0.05) + 50;
  let serial = 0;
  const addCar = () =>
    send('inventory', 'POST', pathTo(inventoryRoutes.automobiles.create), {
      vin: sampleVin(serial++),
      color: 'red',
      year: 2020,
      model_id: modelId,
    });
  for (let i = 0; i < stock; i += 20) {
    const answers = await Promise.all(Array.from({ length: Math.min(20, stock - i) }, addCar));
    const refused = answers.find((answer) => answer.status >= 400);
    if (refused) throw new Error(`adding the stock: ${refused.status} ${refused.url} ${refused.body ?? ''}`);
  }
  const technicians = await Promise.all(
    [1, 2, 3, 4, 5].map((i) =>
      stack.call<{ id: number }>('service', 'POST', pathTo(serviceApiRoutes.technicians.create), {
        first_name: 'Tech',
        last_name: `${i}`,
        employee_id: `T-${i}`,
      }),
    ),
  );
  const seller = await stack.call<{ id: number }>('sales', 'POST', pathTo(salesRoutes.salespeople.create), {
    first_name: 'Sam',
    last_name: 'Seller',
    employee_id: 'S-1',
  });
  const buyer = await stack.call<{ id: number }>('sales', 'POST', pathTo(salesRoutes.customers.create), {
    first_name: 'Jane',
    last_name: 'Doe',
    address: '1 Main St',
    phone_number: '555-0100',
  });
  for (;;) {
    const res = await fetch(`${stack.urls.sales}${pathTo(salesRoutes.automobiles.list)}?sold=false&limit=1`, {
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
      () =>
        send(
          'inventory',
          'GET',
          pathTo(inventoryRoutes.automobiles.get, { vin: sampleVin(Math.floor(Math.random() * stock)) }),
        ),
    ],
    [15, 'GET cars', () => send('inventory', 'GET', `${pathTo(inventoryRoutes.automobiles.list)}?limit=50&sold=false`)],
    [
      15,
      'GET history',
      () =>
        send(
          'service',
          'GET',
          `${pathTo(serviceApiRoutes.appointments.list)}?vin=${sampleVin(Math.floor(Math.random() * stock))}`,
        ),
    ],
    [
      10,
      'GET sales',
      () => send('sales', 'GET', `${pathTo(salesRoutes.sales.list)}?salesperson=${seller.id}&limit=20`),
    ],
    [10, 'POST car', addCar],
    [
      10,
      'POST booking',
      () => {
        const n = slot++;
        return send('service', 'POST', pathTo(serviceApiRoutes.appointments.create), {
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
        send('sales', 'POST', pathTo(salesRoutes.sales.create), {
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
        send(
          'inventory',
          'PUT',
          pathTo(inventoryRoutes.automobiles.update, { vin: sampleVin(Math.floor(Math.random() * stock)) }),
          {
            color: 'blue',
          },
        ),
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

  // RSS once a second per process. A single reading lands anywhere on the garbage collector's
  // sawtooth, so growth is judged on means: the first 10 s of the measured run against the last 10 s.
  const rssSamples: Record<string, Array<{ at: number; mb: number }>> = {};
  // CPU used from the first to the last second of the measured run, per process and machine-wide.
  const cpuAt: Array<{ second: number; byProcess: Record<string, number>; machine: number }> = [];
  const cpuNow = (second: number) => ({
    second,
    byProcess: Object.fromEntries([
      ...Object.entries(processes).map(([name, s]) => [name, cpuSeconds(s.pid)] as const),
      ['load generator', cpuSeconds(process.pid)] as const,
    ]),
    machine: machineBusySeconds(),
  });
  console.log(
    `load: ${rate} req/s ${target === 'gateway' ? 'through the gateway, signed in' : 'straight to the services'}, ` +
      `${warmUpSeconds} s warm-up, then ${seconds} s measured`,
  );
  // Open loop: requests leave on schedule whether or not earlier ones have answered (a warm-up at
  // the same rate first: V8 compiles the hot paths and each pool opens its Postgres connections).
  const run = await runOpenLoop({
    rate,
    seconds,
    warmUpSeconds,
    next: () => {
      const [kind, send] = pick();
      return { kind, send };
    },
    everySecond: (second, progress) => {
      if (second === 0 || second === seconds - 1) cpuAt.push(cpuNow(second));
      for (const [name, s] of Object.entries(processes)) {
        rssSamples[name] ??= [];
        rssSamples[name].push({ at: second * 1000, mb: rssMb(s.pid) });
      }
      // A line every 30 s, so growth that levels off can be told from growth that does not.
      if (second > 0 && second % 30 === 0) {
        const rss = Object.entries(processes).map(([name, s]) => `${name} ${rssMb(s.pid).toFixed(0)} MB`);
        console.log(`${second} s: ${progress.sent} sent, ${progress.inFlight} in flight; RSS ${rss.join(', ')}`);
      }
    },
  });

  const { warmUp, measured } = run;
  const ms = (value: number) => value.toFixed(1);
  const line = (values: number[]) => {
    const p = summarize(values);
    return `p50 ${ms(p.p50)}  p90 ${ms(p.p90)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`;
  };
  const errors = [...warmUp.errors, ...measured.errors];
  console.log(`warm-up: ${warmUp.sent} requests; latency ms: ${line(warmUp.latencies)}`);
  console.log(
    `soak: ${measured.sent} requests in ${seconds} s, answered at ${measured.achievedRate.toFixed(0)} req/s (target ${rate})`,
  );
  console.log(
    `errors (warm-up included): ${errors.length}${errors.length ? ` (first: ${errors.slice(0, 3).join('; ')})` : ''}`,
  );
  console.log(`latency ms, from when each request was due: ${line(measured.latencies)}`);
  for (const [kind, values] of measured.byKind) {
    const p = summarize(values);
    console.log(`  ${kind.padEnd(13)} p50 ${ms(p.p50)}  p99 ${ms(p.p99)}  (${values.length})`);
  }
  console.log(
    `load generator: ${(run.cpuCores * 100).toFixed(0)} % of a core; sent up to ${ms(run.sendLagMs.max)} ms late (p99 ${ms(run.sendLagMs.p99)})`,
  );
  const [cpuFirst, cpuLast] = cpuAt;
  if (cpuFirst && cpuLast && cpuLast.second > cpuFirst.second) {
    const span = cpuLast.second - cpuFirst.second;
    const cores = (a: number, b: number) => ((b - a) / span).toFixed(2);
    const used = Object.entries(cpuLast.byProcess).map(
      ([name, value]) => `${name} ${cores(cpuFirst.byProcess[name] ?? value, value)}`,
    );
    console.log(
      `CPU in the measured run, cores: ${used.join(', ')}; the whole machine ${cores(cpuFirst.machine, cpuLast.machine)} busy of ${availableParallelism()}`,
    );
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
  console.log('memory (RSS MB, mean of the first 10 s of the measured run -> mean of the last 10 s; max):');
  let worstGrowth = Number.NEGATIVE_INFINITY;
  for (const [name, samples] of Object.entries(rssSamples)) {
    const first = mean(samples.filter((x) => x.at < 10_000).map((x) => x.mb));
    const last = mean(samples.filter((x) => x.at >= seconds * 1000 - 10_000).map((x) => x.mb));
    const max = Math.max(...samples.map((x) => x.mb));
    const growth = ((last - first) / first) * 100;
    worstGrowth = Math.max(worstGrowth, growth);
    console.log(
      `  ${name.padEnd(10)} ${first.toFixed(1)} -> ${last.toFixed(1)}  (${growth.toFixed(1)} %); max ${max.toFixed(1)}`,
    );
  }
  // The regression guard: the run fails unless all three hold.
  const p99 = summarize(measured.latencies).p99;
  const checks: Array<[string, boolean]> = [
    ['0 errors', errors.length === 0],
    [`p99 < ${targets.p99Ms} ms`, p99 < targets.p99Ms],
    [`memory growth < ${targets.memoryGrowthPercent} % for every process`, worstGrowth < targets.memoryGrowthPercent],
  ];
  console.log(`targets: ${checks.map(([what, met]) => `${what} ${met ? 'met' : 'NOT met'}`).join('; ')}`);
  process.exitCode = checks.every(([, met]) => met) ? 0 : 1;
} finally {
  sender.close();
  await processes.gateway?.stop();
  await stack.stop();
}
