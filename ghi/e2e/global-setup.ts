import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signIn, TEST_ADMIN } from '@carcar/testing/gateway';
import { createStackData, type StackData } from '@carcar/testing/stack';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An administrator's API token, for the journeys' own calls through the gateway. */
    adminToken: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const ports = [3000, 5173, 8100, 8080, 8090];

let stack: ChildProcess | undefined;
let data: StackData | undefined;
let output = '';

async function anythingAnswers(): Promise<boolean> {
  const answers = await Promise.all(
    ports.map((port) =>
      fetch(`http://localhost:${port}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
        () => true,
        () => false,
      ),
    ),
  );
  return answers.some(Boolean);
}

/** Resolves once `npm start` says every part answers; rejects if it stops or takes too long. */
function ready(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CarCar is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the stack stopped while starting (${signal ?? code}):\n${output}`));
    });
  });
}

/**
 * Starts the whole stack with `npm start` on a fresh DATA_DIR, as a user does: it builds the browser
 * app when ghi/dist is missing or older than its source, and the gateway on 3000 serves the build
 * and forwards to the services, which answer nothing unsigned. Then the demo data and staff of `npm run seed`, the one place the journeys'
 * shared data comes from, and an administrator's API token for the journeys' own calls.
 */
export async function setup(project: TestProject): Promise<void> {
  if (await anythingAnswers())
    throw new Error('Something already answers on the CarCar ports; stop it before the browser tests.');
  // Always PGlite, whatever TEST_DATABASE_URL says: the journeys run the stack as a developer does.
  data = await createStackData({ serverUrl: undefined, prefix: 'carcar_e2e' });
  const admin = { CARCAR_ADMIN_EMAIL: TEST_ADMIN.email, CARCAR_ADMIN_PASSWORD: TEST_ADMIN.password };
  stack = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...data.env,
      ...admin,
      // The journeys write faster than staff type; the write limit is tested elsewhere.
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await ready(stack, 180_000);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: root,
    env: { ...process.env, ...admin, CARCAR_URL: 'http://localhost:3000' },
    stdio: 'pipe',
  });
  const api = await signIn('http://localhost:3000', TEST_ADMIN.email, TEST_ADMIN.password);
  const { token } = await api.call<{ token: string }>('POST', '/auth/tokens', { name: 'E2E journeys', role: 'admin' });
  project.provide('adminToken', token);
}

export async function teardown(): Promise<void> {
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack?.once('exit', resolve));
    stack.kill('SIGINT');
    await exited;
  }
  await data?.remove();
}
