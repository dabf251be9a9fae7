import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { inventoryEnv } from '../../inventory-api/src/config.js';
import { salesApiEnv } from '../../sales-api/src/config.js';
import { serviceApiEnv } from '../../service-api/src/config.js';

// No Docker engine or cluster runs here, so docker-compose.yml, the Dockerfiles and the Kubernetes
// manifests are checked against the code: ports, variables, commands, health checks, build inputs.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');

const apis: Record<string, z.ZodObject> = {
  'inventory-api': inventoryEnv,
  'service-api': serviceApiEnv,
  'sales-api': salesApiEnv,
};
function defaultPort(name: string): number {
  const schema = apis[name];
  if (!schema) throw new Error(`no such API: ${name}`);
  return (schema.parse({}) as { PORT: number }).PORT;
}
const envKeys = (name: string) => Object.keys(apis[name]?.shape ?? {});

interface ComposeService {
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

/** Every `COPY src dest` of a Dockerfile whose source is in the repository must exist. */
function copiedPaths(dockerfile: string): string[] {
  return [...dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(' '));
}

describe('Dockerfiles', () => {
  it.each(Object.keys(apis))('%s: multi-stage, non-root, compiled entry point, /healthz on its port', (name) => {
    const dockerfile = read(`${name}/Dockerfile`);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain(`RUN node scripts/build.mjs --only ${name}`);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/main\.js"\]/);
    expect(dockerfile).toContain(`ENV NODE_ENV=production PORT=${defaultPort(name)}`);
    expect(dockerfile).toContain(`EXPOSE ${defaultPort(name)}`);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*process\.env\.PORT \+ '\/healthz'/);
    expect(dockerfile).toContain(`COPY ${name}/drizzle ${name}/drizzle`);
    for (const source of copiedPaths(dockerfile)) expect(existsSync(`${root}${source}`), source).toBe(true);
    // The build step writes exactly what the runtime stage copies and runs.
    expect(read('scripts/build.mjs')).toContain("path.join(root, service, 'dist', 'main.js')");
  });

  it('ghi: static files with an SPA fallback, non-root, API addresses set at start-up', () => {
    const dockerfile = read('ghi/Dockerfile');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER nginx$/m);
    expect(dockerfile).toContain('EXPOSE 3000');
    for (const source of copiedPaths(dockerfile)) expect(existsSync(`${root}${source}`), source).toBe(true);
    expect(read('ghi/docker/nginx.conf')).toMatch(/listen 3000;[\s\S]*try_files \$uri \/index\.html;/);
    const entrypoint = read('ghi/docker/40-carcar-config.sh');
    for (const key of ['inventoryApiUrl', 'serviceApiUrl', 'salesApiUrl']) {
      expect(entrypoint).toContain(key);
      expect(read('ghi/src/config/env.ts')).toContain(`deployed?.${key}`);
    }
    expect(read('ghi/index.html')).toContain('<script src="/config.js"></script>');
  });
});

