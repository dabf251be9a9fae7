import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { callJson } from '@carcar/testing/http';
import type { SpawnedService } from '@carcar/testing/processes';
import { type Stack, startStack } from '@carcar/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run build` bundles each API to plain JavaScript; this runs those bundles with no TypeScript loader.
const root = fileURLToPath(new URL('../../', import.meta.url));
let stack: Stack | undefined;
const running: SpawnedService[] = [];

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--apis'], { cwd: root });
});
afterAll(async () => {
  await stack?.stop();
});

describe('the production build', () => {
  it('runs every API from dist/main.js with plain node, migrations included', async () => {
    stack = await startStack({ entry: ['dist/main.js'] });
    const { inventory, service, sales } = stack.processes;
    running.push(inventory, service, sales);
    for (const service of running)
      expect((await callJson<{ status: string }>('GET', `${service.url}/healthz`)).status).toBe('ok');
    const created = await callJson<{ name: string }>('POST', `${inventory.url}/api/manufacturers/`, {
      name: 'Built Motors',
    });
    expect(created.name).toBe('Built Motors');
    const res = await fetch(`${running[1]?.url}/api/appointments/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(res.status).toBe(400);
    for (const service of running.splice(0)) expect(await service.stop()).toBe(0);
  }, 180_000);
});
