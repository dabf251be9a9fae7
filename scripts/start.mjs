// Starts every CarCar service and the browser app on their default ports, says when all of them
// answer, and stops them together: Ctrl-C (or SIGTERM) reaches each one exactly once, and each
// finishes its requests and closes its database.
//
// `npm start` runs the product: the gateway serves the built app (ghi/dist), built here first when
// it is missing or older than its source. `npm run dev` (`--dev`) runs Vite's dev server behind the
// gateway instead, for hot reload while editing the app: about 160 MB more before a browser loads
// the app and over 400 MB once it has (docs/performance.md, "The embedded default's footprint").
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { buildApis } from './build-apis.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');

// CARCAR_MODE=production (npm run start:prod) runs what `npm run build` made: compiled APIs and
// gateway, the built app served by the gateway.
const production = process.env.CARCAR_MODE === 'production';
// `npm start` is the laptop default: four embedded databases (and, with --dev, a dev server) beside
// an editor and a browser. It runs the three APIs and the gateway as worker threads of this process
// rather than four processes: each thread keeps its own heap, modules, environment and database, and
// the four share one Node runtime: 806 MB became about 550 after a visit of every page
// (docs/performance.md, "The four services as threads of one process"). Production runs one process each (an orchestrator restarts and limits them
// one by one). These V8 flags trade a little speed for memory, measured there too: PGlite's 9 MB of
// WebAssembly stays on V8's baseline compiler (the optimising tier kept about 40 MB of code a
// service); a 1 MB young generation rather than 16 MB; V8 preferring size in its heuristics.
// Production keeps V8's defaults, for throughput.
const servicesInThreads = !production;
const leanNode = production ? [] : ['--liftoff-only', '--max-semi-space-size=1', '--optimize-for-size'];
// Threads made after this take the flags, as processes started with them would.
if (servicesInThreads) for (const flag of leanNode) setFlagsFromString(flag);
// A service's process (production only: elsewhere the services are threads, started in `inThread`).
const nodeCommand = ['dist/main.js'];
const vitePackage = createRequire(path.join(root, 'ghi', 'package.json')).resolve('vite/package.json');
const vite = path.join(path.dirname(vitePackage), 'bin', 'vite.js');
// The gateway is the one address staff open: it serves the app and forwards the APIs.
const gatewayPort = process.env.GATEWAY_PORT ?? '3000';
// `npm run dev`: the gateway proxies the app from Vite's dev server (hot reload kept). Otherwise it
// serves ghi/dist itself. CARCAR_GHI=off neither builds the app nor starts a dev server: the
// gateway serves ghi/dist as it is (tests that build it once, or need no app).
const devMode = !production && process.argv.includes('--dev');
const ghiDevPort = process.env.GHI_DEV_PORT ?? '5173';
const withViteDevServer = devMode && process.env.CARCAR_GHI !== 'off';
const buildsApp = !production && !devMode && process.env.CARCAR_GHI !== 'off';

const services = [
  { name: 'inventory', dir: 'inventory-api', args: nodeCommand, port: process.env.INVENTORY_PORT ?? '8100' },
  { name: 'service', dir: 'service-api', args: nodeCommand, port: process.env.SERVICE_PORT ?? '8080' },
  { name: 'sales', dir: 'sales-api', args: nodeCommand, port: process.env.SALES_PORT ?? '8090' },
];
const gateway = { name: 'gateway', dir: 'gateway', args: nodeCommand, port: gatewayPort };
const ghi = {
  name: 'ghi',
  dir: 'ghi',
  args: [...leanNode, vite, '--port', ghiDevPort, '--strictPort', '--host', '127.0.0.1'],
  port: ghiDevPort,
};

// Each part finds the others on the ports given here, unless told otherwise: the pollers find
// inventory, and the gateway finds the services and the dev server.
const [inventoryPort, servicePort, salesPort] = services.map((s) => s.port);
const inventoryUrl = process.env.INVENTORY_API_URL ?? `http://127.0.0.1:${inventoryPort}`;
const publicOrigin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${gatewayPort}`;
const wiring = {
  INVENTORY_API_URL: inventoryUrl,
  SERVICE_API_URL: process.env.SERVICE_API_URL ?? `http://127.0.0.1:${servicePort}`,
  SALES_API_URL: process.env.SALES_API_URL ?? `http://127.0.0.1:${salesPort}`,
  PUBLIC_ORIGIN: publicOrigin,
  ...(withViteDevServer ? { GHI_DEV_URL: process.env.GHI_DEV_URL ?? `http://127.0.0.1:${ghiDevPort}` } : {}),
};