describe('docker-compose.yml', () => {
  it.each(Object.keys(apis))('runs %s as the code expects', (name) => {
    const service = compose.services[name];
    expect(service, `${name} is in docker-compose.yml`).toBeDefined();
    const env = service?.environment ?? {};
    for (const key of Object.keys(env)) expect(envKeys(name), `${name} reads ${key}`).toContain(key);
    const parsed = apis[name]?.safeParse(env);
    expect(parsed?.success, JSON.stringify(parsed?.error?.issues)).toBe(true);
    const config = parsed?.data as { PORT: number; DATABASE_URL?: string; INVENTORY_API_URL?: string };
    expect(config.PORT).toBe(defaultPort(name));
    expect(service?.ports).toEqual([`${config.PORT}:${config.PORT}`]);
    expect(config.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(service?.depends_on?.postgres?.condition).toBe('service_healthy');
    if (envKeys(name).includes('INVENTORY_API_URL')) {
      expect(config.INVENTORY_API_URL).toBe(`http://inventory-api:${defaultPort('inventory-api')}`);
      expect(service?.depends_on?.['inventory-api']?.condition).toBe('service_healthy');
    }
    expect(service?.build).toEqual({ context: '.', dockerfile: `${name}/Dockerfile` });
  });

  it('serves the browser app on :3000, pointed at the APIs on the host ports', () => {
    const ghi = compose.services.ghi;
    expect(ghi?.build).toEqual({ context: '.', dockerfile: 'ghi/Dockerfile' });
    expect(ghi?.ports).toEqual(['3000:3000']);
    expect(ghi?.environment).toEqual({
      INVENTORY_API_URL: `http://localhost:${defaultPort('inventory-api')}`,
      SERVICE_API_URL: `http://localhost:${defaultPort('service-api')}`,
      SALES_API_URL: `http://localhost:${defaultPort('sales-api')}`,
    });
  });

  it('gives Postgres a volume and a health check', () => {
    const postgres = compose.services.postgres;
    expect(postgres?.volumes?.[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
    expect(postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
  });
});

interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec: {
    replicas?: number;
    ports?: { port: number; targetPort: number }[];
    rules?: { host: string; http: { paths: { backend: { service: { name: string; port: { number: number } } } }[] } }[];
    template?: {
      spec: {
        containers: {
          image: string;
          ports: { containerPort: number }[];
          env?: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
          envFrom?: { configMapRef: { name: string } }[];
          readinessProbe: { httpGet: { path: string; port: number } };
          livenessProbe: { httpGet: { path: string; port: number } };
          resources: { requests: Record<string, string> };
        }[];
      };
    };
  };
}

const manifests: K8sObject[] = readdirSync(`${root}deploy/k8s`)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(read(`deploy/k8s/${file}`)).map((doc) => doc.toJS() as K8sObject));
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe('Kubernetes manifests', () => {
  const configMap = find('ConfigMap', 'carcar-config');

  it.each(Object.keys(apis))(
    '%s: 2 replicas, probes on /healthz, config from the ConfigMap, database URL from a Secret',
    (name) => {
      const deployment = find('Deployment', name);
      const port = defaultPort(name);
      expect(deployment?.spec.replicas).toBe(2);
      const container = deployment?.spec.template?.spec.containers[0];
      expect(container?.ports[0]?.containerPort).toBe(port);
      expect(container?.readinessProbe.httpGet).toEqual({ path: '/healthz', port });
      expect(container?.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
      expect(Object.keys(container?.resources.requests ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
      expect(container?.envFrom).toEqual([{ configMapRef: { name: 'carcar-config' } }]);
      const secretRef = container?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
      expect(secretRef).toEqual({ name: 'carcar-database', key: 'DATABASE_URL' });
      // Every variable set for the pod is one the service reads, and the whole set passes its validation.
      const env: Record<string, string> = { ...configMap?.data, DATABASE_URL: 'postgres://u:p@db:5432/carcar' };
      for (const entry of container?.env ?? []) if (entry.value !== undefined) env[entry.name] = entry.value;
      for (const key of Object.keys(env).filter((k) => k !== 'INVENTORY_API_URL' || envKeys(name).includes(k))) {
        expect(envKeys(name), `${name} reads ${key}`).toContain(key);
      }
      expect(apis[name]?.safeParse(env).success).toBe(true);
      expect(find('Service', name)?.spec.ports).toEqual([{ port, targetPort: port }]);
    },
  );

  it('points the ConfigMap at the inventory Service', () => {
    expect(configMap?.data?.INVENTORY_API_URL).toBe(`http://inventory-api:${defaultPort('inventory-api')}`);
  });

  it('routes every Ingress host to a Service on a port it serves', () => {
    const ingress = find('Ingress', 'carcar');
    const backends = ingress?.spec.rules?.flatMap((rule) => rule.http.paths.map((p) => p.backend.service)) ?? [];
    expect(backends.map((b) => b.name).sort()).toEqual(['ghi', 'inventory-api', 'sales-api', 'service-api']);
    for (const backend of backends) {
      expect(find('Service', backend.name)?.spec.ports?.[0]?.port).toBe(backend.port.number);
    }
  });
});
