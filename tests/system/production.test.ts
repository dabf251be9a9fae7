import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { asRole } from '@carcar/testing/credentials';
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
    const created = await stack.call<{ name: string }>('inventory', 'POST', '/api/manufacturers/', {
      name: 'Built Motors',
    });
    expect(created.name).toBe('Built Motors');
    // The bundle checks credentials as the source does: none is a 401, a valid one gets to the route.
    expect((await fetch(`${inventory.url}/api/manufacturers/`)).status).toBe(401);
    const res = await fetch(`${service.url}/api/appointments/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asRole('admin', 'service-api')) },
      body: '{"broken":',
    });
    expect(res.status).toBe(400);
    for (const service of running.splice(0)) expect(await service.stop()).toBe(0);
  }, 180_000);
});
