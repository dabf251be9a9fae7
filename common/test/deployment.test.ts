import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { inventoryEnv } from '../../inventory-api/src/config.js';
import { salesApiEnv } from '../../sales-api/src/config.js';
import { serviceApiEnv } from '../../service-api/src/config.js';

// No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked against the code.
const root = fileURLToPath(new URL('../../', import.meta.url));
const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8')) as {
  services: Record<
    string,
    {
      build?: { context: string; args?: Record<string, string> };
      environment?: Record<string, string>;
      ports?: string[];
      depends_on?: Record<string, { condition: string }>;
    }
  >;
};
const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');

const apis: Record<string, z.ZodObject> = {
  'inventory-api': inventoryEnv,
  'service-api': serviceApiEnv,
  'sales-api': salesApiEnv,
};

describe('docker-compose.yml', () => {
  it.each(Object.entries(apis))('runs %s as the code expects', (name, envSchema) => {
    const service = compose.services[name];
    expect(service, `${name} is in docker-compose.yml`).toBeDefined();
    const env = service?.environment ?? {};
    // Every variable compose sets is one the service reads, and every value passes its validation.
    for (const key of Object.keys(env)) expect(Object.keys(envSchema.shape), `${name} reads ${key}`).toContain(key);
    const parsed = envSchema.safeParse(env);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const config = parsed.data as { PORT: number; DATABASE_URL?: string; INVENTORY_API_URL?: string };
    expect(config.PORT).toBe(envSchema.parse({}).PORT);
    expect(service?.ports).toEqual([`${config.PORT}:${config.PORT}`]);
    expect(config.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(service?.depends_on?.postgres?.condition).toBe('service_healthy');
    if ('INVENTORY_API_URL' in envSchema.shape) {
      const inventoryPort = inventoryEnv.parse({}).PORT;
      expect(config.INVENTORY_API_URL).toBe(`http://inventory-api:${inventoryPort}`);
      expect(service?.depends_on?.['inventory-api']?.condition).toBe('service_healthy');
    }
    // The image is built from this repository for this workspace, and starts its real entry point.
    expect(service?.build?.context).toBe('.');
    expect(service?.build?.args?.SERVICE).toBe(name);
    expect(existsSync(`${root}${name}/src/main.ts`)).toBe(true);
    expect(existsSync(`${root}${name}/package.json`)).toBe(true);
    expect(dockerfile).toContain(`COPY ${name}/package.json ${name}/`);
  });

  it('gives Postgres a volume and a health check', () => {
    const postgres = compose.services.postgres as unknown as { volumes: string[]; healthcheck: { test: string[] } };
    expect(postgres.volumes[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready');
  });
});

describe('Dockerfile', () => {
  it('starts src/main.ts as a non-root user and checks /healthz on the PORT the service reads', () => {
    expect(dockerfile).toMatch(/CMD \["node", "--import", "tsx", "src\/main\.ts"\]/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(dockerfile).toContain('process.env.PORT');
    for (const name of Object.keys(apis)) expect(existsSync(`${root}${name}/drizzle`)).toBe(true);
  });
});
