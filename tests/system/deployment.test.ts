import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createHttpApp } from '@carcar/common/http/app';
import { createLogger } from '@carcar/common/service/logger';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { inventoryEnv } from '../../inventory-api/src/config.js';
import { salesApiEnv } from '../../sales-api/src/config.js';
import { serviceApiEnv } from '../../service-api/src/config.js';

// No Docker engine or cluster runs here, so docker-compose.yml, the API Dockerfile and the Kubernetes
// manifests are checked against the code: each service's own env schema parses what they set, the
// health-check command and probe paths are run against the shared HTTP app, the image's build stage
// is replayed in a scratch folder and what it writes is what the image's CMD runs.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const run = promisify(execFile);

const apis: Record<string, z.ZodObject> = {
  'inventory-api': inventoryEnv,
  'service-api': serviceApiEnv,
  'sales-api': salesApiEnv,
};
const apiNames = Object.keys(apis);
const schema = (name: string): z.ZodObject => {
  const found = apis[name];
  if (!found) throw new Error(`no such API: ${name}`);
  return found;
};
const defaultPort = (name: string): number => (schema(name).parse({}) as { PORT: number }).PORT;
const envKeys = (name: string) => Object.keys(schema(name).shape);
const parsedConfig = (name: string, env: Record<string, string>) => {
  const parsed = schema(name).safeParse(env);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return parsed.data as { PORT: number; DATABASE_URL?: string; INVENTORY_API_URL?: string };
};

// ---- The Dockerfile, read the way Docker reads it: instructions, stages, build arguments. ----

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name?: string;
  instructions: Instruction[];
}

/** Instructions with continuation lines joined and comments dropped; `${NAME}` expanded from `vars`. */
function dockerfileStages(text: string, vars: Record<string, string>): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const scope = { ...vars };
  const expand = (value: string) => value.replace(/\$\{(\w+)\}/g, (whole, name: string) => scope[name] ?? whole);
  const stages: Stage[] = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = expand(rest.join(' '));
    if (keyword === 'ARG') {
      const [name = '', value] = args.split('=');
      if (value !== undefined) scope[name] ??= value;
    }
    if (keyword === 'FROM') stages.push({ name: /\bAS (\S+)$/i.exec(args)?.[1], instructions: [] });
    stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}
const argsOf = (stage: Stage | undefined, keyword: string) =>
  stage?.instructions.filter((i) => i.keyword === keyword).map((i) => i.args) ?? [];
const lastOf = (stage: Stage | undefined, keyword: string) => argsOf(stage, keyword).at(-1) ?? '';

/** `COPY [--from=x] [--flag] src... dest` as its parts. */
function copies(stage: Stage | undefined): { from?: string; sources: string[]; dest: string }[] {
  return argsOf(stage, 'COPY').map((args) => {
    const words = args.split(' ');
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((w) => !w.startsWith('--'));
    return { from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
  });
}

/** `ENV A=1 B=2` of a stage, as the container's environment starts. */
function imageEnv(stage: Stage | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of argsOf(stage, 'ENV')) {
    for (const pair of args.split(' ')) {
      const [key = '', value = ''] = pair.split('=');
      env[key] = value;
    }
  }
  return env;
}

// Whether .dockerignore keeps `file` out of the build context: a `**/name` line anywhere, other lines from the root.
function dockerIgnored(file: string): boolean {
  const relative = path.relative(root, file);
  return read('.dockerignore')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .some((pattern) =>
      pattern.startsWith('**/')
        ? path.basename(file) === pattern.slice(3)
        : relative === pattern || relative.startsWith(`${pattern}/`),
    );
}

/** Where `target` lands relative to `dir`, as Docker resolves a relative COPY destination or WORKDIR. */
const inside = (dir: string, target: string) => path.posix.resolve(dir, target);

// ---- docker-compose.yml ----

