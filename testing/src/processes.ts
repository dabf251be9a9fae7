import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testKeys } from './credentials.js';

/**
 * The test keys a service in `cwd` needs: every issuer's public key, and its own private key for
 * the services that sign their calls. An explicit variable in `env` wins (a test of bad keys).
 */
async function keyEnv(cwd: string): Promise<Record<string, string>> {
  const name = path.basename(cwd);
  const keys = await testKeys();
  if (name === 'gateway') return { CARCAR_SIGNING_KEY: JSON.stringify(keys.signing['carcar-gateway']) };
  return name === 'service-api' || name === 'sales-api' ? keys.env(name) : keys.env();
}

/** Resident memory of a running process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * What a spawned process wrote, its last `limit` characters at most: a bench's service logs a line
 * per request, millions in a full run, which kept whole grew the load generator's heap by hundreds
 * of MB (and toward V8's largest string). Chunks are kept apart and joined only when read.
 */
class OutputTail {
  private chunks: string[] = [];
  /** The first chunk still kept: those before it are dropped (compacted away now and then). */
  private head = 0;
  private length = 0;
  private joined: string | undefined = '';
  constructor(private readonly limit = 16 * 2 ** 20) {}

  add(chunk: string): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    this.joined = undefined;
    while (this.length > this.limit && this.chunks.length - this.head > 1) {
      this.length -= this.chunks[this.head]?.length ?? 0;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  text(): string {
    if (this.joined === undefined) this.joined = this.chunks.slice(this.head).join('');
    return this.joined;
  }
}

export interface SpawnedService {
  pid: number;
  port: number;
  url: string;
  output: () => string;
  /** The exit code once the process has exited (a signal's name if one ended it), else null. */
  exitCode: () => number | string | null;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/**
 * Runs a service's `src/main.ts` as a real process on an ephemeral port and resolves once it
 * logs that it listens. For tests that need real processes: restarts, signals, outages.
 */
export async function spawnService(
  cwd: string,
  env: Record<string, string | undefined>,
  /** What node runs: the TypeScript source by default, `['dist/main.js']` for a production build. */
  entry: string[] = ['--import', 'tsx', 'src/main.ts'],
): Promise<SpawnedService> {
  const keys = await keyEnv(cwd);
  const child = spawn(process.execPath, entry, {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...keys, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputTail();
  child.stderr.on('data', (chunk: Buffer) => {
    output.add(chunk.toString());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 120 s:\n${output.text()}`)), 120_000);
    let listening = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output.add(chunk.toString());
      // Only until it listens: a bench's service logs a line per request, and searching the
      // whole output at every chunk made the load generator beside it the slowest process.
      if (listening) return;
      const match = /"port":(\d+),"msg":"listening"/.exec(output.text());
      if (match) {
        listening = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output.text()}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output.text(),
    exitCode: () => child.exitCode ?? child.signalCode,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a service's `src/main.ts` to completion, for start-up failures. */
export function runServiceToExit(
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** Polls `check` until it holds and returns how long that took; throws naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}
