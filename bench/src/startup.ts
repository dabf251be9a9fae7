import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './stack.js';

/** Ports away from the defaults, so a developer's running `npm start` does not collide with the bench. */
const ports = {
  INVENTORY_PORT: '18100',
  SERVICE_PORT: '18080',
  SALES_PORT: '18090',
  GATEWAY_PORT: '13000',
  GHI_DEV_PORT: '15173',
};

async function answersOk(url: string, health: boolean): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) return false;
    return !health || ((await res.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

/**
 * `npm start` exactly as a developer runs it on a fresh clone: embedded PGlite in an empty DATA_DIR,
 * the three APIs and the gateway from source and the app's dev server. Timed until every /healthz
 * answers ok and the app answers its page through the gateway.
 */
async function startupTime(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carcar-startup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: 'ignore', detached: true });
  const urls: Array<[string, boolean]> = [
    ...[ports.INVENTORY_PORT, ports.SERVICE_PORT, ports.SALES_PORT, ports.GATEWAY_PORT].map(
      (port): [string, boolean] => [`http://127.0.0.1:${port}/healthz`, true],
    ),
    // The app's page through the gateway, which proxies Vite's dev server.
    [`http://127.0.0.1:${ports.GATEWAY_PORT}/`, false],
  ];
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await Promise.all(urls.map(([url, health]) => answersOk(url, health)));
      if (ok.every(Boolean)) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('npm start was not up within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      // The whole process group: npm, the launcher and the four servers it started.
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `runs` starts, one after the other. `firstOnMachine` also removes the initialised-database template
 * `npm start` keeps in node_modules/.cache, as on a fresh clone; otherwise it is there, as on every
 * later start with a new DATA_DIR.
 */
export async function startupTimes(runs: number, firstOnMachine: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (firstOnMachine) rmSync(path.join(root, 'node_modules', '.cache', 'carcar'), { recursive: true, force: true });
    times.push(await startupTime());
  }
  return times;
}