interface ComposeService {
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const composeApi = (name: string): ComposeService => {
  const service = compose.services[name];
  if (!service) throw new Error(`${name} is not in docker-compose.yml`);
  return service;
};

/** The API Dockerfile compose builds each API from; the same one the Kubernetes README builds. */
const apiDockerfile = composeApi('inventory-api').build?.dockerfile ?? '';
/** The stages of the API image for one API, with the build arguments compose gives it. */
const imageFor = (name: string) => dockerfileStages(read(apiDockerfile), composeApi(name).build?.args ?? {});

// ---- A running copy of the shared HTTP app, for the health check and the probes. ----

let healthy = true;
const app = createHttpApp({
  logger: createLogger('deployment-test', 'silent'),
  routes: () => {},
  health: async () => {
    if (!healthy) throw new Error('database down');
    return {};
  },
});
let server: ReturnType<typeof app.listen>;
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the API image', () => {
  it('is built from one Dockerfile for every API, with the API and its port as build arguments', () => {
    for (const name of apiNames) {
      expect(composeApi(name).build).toEqual({
        context: '.',
        dockerfile: apiDockerfile,
        args: { SERVICE: name, PORT: String(defaultPort(name)) },
      });
    }
    const k8sReadme = read('deploy/k8s/README.md');
    for (const name of apiNames) {
      expect(k8sReadme).toContain(
        `-f ${apiDockerfile} --build-arg SERVICE=${name} --build-arg PORT=${defaultPort(name)}`,
      );
    }
    for (const name of apiNames)
      expect(existsSync(path.join(root, name, 'Dockerfile')), `${name}/Dockerfile`).toBe(false);
  });

