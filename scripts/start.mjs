// Starts every CarCar service and the browser app on their default ports, and stops them together:
// Ctrl-C (or SIGTERM) reaches each one, which finishes its requests and closes its database.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const inventoryUrl = process.env.INVENTORY_API_URL ?? 'http://localhost:8100';

// CARCAR_MODE=production (npm run start:prod) runs what `npm run build` made: compiled APIs, built app.
const production = process.env.CARCAR_MODE === 'production';
const apiCommand = production ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
const vitePackage = createRequire(path.join(root, 'ghi', 'package.json')).resolve('vite/package.json');
const vite = path.join(path.dirname(vitePackage), 'bin', 'vite.js');
// CARCAR_GHI=preview serves the built app (npm run build) instead of the dev server.
const ghiMode = production || process.env.CARCAR_GHI === 'preview' ? 'preview' : 'dev';
const ghiPort = process.env.GHI_PORT ?? '3000';
const ghiCommand = [vite, ghiMode, '--port', ghiPort, '--strictPort'];

const services = [
  { name: 'inventory', dir: 'inventory-api', args: apiCommand, port: process.env.INVENTORY_PORT ?? '8100' },
  { name: 'service', dir: 'service-api', args: apiCommand, port: process.env.SERVICE_PORT ?? '8080' },
  { name: 'sales', dir: 'sales-api', args: apiCommand, port: process.env.SALES_PORT ?? '8090' },
  { name: 'ghi', dir: 'ghi', args: ghiCommand, port: ghiPort },
];

const children = [];
let stopping = false;
let exitCode = 0;

function launch(service) {
  const child = spawn(process.execPath, service.args, {
    cwd: path.join(root, service.dir),
    env: {
      ...process.env,
      PORT: service.port,
      INVENTORY_API_URL: inventoryUrl,
      DATA_DIR: dataDir,
      ...(pgliteTemplate ? { PGLITE_TEMPLATE: pgliteTemplate } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
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
  if (stopping) return;
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

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
process.stdout.write(
  `CarCar: starting ${services.map((s) => `${s.name} on :${s.port}`).join(', ')}; data in ${
    process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : dataDir
  }\n`,
);
// The browser app needs no database, so it starts while a missing template is made.
const [apis, app] = [services.slice(0, 3), services[3]];
launch(app);
await preparePgliteTemplate();
if (!stopping) for (const service of apis) launch(service);
