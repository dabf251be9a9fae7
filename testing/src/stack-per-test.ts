import { afterEach, beforeEach } from 'vitest';
import { type DependentService, type Stack, type StackOptions, startStack } from './stack.js';

// Kept apart from stack.ts, which the soak and the bench run outside vitest.

/**
 * A fresh stack for each of the file's tests (started before each, stopped after it), as one
 * `Stack` that always means the running test's: `stack.processes.sales` is the sales process now,
 * also after the test started it again.
 */
export function stackPerTest<D extends DependentService = DependentService>(options: StackOptions<D> = {}): Stack<D> {
  let current: Stack<D> | undefined;
  beforeEach(async () => {
    current = await startStack(options);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  const now = (): Stack<D> => {
    if (!current) throw new Error('the stack runs only during a test');
    return current;
  };
  return {
    get urls() {
      return now().urls;
    },
    get processes() {
      return now().processes;
    },
    get data() {
      return now().data;
    },
    start: (name, env) => now().start(name, env),
    call: (name, method, path, body, role) => now().call(name, method, path, body, role),
    stop: () => now().stop(),
  };
}