  it.each(apiNames)('%s: multi-stage, non-root, its default port set, exposed and parsed', (name) => {
    const stages = imageFor(name);
    const final = stages.at(-1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(lastOf(final, 'USER')).not.toMatch(/^(|root|0)$/);
    const env = imageEnv(final);
    expect(parsedConfig(name, env).PORT).toBe(defaultPort(name));
    expect(argsOf(final, 'EXPOSE')).toEqual([String(defaultPort(name))]);
    // Run-time packages come from an install of this API's workspace alone, without devDependencies.
    const nodeModules = copies(final).find((c) => c.dest === 'node_modules');
    const deps = stages.find((s) => s.name === nodeModules?.from);
    expect(argsOf(deps, 'RUN').join('\n')).toMatch(new RegExp(`npm ci --omit=dev .*--workspace ${name}\\b`));
  });

  it.each(apiNames)('%s: every COPY source is in the build context', (name) => {
    for (const stage of imageFor(name)) {
      for (const { from, sources } of copies(stage)) {
        if (from) continue;
        for (const source of sources) {
          if (source !== '.')
            expect(existsSync(path.join(root, source)), `${stage.name ?? 'final'}: ${source}`).toBe(true);
        }
      }
    }
  });

  it.each([
    ['the API image', () => imageFor('inventory-api')],
    ['the browser app image', () => dockerfileStages(read('ghi/Dockerfile'), {})],
  ])('%s: every npm ci installs from a copy of each workspace manifest of the lock file', async (_, stagesOf) => {
    const stages = stagesOf();
    const manifests = stages.find((s) => s.name === 'manifests');
    const [node, script, from, to] = lastOf(manifests, 'RUN').split(' ');
    expect([node, from]).toEqual(['node', lastOf(manifests, 'WORKDIR')]);
    const out = mkdtempSync(path.join(tmpdir(), 'carcar-manifests-'));
    try {
      await run('node', [script ?? '', root, out], { cwd: root });
      const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, unknown> };
      const workspaces = Object.keys(lock.packages).filter((key) => key && !key.includes('node_modules/'));
      expect(workspaces.length).toBeGreaterThan(0);
      for (const file of ['package.json', 'package-lock.json', ...workspaces.map((w) => `${w}/package.json`)]) {
        expect(existsSync(path.join(out, file)), file).toBe(true);
      }
      // Every stage that installs takes exactly that folder first.
      const installing = stages.filter((s) => argsOf(s, 'RUN').some((command) => command.startsWith('npm ci')));
      expect(installing.length).toBeGreaterThan(0);
      for (const stage of installing) {
        expect(copies(stage).find((c) => c.from === 'manifests')?.sources, stage.name).toEqual([`${to}/`]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each(apiNames)(
    '%s: the build stage, replayed, writes the file the image runs',
    async (name) => {
      const stages = imageFor(name);
      const build = stages.find((s) => s.name === 'build');
      const final = stages.at(-1);
      const scratch = mkdtempSync(path.join(tmpdir(), 'carcar-image-'));
      try {
        // What the build stage copies from the context, without what .dockerignore keeps out.
        for (const { from, sources, dest } of copies(build)) {
          if (from) continue;
          for (const source of sources) {
            const target = path.join(scratch, dest.endsWith('/') ? path.join(dest, path.basename(source)) : dest);
            cpSync(path.join(root, source), target, { recursive: true, filter: (file) => !dockerIgnored(file) });
          }
        }
        // `npm ci` cannot run here; the repository's installed packages stand in for it.
        symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'));
        for (const command of argsOf(build, 'RUN').filter((c) => c.startsWith('node '))) {
          await run('sh', ['-c', command], { cwd: scratch });
        }
        // CMD's file, in the final WORKDIR, traced back through the COPY --from=build that put it there.
        const [, entry] = JSON.parse(lastOf(final, 'CMD')) as string[];
        const runs = inside(lastOf(final, 'WORKDIR'), entry ?? '');
        const buildWorkdir = lastOf(build, 'WORKDIR');
        const origin = copies(final)
          .filter((c) => c.from === 'build')
          .map((c) => ({ source: c.sources[0] ?? '', dest: inside(argsOf(final, 'WORKDIR')[0] ?? '/', c.dest) }))
          .find((c) => runs.startsWith(`${c.dest}/`));
        expect(origin, `a COPY --from=build provides ${runs}`).toBeDefined();
        const built = path.posix.join(origin?.source ?? '', path.posix.relative(origin?.dest ?? '', runs));
        expect(existsSync(path.join(scratch, path.posix.relative(buildWorkdir, built))), built).toBe(true);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('health-checks the running API: its command passes when /healthz says ok and fails when not', async () => {
    const final = imageFor('inventory-api').at(-1);
    const check = /\bCMD (.+)$/.exec(lastOf(final, 'HEALTHCHECK'))?.[1] ?? '';
    const env = { ...process.env, PORT: String((server.address() as AddressInfo).port) };
    healthy = true;
    await expect(run('sh', ['-c', check], { env })).resolves.toBeDefined();
    healthy = false;
    await expect(run('sh', ['-c', check], { env })).rejects.toThrow();
    healthy = true;
  });
});

describe('the browser app image', () => {
  it('ghi: static files with an SPA fallback, non-root, API addresses set at start-up', () => {
    const dockerfile = read('ghi/Dockerfile');
    const stages = dockerfileStages(dockerfile, {});
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(lastOf(stages.at(-1), 'USER')).toBe('nginx');
    expect(argsOf(stages.at(-1), 'EXPOSE')).toEqual(['3000']);
    for (const stage of stages) {
      for (const { from, sources } of copies(stage)) {
        for (const source of from ? [] : sources) expect(existsSync(path.join(root, source)), source).toBe(true);
      }
    }
    expect(read('ghi/docker/nginx.conf')).toMatch(/listen 3000;[\s\S]*try_files \$uri \/index\.html;/);
    const entrypoint = read('ghi/docker/40-carcar-config.sh');
    for (const key of ['inventoryApiUrl', 'serviceApiUrl', 'salesApiUrl']) {
      expect(entrypoint).toContain(key);
      expect(read('ghi/src/config/env.ts')).toContain(`deployed?.${key}`);
    }
    // The page loads the file the entrypoint writes (under nginx's root) before the app's module.
    const htmlRoot = copies(stages.at(-1)).find((c) => c.from === 'build')?.dest ?? '';
    const written = new RegExp(`cat > ${htmlRoot}(/\\S+)`).exec(entrypoint)?.[1];
    const html = read('ghi/index.html');
    const configScript = html.search(new RegExp(`<script\\b[^>]*\\bsrc="${written}"`));
    expect(configScript, `index.html loads ${written}`).toBeGreaterThan(-1);
    expect(configScript).toBeLessThan(html.search(/<script type="module"/));
  });
});

describe('docker-compose.yml', () => {
  it.each(apiNames)('runs %s as its configuration schema expects', (name) => {
    const service = composeApi(name);
    const env = service.environment ?? {};
    for (const key of Object.keys(env)) expect(envKeys(name), `${name} reads ${key}`).toContain(key);
    const config = parsedConfig(name, { ...imageEnv(imageFor(name).at(-1)), ...env });
    expect(config.PORT).toBe(defaultPort(name));
    expect(service.ports).toEqual([`${config.PORT}:${config.PORT}`]);
    // The database is a compose service that reports healthy before the API starts.
    const database = new URL(config.DATABASE_URL ?? '').hostname;
    expect(compose.services[database]?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(service.depends_on?.[database]?.condition).toBe('service_healthy');
    if (envKeys(name).includes('INVENTORY_API_URL')) {
      const inventory = new URL(config.INVENTORY_API_URL ?? '');
      expect(inventory.hostname).toBe('inventory-api');
      expect(Number(inventory.port)).toBe(defaultPort('inventory-api'));
      expect(service.depends_on?.['inventory-api']?.condition).toBe('service_healthy');
    }
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

  it('gives Postgres a volume', () => {
    expect(compose.services.postgres?.volumes?.[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
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

const manifests: K8sObject[] = readdirSync(path.join(root, 'deploy/k8s'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(read(`deploy/k8s/${file}`)).map((doc) => doc.toJS() as K8sObject));
const exampleSecrets = parseAllDocuments(read('deploy/k8s/examples/secret.yaml')).map(
  (doc) => doc.toJS() as { kind: string; metadata: { name: string }; stringData?: Record<string, string> },
);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe('Kubernetes manifests', () => {
  it.each(apiNames)(
    '%s: 2 replicas, probes the health endpoint on its port, settings its schema reads',
    async (name) => {
      const deployment = find('Deployment', name);
      expect(deployment?.spec.replicas).toBe(2);
      const container = deployment?.spec.template?.spec.containers[0];
      expect(Object.keys(container?.resources.requests ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
      const secretRef = container?.env?.find((e) => e.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
      expect(secretRef).toEqual({ name: 'carcar-database', key: 'DATABASE_URL' });
      // The example Secret has the shape the Deployment reads, and a URL the schema accepts.
      const secret = exampleSecrets.find((s) => s.metadata.name === secretRef?.name);
      const databaseUrl = secret?.stringData?.[secretRef?.key ?? ''];
      expect(databaseUrl, 'the example Secret holds the key').toBeDefined();

      // The pod's environment: the image's, then every ConfigMap it loads, then its own variables.
      const env: Record<string, string> = { ...imageEnv(imageFor(name).at(-1)) };
      for (const ref of container?.envFrom ?? []) {
        const configMap = find('ConfigMap', ref.configMapRef.name);
        expect(configMap, ref.configMapRef.name).toBeDefined();
        Object.assign(env, configMap?.data);
      }
      const set = new Set<string>((container?.env ?? []).map((e) => e.name));
      for (const entry of container?.env ?? []) if (entry.value !== undefined) env[entry.name] = entry.value;
      env.DATABASE_URL = databaseUrl ?? '';
      // The ConfigMap is shared: its INVENTORY_API_URL is for the services that read it.
      for (const key of [...set]) expect(envKeys(name), `${name} reads ${key}`).toContain(key);
      const config = parsedConfig(name, env);

      const port = defaultPort(name);
      expect(config.PORT).toBe(port);
      expect(container?.ports.map((p) => p.containerPort)).toEqual([port]);
      expect(find('Service', name)?.spec.ports).toEqual([{ port, targetPort: port }]);
      for (const probe of [container?.readinessProbe, container?.livenessProbe]) {
        expect(probe?.httpGet.port).toBe(port);
        healthy = true;
        expect((await request(app).get(probe?.httpGet.path ?? '')).body).toEqual({ status: 'ok' });
        healthy = false;
        expect((await request(app).get(probe?.httpGet.path ?? '')).status).toBe(503);
        healthy = true;
      }
    },
  );

  it('sets in the shared ConfigMap only what some API reads, and points it at the inventory Service', () => {
    const data = find('ConfigMap', 'carcar-config')?.data ?? {};
    for (const key of Object.keys(data)) {
      expect(
        apiNames.some((name) => envKeys(name).includes(key)),
        key,
      ).toBe(true);
    }
    const inventory = new URL(data.INVENTORY_API_URL ?? '');
    expect(find('Service', inventory.hostname)?.spec.ports?.[0]?.port).toBe(Number(inventory.port));
    expect(inventory.hostname).toBe('inventory-api');
    for (const name of apiNames) parsedConfig(name, { ...data });
  });

  it('routes every Ingress host to a Service on a port it serves', () => {
    const ingress = find('Ingress', 'carcar');
    const backends = ingress?.spec.rules?.flatMap((rule) => rule.http.paths.map((p) => p.backend.service)) ?? [];
    expect(backends.map((b) => b.name).sort()).toEqual(['ghi', ...apiNames].sort());
    for (const backend of backends) {
      expect(find('Service', backend.name)?.spec.ports?.[0]?.port).toBe(backend.port.number);
    }
  });
});
