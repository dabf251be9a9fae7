import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ADMIN } from '@carcar/testing/gateway';
import { rssMb } from '@carcar/testing/processes';
import { root } from './stack.js';
import { visitEveryPage } from './visit-pages.js';

/** Ports away from the defaults, so a developer's running `npm start` does not collide with the bench. */
const ports = {
  INVENTORY_PORT: '18100',
  SERVICE_PORT: '18080',
  SALES_PORT: '18090',
  GATEWAY_PORT: '13000',
  GHI_DEV_PORT: '15173',
};

/** Until no process is left in process group `pgid`; throws after `timeoutMs` (a restart would find it there). */
async function groupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`npm start's processes were still running ${timeoutMs / 1000} s after SIGTERM`);
}

/**
 * Proportional set size, MB: each resident page divided by the number of processes sharing it (the
 * node binary's pages, counted in every process's RSS, count once across them). Linux only.
 */
function pssMb(pid: number): number {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
}

async function answersOk(url: string, health: boolean): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) return false;
    return !health || ((await res.json()) as { status?: string }).status === 'ok';
  } catch {
    return false;
  }
}

/** The parent of each running process, by pid (Linux). */
function parents(): Map<number, number> {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command name, which may itself hold spaces: state, then the parent.
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // It exited while we looked.
    }
  }
  return parent;
}

/**
 * Resident memory of every process under `pid`, by part: npm, the launcher (with the four services,
 * which `npm start` runs as its threads), and each folder it starts a process in (a dev server).
 */
function processTree(pid: number): Set<number> {
  const parent = parents();
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, of] of parent) {
      if (!tree.has(child) && tree.has(of)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return tree;
}

function residentByPart(pid: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const member of processTree(pid)) {
    try {
      const dir = readlinkSync(`/proc/${member}/cwd`);
      const command = readFileSync(`/proc/${member}/cmdline`, 'utf8');
      const part = dir !== root ? path.basename(dir) : command.includes('start.mjs') ? 'launcher and services' : 'npm';
      parts[part] = Math.round((parts[part] ?? 0) + rssMb(member));
    } catch {
      // It exited while we looked.
    }
  }
  return parts;
}

/** The tree's proportional set size in all, MB (see `pssMb`). */
function proportionalTotal(pid: number): number {
  let total = 0;
  for (const member of processTree(pid)) {
    try {
      total += pssMb(member);
    } catch {
      // It exited while we looked.
    }
  }
  return Math.round(total);
}

const sum = (parts: Record<string, number>) => Object.values(parts).reduce((total, mb) => total + mb, 0);

export interface PageVisitFootprint {
  pages: number;
  residentMb: Record<string, number>;
  /** The sum of every process's RSS (the measure). */
  totalMb: number;
  /** The same processes' proportional set size: shared pages counted once. */
  proportionalMb: number;
}

export interface StartupFootprint {
  /** Resident memory of each part right after `npm run seed`, MB. */
  residentMb: Record<string, number>;
  totalMb: number;
  /** The same once a browser has signed in and visited every page of the app (./visit-pages.ts). */
  afterVisit: PageVisitFootprint;
  /** Stopped and started again on the same (seeded) data folder, then every page visited again. */
  afterRestart: PageVisitFootprint;
}

/** Every part of `npm start` by its resident memory once a browser has visited every page. */
async function visitAndMeasure(pid: number): Promise<PageVisitFootprint> {
  const pages = await visitEveryPage(`http://127.0.0.1:${ports.GATEWAY_PORT}`, TEST_ADMIN);
  const residentMb = residentByPart(pid);
  return { pages: pages.length, residentMb, totalMb: sum(residentMb), proportionalMb: proportionalTotal(pid) };
}

/** `npm start`'s environment (and `npm run seed`'s): PGlite in `dataDir`, the bench's ports and administrator. */
function stackEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    DATA_DIR: dataDir,
    CARCAR_ADMIN_EMAIL: TEST_ADMIN.email,
    CARCAR_ADMIN_PASSWORD: TEST_ADMIN.password,
  };
  delete env.DATABASE_URL;
  return env;
}

/**
 * `npm start` exactly as a developer runs it: embedded PGlite in `dataDir`, the three APIs and the
 * gateway (bundled from source at each start), the gateway serving the built app (built first when
 * ghi/dist is missing or stale: on a fresh clone, the first start). Once every /healthz answers ok
 * and the app answers its page through the gateway, `whenUp` gets the seconds that took and the
 * process; then the whole process group is stopped.
 */
async function whileStarted<T>(dataDir: string, whenUp: (seconds: number, pid: number) => Promise<T>): Promise<T> {
  const env = stackEnv(dataDir);
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // The last lines it printed, to say why when it stops before it is up.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const urls: Array<[string, boolean]> = [
    ...[ports.INVENTORY_PORT, ports.SERVICE_PORT, ports.SALES_PORT, ports.GATEWAY_PORT].map(
      (port): [string, boolean] => [`http://127.0.0.1:${port}/healthz`, true],
    ),
    // The app's page through the gateway, which serves ghi/dist.
    [`http://127.0.0.1:${ports.GATEWAY_PORT}/`, false],
  ];
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await Promise.all(urls.map(([url, health]) => answersOk(url, health)));
      if (ok.every(Boolean) && child.pid) return await whenUp((performance.now() - started) / 1000, child.pid);
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`npm start exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error('npm start was not up within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      // The whole process group: npm and the launcher (whose threads are the four services).
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    // Until every process of the group has gone, so the next start finds its ports free.
    if (child.pid) await groupGone(child.pid, 15_000);
  }
}

/** Seconds from `npm start` on a fresh DATA_DIR until everything answers. */
async function startupTime(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carcar-startup-'));
  try {
    return await whileStarted(dataDir, async (seconds) => seconds);
  } finally {
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

/** Issue 31: `npm start` on PGlite under this, all processes, after the seed and a browser's visit of every page. */
export const FOOTPRINT_TARGET_MB = 700;

/**
 * One more start (template cached) on a fresh DATA_DIR, filled by `npm run seed`: what its processes
 * hold resident then, after a browser's visit of every page, and again after a restart on the same
 * data and another visit.
 */
export async function startupFootprint(): Promise<StartupFootprint> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carcar-startup-'));
  try {
    const first = await whileStarted(dataDir, async (_seconds, pid) => {
      execFileSync('npm', ['run', 'seed'], {
        cwd: root,
        env: { ...stackEnv(dataDir), CARCAR_URL: `http://127.0.0.1:${ports.GATEWAY_PORT}` },
        stdio: 'ignore',
      });
      const residentMb = residentByPart(pid);
      return { residentMb, totalMb: sum(residentMb), afterVisit: await visitAndMeasure(pid) };
    });
    const afterRestart = await whileStarted(dataDir, (_seconds, pid) => visitAndMeasure(pid));
    return { ...first, afterRestart };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
