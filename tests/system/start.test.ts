import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn } from '@carcar/testing/gateway';
import { freePorts } from '@carcar/testing/ports';
import { until } from '@carcar/testing/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as staff run it: a terminal's Ctrl-C, a restart, and the data as it was.
const root = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;
let ports: { inventory: number; service: number; sales: number; gateway: number };
const started: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node scripts/start.mjs` in a process group of its own, as a terminal runs it; resolves once it is ready. */
async function start(): Promise<Started> {
  const {
    INVENTORY_API_URL: _unset,
    CARCAR_ADMIN_EMAIL: _email,
    CARCAR_ADMIN_PASSWORD: _password,
    ...inherited
  } = process.env;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      INVENTORY_PORT: String(ports.inventory),
      SERVICE_PORT: String(ports.service),
      SALES_PORT: String(ports.sales),
      GATEWAY_PORT: String(ports.gateway),
      // No INVENTORY_API_URL: npm start points the pollers at the inventory port it chose, and the
      // ready block waits for both pollers to have synced once. No CARCAR_ADMIN_*: a newcomer's start.
      CARCAR_GHI: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(child);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await until(
    'npm start is ready',
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      return output.includes('CarCar is ready');
    },
    150_000,
  );
  return { child, output: () => output, exited };
}

/** What a terminal does on Ctrl-C: SIGINT to every process of the foreground group. */
function ctrlC(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'carcar-start-'));
  const [inventory = 0, service = 0, sales = 0, gateway = 0] = await freePorts(4);
  ports = { inventory, service, sales, gateway };
});
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('says where to go and how to sign in once everything answers, and Ctrl-C closes every database cleanly', async () => {
    const first = await start();
    const ready = first.output().slice(first.output().indexOf('CarCar is ready'));
    const app = `http://localhost:${ports.gateway}`;
    expect(ready).toContain(`open          ${app}/`);
    for (const name of ['inventory', 'service', 'sales']) {
      expect(ready).toContain(`${app}/${name}/api/`);
      expect(ready).toContain(`${app}/${name}/api/docs/`);
    }
    // The generated administrator's password is in the ready block, once, and nowhere else.
    const password = /Email: +admin@carcar\.local +Password: +(\S+)/.exec(ready)?.[1] ?? '';
    expect(password).toMatch(/^\S{16,}$/);
    expect(first.output().split(password).length - 1).toBe(1);

    const admin = await signIn(app, 'admin@carcar.local', password);
    const one = await admin.call<{ id: number }>('POST', '/inventory/api/manufacturers/', { name: 'First Motors' });
    expect(one.id).toBe(1);
    // The services' own ports answer nothing unsigned.
    const direct = await fetch(`http://127.0.0.1:${ports.inventory}/api/manufacturers/`);
    expect(direct.status).toBe(401);

    // Ctrl-C twice in quick succession, as an impatient user does.
    ctrlC(first.child);
    await new Promise((resolve) => setTimeout(resolve, 5));
    ctrlC(first.child);
    expect(await first.exited).toBe(0);
    for (const name of ['inventory-api', 'service-api', 'sales-api', 'gateway']) {
      expect(first.output()).toMatch(new RegExp(`"name":"${name}"[^\\n]*"msg":"stopped"`));
    }

    const second = await start();
    const again = second.output().slice(second.output().indexOf('CarCar is ready'));
    expect(again).toContain('sign in       with your CarCar account');
    expect(second.output()).not.toContain(password);
    const back = await signIn(app, 'admin@carcar.local', password);
    const two = await back.call<{ id: number }>('POST', '/inventory/api/manufacturers/', { name: 'Second Motors' });
    // After a crash Postgres skips the 32 sequence values it logs ahead: id 34, not 2.
    expect(two.id).toBe(2);
    expect(second.output()).not.toMatch(/recovery|not properly shut down/i);
    ctrlC(second.child);
    expect(await second.exited).toBe(0);
  }, 300_000);
});
