// Starts every CarCar service that exists in this checkout, on its default port, and stops them
// together: Ctrl-C (or SIGTERM) reaches each service, which finishes its requests and closes its database.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const inventoryUrl = process.env.INVENTORY_API_URL ?? 'http://localhost:8100';

/** Every service; those not in this checkout yet are skipped. Order: inventory first. */
const services = [
  { name: 'inventory', dir: 'inventory-api', env: { PORT: process.env.INVENTORY_PORT ?? '8100' } },
  {
    name: 'service',
    dir: 'service-api',
    env: { PORT: process.env.SERVICE_PORT ?? '8080', INVENTORY_API_URL: inventoryUrl },
  },
  { name: 'sales', dir: 'sales-api', env: { PORT: process.env.SALES_PORT ?? '8090', INVENTORY_API_URL: inventoryUrl } },
].filter((service) => existsSync(path.join(root, service.dir, 'src', 'main.ts')));

const children = services.map((service) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, service.dir),
    env: { ...process.env, ...service.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${service.name}] ${line}\n`));
  }
  return { service, child };
});

let stopping = false;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill(signal);
}

let exitCode = 0;
let running = children.length;
for (const { service, child } of children) {
  child.on('exit', (code, signal) => {
    running--;
    if (!stopping) {
      process.stdout.write(`[${service.name}] exited (${signal ?? code}); stopping the others\n`);
      exitCode = 1;
      stopAll('SIGTERM');
    }
    if (running === 0) process.exit(exitCode);
  });
}

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
process.stdout.write(
  `CarCar: starting ${services.map((s) => `${s.name} on :${s.env.PORT}`).join(', ')}; data in ${
    process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : dataDir
  }\n`,
);