// Production refuses to start without its keys (nothing makes development keys there). The names
// `npm run keys` prints give each process its own signing key, as docker-compose.yml does:
// `npm run keys -- .env && set -a && . ./.env && set +a && npm run start:prod`.
const signingKeyVariables = {
  gateway: 'CARCAR_GATEWAY_SIGNING_KEY',
  service: 'CARCAR_SERVICE_API_SIGNING_KEY',
  sales: 'CARCAR_SALES_API_SIGNING_KEY',
};
function ownSigningKey(service) {
  const value = process.env[signingKeyVariables[service.name] ?? ''];
  return value ? { CARCAR_SIGNING_KEY: value } : {};
}

// Each running part: a child process, or (the services on `npm start`) a worker thread.
const children = [];
// One-off work before the services start (the app's build), stopped with them.
const helpers = [];
let stopping = false;
let exitCode = 0;

// Folders a service reads from its variables; a relative one meant the service's own folder when
// each service ran as a process there. Threads share this process's folder, the repository's.
const folderVariables = ['PHOTOS_DIR', 'CARCAR_KEYS_DIR', 'GHI_DIST'];

function environmentOf(service) {
  const own = Object.fromEntries(
    folderVariables
      .filter((name) => process.env[name])
      .map((name) => [name, path.resolve(root, service.dir, process.env[name])]),
  );
  return {
    ...process.env,
    ...own,
    ...wiring,
    ...ownSigningKey(service),
    PORT: service.port,
    DATA_DIR: dataDir,
    // The browser app shows times on the dealership's clock, the one the service reads them on.
    ...(process.env.TIMEZONE && !process.env.VITE_TIMEZONE ? { VITE_TIMEZONE: process.env.TIMEZONE } : {}),
    ...(pgliteTemplate ? { PGLITE_TEMPLATE: pgliteTemplate } : {}),
  };
}

function launch(service) {
  const part = service.dir !== 'ghi' && servicesInThreads ? inThread(service) : inProcess(service);
  for (const stream of [part.stdout, part.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      // The gateway's one-time notice of a generated administrator password goes into the ready
      // block, where a newcomer looks, rather than scrolling past among the start-up lines.
      if (service === gateway && noticeLine(line)) return;
      process.stdout.write(`[${service.name}] ${line}\n`);
    });
  }
  children.push(part);
  part.onExit((how) => {
    part.running = false;
    if (!stopping) {
      process.stdout.write(`[${service.name}] exited (${how}); stopping the others\n`);
      exitCode = 1;
      stopAll('SIGTERM');
    }
    if (children.every((c) => !c.running)) process.exit(exitCode);
  });
}

