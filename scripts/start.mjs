// Starts every CarCar service and the browser app on their default ports, says when all of them
// answer, and stops them together: Ctrl-C (or SIGTERM) reaches each one exactly once, and each
// finishes its requests and closes its database.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');

// CARCAR_MODE=production (npm run start:prod) runs what `npm run build` made: compiled APIs, built app.
const production = process.env.CARCAR_MODE === 'production';
const apiCommand = production ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
const vitePackage = createRequire(path.join(root, 'ghi', 'package.json')).resolve('vite/package.json');
const vite = path.join(path.dirname(vitePackage), 'bin', 'vite.js');
// CARCAR_GHI=preview serves the built app (npm run build) instead of the dev server.
const ghiMode = production || process.env.CARCAR_GHI === 'preview' ? 'preview' : 'dev';
const ghiPort = process.env.GHI_PORT ?? '3000';
const ghiCommand = [vite, ghiMode, '--port', ghiPort, '--strictPort'];
// CARCAR_GHI=off starts the APIs only (tests, or an app served elsewhere).
const withGhi = process.env.CARCAR_GHI !== 'off';

const services = [
  { name: 'inventory', dir: 'inventory-api', args: apiCommand, port: process.env.INVENTORY_PORT ?? '8100' },
  { name: 'service', dir: 'service-api', args: apiCommand, port: process.env.SERVICE_PORT ?? '8080' },
  { name: 'sales', dir: 'sales-api', args: apiCommand, port: process.env.SALES_PORT ?? '8090' },
  { name: 'ghi', dir: 'ghi', args: ghiCommand, port: ghiPort },
];

// Each part finds the others on the ports given here, unless told otherwise: the pollers find
// inventory, the APIs allow the app's origin, and the app calls the APIs.
const [inventoryPort, servicePort, salesPort] = services.map((s) => s.port);
const inventoryUrl = process.env.INVENTORY_API_URL ?? `http://localhost:${inventoryPort}`;
const wiring = {
  CORS_ORIGINS: process.env.CORS_ORIGINS ?? `http://localhost:${ghiPort}`,
  VITE_INVENTORY_API_URL: process.env.VITE_INVENTORY_API_URL ?? inventoryUrl,
  VITE_SERVICE_API_URL: process.env.VITE_SERVICE_API_URL ?? `http://localhost:${servicePort}`,
  VITE_SALES_API_URL: process.env.VITE_SALES_API_URL ?? `http://localhost:${salesPort}`,
};

const children = [];
let stopping = false;
let exitCode = 0;

function launch(service) {
  const child = spawn(process.execPath, service.args, {
    cwd: path.join(root, service.dir),
    env: {
      ...process.env,
      ...wiring,
      PORT: service.port,
      INVENTORY_API_URL: inventoryUrl,
      DATA_DIR: dataDir,
      // The browser app shows times on the dealership's clock, the one the service reads them on.
      ...(process.env.TIMEZONE && !process.env.VITE_TIMEZONE ? { VITE_TIMEZONE: process.env.TIMEZONE } : {}),
      ...(pgliteTemplate ? { PGLITE_TEMPLATE: pgliteTemplate } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a terminal's Ctrl-C reaches this script only and each child gets
    // the one signal stopAll sends. Otherwise a child got SIGINT twice (the terminal's, then ours);
    // a service handles only the first, so the second killed it before PGlite closed its files, and
    // the next start went through crash recovery (sequences jumped by 32: id 5, then 34).
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stdout.write(`[${service.name}] exited (${signal ?? code}); stopping the others\n`);
      exitCode = 1;
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}

function stopAll(signal) {
  if (stopping) {
    process.stdout.write('CarCar: still stopping; each service is closing its database\n');
    return;
  }
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
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

/** One block at the end of the start-up noise: where everything is, once everything answers. */
async function announceReady(apis, app) {
  const checks = apis.map((s) => answers(`http://127.0.0.1:${s.port}/healthz`, apiReady));
  if (app) checks.push(answers(`http://localhost:${app.port}/`));
  if (!(await Promise.all(checks)).every(Boolean)) return;
  const lines = ['', 'CarCar is ready:'];
  if (app) lines.push(`  app        http://localhost:${app.port}/`);
  for (const s of apis) {
    const url = `http://localhost:${s.port}`;
    lines.push(`  ${s.name.padEnd(10)} ${`${url}/api/`.padEnd(28)} docs ${url}/api/docs/`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
// Closing the terminal: the children are in their own process group and would not hear of it.
process.on('SIGHUP', () => stopAll('SIGTERM'));
const [apis, app] = [services.slice(0, 3), withGhi ? services[3] : undefined];
process.stdout.write(
  `CarCar: starting ${[...apis, ...(app ? [app] : [])].map((s) => `${s.name} on :${s.port}`).join(', ')}; data in ${
    process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : dataDir
  }\n`,
);
// The browser app needs no database, so it starts while a missing template is made.
if (app) launch(app);
await preparePgliteTemplate();
if (!stopping) {
  for (const service of apis) launch(service);
  await announceReady(apis, app);
}
