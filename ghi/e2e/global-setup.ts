import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStackData, type StackData } from '@carcar/testing/stack';

const root = fileURLToPath(new URL('../../', import.meta.url));
const health = [
  'http://localhost:8100/healthz',
  'http://localhost:8080/healthz',
  'http://localhost:8090/healthz',
  'http://localhost:3000/',
];

let stack: ChildProcess | undefined;
let data: StackData | undefined;
let output = '';

async function allUp(): Promise<boolean> {
  const answers = await Promise.all(
    health.map((url) =>
      fetch(url).then(
        (res) => res.ok,
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
}

/**
 * Builds the browser app and starts the whole stack with `npm start` on a fresh DATA_DIR. Not
 * startStack: the journeys need the built app too, and the fixed ports it was built to call.
 */
export async function setup(): Promise<void> {
  if (await allUp())
    throw new Error('Something already answers on the CarCar ports; stop it before the browser tests.');
  execFileSync('npm', ['run', 'build', '-w', 'ghi'], { cwd: root, stdio: 'ignore' });
  // Always PGlite, whatever TEST_DATABASE_URL says: the journeys run the stack as a developer does.
  data = await createStackData({ serverUrl: undefined, prefix: 'carcar_e2e' });
  stack = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, ...data.env, CARCAR_GHI: 'preview', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stack.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  stack.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 180_000;
  while (!(await allUp())) {
    if (stack.exitCode !== null || Date.now() > deadline) throw new Error(`the stack did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function teardown(): Promise<void> {
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack?.once('exit', resolve));
    stack.kill('SIGINT');
    await exited;
  }
  await data?.remove();
}