function inProcess(service) {
  const child = spawn(process.execPath, service.args, {
    cwd: path.join(root, service.dir),
    env: {
      // glibc gives each thread that allocates an arena of its own (a Node process has a dozen
      // threads); two serve these processes and left about 25 MB less resident in each.
      MALLOC_ARENA_MAX: '2',
      ...environmentOf(service),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a terminal's Ctrl-C reaches this script only and each child gets
    // the one signal stopAll sends. Otherwise a child got SIGINT twice (the terminal's, then ours);
    // a service handles only the first, so the second killed it before PGlite closed its files, and
    // the next start went through crash recovery (sequences jumped by 32: id 5, then 34).
    detached: true,
  });
  return {
    running: true,
    stdout: child.stdout,
    stderr: child.stderr,
    stop: (signal) => child.kill(signal),
    onExit: (then) => child.on('exit', (code, signal) => then(signal ?? code)),
  };
}

/**
 * A service as a worker thread of this process: its own V8 heap, module instances, environment and
 * embedded database, as in a process of its own, without a Node runtime of its own. The thread is
 * told the signal by a message (common/src/service/server.ts, `exitOnSignals`): only the main
 * thread hears signals.
 */
function inThread(service) {
  const worker = new Worker(path.join(root, service.dir, 'dist', 'main.js'), {
    env: environmentOf(service),
    // The bundles `npm run build` makes, made afresh at each start (0.3 s; a TypeScript loader held
    // about 28 MB more a service); source maps keep stack traces pointing at src/*.ts.
    execArgv: ['--enable-source-maps'],
    stdout: true,
    stderr: true,
  });
  return {
    running: true,
    stdout: worker.stdout,
    stderr: worker.stderr,
    stop: (signal) => worker.postMessage({ carcarSignal: signal }),
    onExit: (then) => {
      // An error the thread did not catch ends it, as it would end a process: say what it was.
      worker.on('error', (error) => process.stdout.write(`[${service.name}] ${error.stack ?? error}\n`));
      worker.on('exit', (code) => then(code));
    },
  };
}

/**
 * What the main thread must do before the services' threads start: what a service did for its own
 * process (its data files private to this account: common/src/service/data-folder.ts), and native
 * modules loaded here first. sharp (service-api's photos) requires it on Linux: a library a worker
 * thread loaded first is unloaded when that thread ends while libvips' own threads still run, which
 * can take the whole process down. The app's build ran before this, with the usual file modes.
 */
function prepareThreads() {
  process.umask(0o077);
  createRequire(path.join(root, 'service-api', 'package.json'))('sharp');
  createRequire(path.join(root, 'gateway', 'package.json'))('@node-rs/argon2');
}

function stopAll(signal) {
  if (stopping) {
    process.stdout.write('CarCar: still stopping; each service is closing its database\n');
    return;
  }
  stopping = true;
  for (const helper of helpers) if (helper.exitCode === null) helper.kill('SIGTERM');
  for (const child of children) if (child.running) child.stop(signal);
  if (children.length === 0) process.exit(exitCode);
}

/**
 * On embedded PGlite, Postgres' initdb runs once per machine (common/src/db/pglite-template.ts) rather
 * than in each of the three services at once; they start from a copy. If making it fails, they
 * run initdb themselves.
 */
const pgliteTemplate = process.env.DATABASE_URL || production ? undefined : templatePath();

function templatePath() {
  const entry = createRequire(path.join(root, 'common', 'package.json')).resolve('@electric-sql/pglite');
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(root, 'node_modules', '.cache', 'carcar', `pglite-template-${version}`);
}

function preparePgliteTemplate() {
  if (!pgliteTemplate || existsSync(pgliteTemplate)) return Promise.resolve();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/pglite-template.ts', pgliteTemplate], {
      cwd: path.join(root, 'common'),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', resolve);
    child.on('error', resolve);
  });
}

/** The services' bundles from the current source; false (and CarCar stopping) if it does not compile. */
async function buildForDevelopment() {
  try {
    await buildApis(undefined, () => {});
    return true;
  } catch (error) {
    process.stdout.write(`CarCar: the services could not be built from their source:\n${error.message}\n`);
    exitCode = 1;
    stopAll('SIGTERM');
    return false;
  }
}

const ghiDir = path.join(root, 'ghi');
const ghiBuilt = path.join(ghiDir, 'dist', 'index.html');
// What the built app is made from: its own source and the contract it shares with the services.
const ghiSources = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  'tsconfig.json',
  '.env',
  '.env.local',
]
  .map((name) => path.join(ghiDir, name))
  .concat(path.join(root, 'common', 'src', 'contract'));

/** The newest modification time under `file` (a file or a folder), in ms; 0 if it does not exist. */
function newestChange(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), 0);
}

/** Why ghi/dist must be built again, or undefined when it is newer than everything it is made from. */
function appBuildReason() {
  if (!existsSync(ghiBuilt)) return 'it has not been built yet';
  const builtAt = statSync(ghiBuilt).mtimeMs;
  if (ghiSources.some((source) => newestChange(source) > builtAt)) return 'its source changed since it was built';
  // A build made without this script (npm run build) carries no stamp: it had no VITE_* settings, as is usual.
  const stamp = existsSync(ghiBuildStamp) ? readFileSync(ghiBuildStamp, 'utf8') : '{}';
  return stamp === viteVariables() ? undefined : 'its VITE_* settings changed since it was built';
}

// The VITE_* variables are built into the app (README, "Configuration"): a build made with others is stale.
const ghiBuildStamp = path.join(ghiDir, 'dist', '.carcar-vite-env.json');
function viteVariables() {
  const vite = Object.entries(process.env).filter(([name]) => name.startsWith('VITE_'));
  return JSON.stringify(Object.fromEntries(vite.sort(([a], [b]) => a.localeCompare(b))));
}

/** Builds the browser app with Vite when it is stale; false (and CarCar stopping) if the build fails. */
function buildAppIfStale() {
  const reason = appBuildReason();
  if (!reason) return Promise.resolve(true);
  process.stdout.write(`CarCar: building the browser app into ghi/dist (${reason}); this takes a minute once\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: ghiDir,
      // A production build whatever NODE_ENV the shell or a test runner (vitest sets "test") has:
      // with another value Vite bundles React's development build, 300 kB of initial JS, not 239.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Ctrl-C during the build stops it too.
    helpers.push(child);
    child.on('error', (error) => finish(error.message));
    child.on('exit', (code, signal) => finish(code === 0 ? undefined : `vite build exited with ${signal ?? code}`));
    function finish(failure) {
      if (!failure) {
        writeFileSync(ghiBuildStamp, viteVariables());
        return resolve(true);
      }
      process.stdout.write(`CarCar: the browser app could not be built: ${failure}\n`);
      exitCode = 1;
      stopAll('SIGTERM');
      resolve(false);
    }
  });
}

/** Resolves true once `isReady(response)` holds for `url`, or false if CarCar is stopped first. */
async function answers(url, isReady = async (res) => res.ok) {
  while (!stopping) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(isReady, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Healthy, and a service with a poller has copied inventory once (its first log lines are behind it). */
async function apiReady(res) {
  if (!res.ok) return false;
  const health = await res.json().catch(() => ({}));
  return health.sync === undefined || Boolean(health.sync.last_success_at);
}

let inNotice = false;
const notice = [];

/** Keeps the lines of the gateway's "first administrator was created" block; true for each of them. */
function noticeLine(line) {
  const fence = /^=+$/.test(line.trim());
  if (fence) {
    inNotice = !inNotice;
    return true;
  }
  if (inNotice) notice.push(line.trim());
  return inNotice;
}

/** How to sign in: the generated password (shown this once), the configured email, or an account. */
function signInLines() {
  const credentials = notice.filter((line) => /^(Email|Password):/.test(line));
  if (credentials.length > 0) {
    return [
      `  sign in as    ${credentials.join('   ')}`,
      '                (a new administrator: this password is shown only now; change it after signing in)',
    ];
  }
  if (process.env.CARCAR_ADMIN_EMAIL)
    return [`  sign in as    ${process.env.CARCAR_ADMIN_EMAIL} (CARCAR_ADMIN_PASSWORD)`];
  return ['  sign in       with your CarCar account'];
}

/** One block at the end of the start-up noise: where to go and how to sign in, once everything answers. */
async function announceReady() {
  const checks = [...services, gateway].map((s) => answers(`http://127.0.0.1:${s.port}/healthz`, apiReady));
  if (withViteDevServer) checks.push(answers(`http://127.0.0.1:${ghi.port}/`));
  if (!(await Promise.all(checks)).every(Boolean)) {
    if (notice.length > 0) process.stdout.write(`${notice.join('\n')}\n`);
    return;
  }
  const lines = ['', 'CarCar is ready:', `  open          ${publicOrigin}/`, ...signInLines()];
  for (const s of services) {
    const base = `${publicOrigin}/${s.name}/api/`;
    lines.push(`  ${`${s.name} API`.padEnd(13)} ${base.padEnd(36)} docs ${base}docs/`);
  }
  lines.push(
    `  (the services themselves, on :${services.map((s) => s.port).join(', :')}, answer only requests the gateway signed)`,
    'Press Ctrl-C to stop.',
    '',
  );
  process.stdout.write(lines.join('\n'));
}

// With the services in this process, an error writing their lines (a closed terminal, `| head`)
// must not end it before they have closed their databases.
process.stdout.on('error', () => undefined);
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
// Closing the terminal: the children are in their own process group and would not hear of it.
process.on('SIGHUP', () => stopAll('SIGTERM'));
const parts = [...services, gateway, ...(withViteDevServer ? [ghi] : [])];
process.stdout.write(
  `CarCar: starting ${parts.map((s) => `${s.name} on :${s.port}`).join(', ')}; data in ${
    process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : dataDir
  }\n`,
);
// The browser app needs no database, so its dev server starts while the services are built and
// a missing template is made.
if (withViteDevServer) launch(ghi);
// The app is built while a missing database template is made (each takes most of a core).
const [built, appBuilt] = await Promise.all([
  production || buildForDevelopment(),
  buildsApp ? buildAppIfStale() : true,
  preparePgliteTemplate(),
]);
if (built && appBuilt && !stopping) {
  if (servicesInThreads) prepareThreads();
  for (const part of [...services, gateway]) launch(part);
  await announceReady();
}
