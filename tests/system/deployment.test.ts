import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { GATEWAY_ISSUER, type Issuer } from '@carcar/common/contract/permissions';
import { createHttpApp } from '@carcar/common/http/app';
import { issuerOfKeyId, loadServiceKeys, parseSigningKey, parseTrustedKeys } from '@carcar/common/service/keys';
import { createLogger } from '@carcar/common/service/logger';
import { testSigner, testVerifier } from '@carcar/testing/credentials';
import { openTestDatabase } from '@carcar/testing/database';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import { createGateway } from '../../gateway/src/app.js';
import { gatewayEnv } from '../../gateway/src/config.js';
import { inventoryEnv } from '../../inventory-api/src/config.js';
import { salesApiEnv } from '../../sales-api/src/config.js';
import { serviceApiEnv } from '../../service-api/src/config.js';

// No Docker engine or cluster runs here, so docker-compose.yml, the Dockerfiles and the Kubernetes
// manifests are checked against the code: each process's own env schema parses what they set, the
// keys they are handed come from a real `npm run keys` and are loaded the way the services load
// them, the health-check command and probe paths are run against the real HTTP apps, and each
// image's build stage is replayed in a scratch folder and what it writes is what the image's CMD runs.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const run = promisify(execFile);

const apis: Record<string, z.ZodObject> = {
  'inventory-api': inventoryEnv,
  'service-api': serviceApiEnv,
  'sales-api': salesApiEnv,
};
const apiNames = Object.keys(apis);
/** Every process the deployments run: the three APIs and the gateway in front of them. */
const schemas: Record<string, z.ZodObject> = { ...apis, gateway: gatewayEnv };
const processNames = Object.keys(schemas);
const schema = (name: string): z.ZodObject => {
  const found = schemas[name];
  if (!found) throw new Error(`no such process: ${name}`);
  return found;
};
const defaultPort = (name: string): number => (schema(name).parse({}) as { PORT: number }).PORT;
const envKeys = (name: string) => Object.keys(schema(name).shape);
interface ParsedConfig {
  PORT: number;
  DATA_DIR: string;
  DATABASE_URL?: string;
  INVENTORY_API_URL?: string;
  CARCAR_TRUSTED_KEYS?: string;
  CARCAR_SIGNING_KEY?: string;
  CARCAR_KEYS_DIR?: string;
}
const parsedConfig = (name: string, env: Record<string, string>) => {
  const parsed = schema(name).safeParse(env);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return parsed.data as unknown as ParsedConfig;
};

/** The issuer an API signs its own calls as, read from its main.ts (`signsAs`), or undefined. */
function signsAs(name: string): Exclude<Issuer, typeof GATEWAY_ISSUER> | undefined {
  const found = /\bsignsAs: '([\w-]+)'/.exec(read(`${name}/src/main.ts`))?.[1];
  if (found !== undefined && found !== name) throw new Error(`${name} signs as ${found}`);
  return found as Exclude<Issuer, typeof GATEWAY_ISSUER> | undefined;
}

/** The API's keys as it loads them at start-up; a fall-back to development keys fails the test. */
async function loadedKeys(name: string, config: ParsedConfig) {
  const warnings: string[] = [];
  const keys = await loadServiceKeys(config, signsAs(name), (message) => warnings.push(message));
  expect(warnings, `${name} fell back to development keys`).toEqual([]);
  return keys;
}

// The variables a deployment's secrets hold: the names `npm run keys` prints, with fresh values,
// and the first administrator, which the operator chooses.
const signingKeyVariable: Record<Issuer, string> = {
  'carcar-gateway': 'CARCAR_GATEWAY_SIGNING_KEY',
  'service-api': 'CARCAR_SERVICE_API_SIGNING_KEY',
  'sales-api': 'CARCAR_SALES_API_SIGNING_KEY',
};
const admin = { CARCAR_ADMIN_EMAIL: 'ada@dealer.example', CARCAR_ADMIN_PASSWORD: 'correct horse battery staple' };
/** Variables whose value is a secret: never written into a manifest, only referenced. */
const secretVariables = ['CARCAR_SIGNING_KEY', 'CARCAR_TRUSTED_KEYS', 'SESSION_SECRET', ...Object.keys(admin)];
/** A private Ed25519 JWK's private part, as it would appear in JSON or YAML. */
const privateKeyMaterial = /"?\bd"?\s*:\s*"?[A-Za-z0-9_-]{43}\b/;

let dotenv: Record<string, string> = {};
let keysSecret: { kind: string; metadata: { name: string }; stringData: Record<string, string> };
beforeAll(async () => {
  const keys = (...args: string[]) => run('npm', ['run', '-s', 'keys', '--', ...args], { cwd: root });
  const [env, k8s] = await Promise.all([keys(), keys('--k8s')]);
  dotenv = parseEnv(env.stdout) as Record<string, string>;
  keysSecret = parse(k8s.stdout) as typeof keysSecret;
}, 60_000);

// ---- The Dockerfiles, read the way Docker reads them: instructions, stages, build arguments. ----

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

/** Where a file the final stage copies from the build stage came from there: `/app/ghi/dist` → `ghi/dist`. */
function builtSource(final: Stage | undefined, build: Stage | undefined, runs: string): string | undefined {
  const origin = copies(final)
    .filter((c) => c.from === 'build')
    .map((c) => ({ source: c.sources[0] ?? '', dest: inside(argsOf(final, 'WORKDIR')[0] ?? '/', c.dest) }))
    .find((c) => runs === c.dest || runs.startsWith(`${c.dest}/`));
  if (!origin) return undefined;
  const built = path.posix.join(origin.source, path.posix.relative(origin.dest, runs));
  return path.posix.relative(lastOf(build, 'WORKDIR'), built);
}

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
const composeService = (name: string): ComposeService => {
  const service = compose.services[name];
  if (!service) throw new Error(`${name} is not in docker-compose.yml`);
  return service;
};

/**
 * A compose value with `${NAME}`, `${NAME:-default}` and `${NAME:?message}` replaced from `vars`,
 * as compose does from the shell and .env; a missing required one fails with its message.
 */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, text?: string) => {
    const set = vars[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '?') throw new Error(`${name}: ${text}`);
    return kind === '-' ? (text ?? '') : '';
  });
}
/** A service's environment as its container gets it from compose, with `vars` as the .env file. */
function composeEnv(name: string, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(composeService(name).environment ?? {}).map(([key, value]) => [key, interpolate(value, vars)]),
  );
}
/** The variables compose refuses to start without (`${NAME:?message}`), over the whole file. */
function requiredVariables(): string[] {
  const text = read('docker-compose.yml');
  return [...new Set([...text.matchAll(/\$\{(\w+):\?[^}]*\}/g)].map((match) => match[1] ?? ''))].sort();
}

/** The API Dockerfile compose builds each API from; the same one the Kubernetes README builds. */
const apiDockerfile = composeService('inventory-api').build?.dockerfile ?? '';
/** The stages of a process's image, with the build arguments compose gives it (its defaults when interpolated). */
const imageFor = (name: string) => {
  const build = composeService(name).build;
  const args = Object.fromEntries(
    Object.entries(build?.args ?? {}).map(([key, value]) => [key, interpolate(value, {})]),
  );
  return dockerfileStages(read(build?.dockerfile ?? ''), args);
};

// ---- Running copies of the HTTP apps, for the health checks and the probes. ----

let healthy = true;
// The probes carry no credential: /healthz must answer without one, as every other path must not.
const app = createHttpApp({
  logger: createLogger('deployment-test', 'silent'),
  access: { verifier: await testVerifier('inventory-api'), rules: [] },
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

/** The health-check command of an image's final stage, run against a server on `port`. */
function healthCheck(name: string, port: number): Promise<unknown> {
  const check = /\bCMD (.+)$/.exec(lastOf(imageFor(name).at(-1), 'HEALTHCHECK'))?.[1] ?? '';
  expect(check).not.toBe('');
  return run('sh', ['-c', check], { env: { ...process.env, PORT: String(port) } });
}

describe('the images', () => {
  it('is built from one Dockerfile for every API, with the API and its port as build arguments', () => {
    for (const name of apiNames) {
      expect(composeService(name).build).toEqual({
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
    for (const name of processNames)
      expect(existsSync(path.join(root, name, 'Dockerfile')), `${name}/Dockerfile`).toBe(false);
  });

  it('builds the gateway from its own Dockerfile and gives it the time zone service-api uses, for the app', () => {
    const build = composeService('gateway').build;
    expect(build?.context).toBe('.');
    expect(build?.dockerfile).toBe('deploy/gateway.Dockerfile');
    // The gateway hands TIMEZONE to the app in /config.js at run time: one image for every dealership.
    expect(build?.args).toBeUndefined();
    expect(composeService('gateway').environment?.TIMEZONE).toBe(composeService('service-api').environment?.TIMEZONE);
  });

  it.each(processNames)('%s: multi-stage, non-root, its default port set, exposed and parsed', (name) => {
    const stages = imageFor(name);
    const final = stages.at(-1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(lastOf(final, 'USER')).not.toMatch(/^(|root|0)$/);
    const env = imageEnv(final);
    expect(parsedConfig(name, env).PORT).toBe(defaultPort(name));
    expect(argsOf(final, 'EXPOSE')).toEqual([String(defaultPort(name))]);
    // Run-time packages come from an install of this workspace alone, without devDependencies.
    const nodeModules = copies(final).find((c) => c.dest === 'node_modules');
    const deps = stages.find((s) => s.name === nodeModules?.from);
    expect(argsOf(deps, 'RUN').join('\n')).toMatch(new RegExp(`npm ci --omit=dev .*--workspace ${name}\\b`));
  });

  it.each(processNames)('%s: every COPY source is in the build context', (name) => {
    for (const stage of imageFor(name)) {
      for (const { from, sources } of copies(stage)) {
        if (from) continue;
        for (const source of sources) {
          if (source !== '.') {
            expect(existsSync(path.join(root, source)), `${stage.name ?? 'final'}: ${source}`).toBe(true);
            expect(dockerIgnored(path.join(root, source)), `${source} is kept out by .dockerignore`).toBe(false);
          }
        }
      }
    }
  });

  it.each([
    ['the API image', 'inventory-api'],
    ['the gateway image', 'gateway'],
  ])('%s: every npm ci installs from a copy of each workspace manifest of the lock file', async (_, name) => {
    const stages = imageFor(name);
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

  it.each(processNames)(
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
        const built = builtSource(final, build, runs);
        expect(built, `a COPY --from=build provides ${runs}`).toBeDefined();
        expect(existsSync(path.join(scratch, built ?? '')), built).toBe(true);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('gateway: holds the browser app Vite builds, at GHI_DIST', () => {
    const stages = imageFor('gateway');
    const build = stages.find((s) => s.name === 'build');
    const final = stages.at(-1);
    const ghiDist = imageEnv(final).GHI_DIST ?? '';
    expect(path.posix.isAbsolute(ghiDist), 'GHI_DIST is absolute').toBe(true);
    // The folder is the build stage's ghi/dist, where `vite build` writes when no outDir is set.
    expect(builtSource(final, build, ghiDist)).toBe('ghi/dist');
    expect((JSON.parse(read('ghi/package.json')) as { scripts: { build: string } }).scripts.build).toBe('vite build');
    expect(read('ghi/vite.config.ts')).not.toContain('outDir');
    const commands = build?.instructions.map((i) => `${i.keyword} ${i.args}`) ?? [];
    const ghiBuild = commands.findIndex((c) => /^RUN .*npm run build -w ghi$/.test(c));
    expect(ghiBuild).toBeGreaterThan(commands.indexOf('COPY ghi ghi'));
    expect(commands.indexOf('COPY ghi ghi')).toBeGreaterThan(-1);
  });

  it('health-checks the running API: its command passes when /healthz says ok and fails when not', async () => {
    const port = (server.address() as AddressInfo).port;
    healthy = true;
    await expect(healthCheck('inventory-api', port)).resolves.toBeDefined();
    healthy = false;
    await expect(healthCheck('inventory-api', port)).rejects.toThrow();
    healthy = true;
  });
});

describe('docker-compose.yml', () => {
  it('requires the variables npm run keys writes and the first administrator, and nothing else', () => {
    expect(requiredVariables()).toEqual([...Object.keys(dotenv), ...Object.keys(admin)].sort());
    // Without them compose stops before starting anything, saying what to do.
    for (const name of processNames) {
      for (const value of Object.values(composeService(name).environment ?? {})) {
        const missing = /\$\{(\w+):\?/.exec(value)?.[1];
        if (missing) expect(() => interpolate(value, {})).toThrow(missing in admin ? /administrator/ : /npm run keys/);
      }
    }
  });

  it('writes no secret into the file: keys, session secret and administrator come from .env', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secretVariables.includes(key)) expect(value, `${name}: ${key}`).toMatch(/^\$\{\w+:\?[^}]+\}$/);
      }
    }
    expect(read('docker-compose.yml')).not.toMatch(privateKeyMaterial);
    // The .env file npm run keys writes stays out of git and out of every image's build context.
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(dockerIgnored(path.join(root, '.env'))).toBe(true);
  });

  it.each(apiNames)('runs %s on the compose network only, as its configuration schema expects', async (name) => {
    const service = composeService(name);
    const env = composeEnv(name, { ...dotenv, ...admin });
    for (const key of Object.keys(env)) expect(envKeys(name), `${name} reads ${key}`).toContain(key);
    // Behind the gateway, CORS is not needed: the browser talks to the gateway alone.
    expect(env).not.toHaveProperty('CORS_ORIGINS');
    const config = parsedConfig(name, { ...imageEnv(imageFor(name).at(-1)), ...env });
    expect(config.PORT).toBe(defaultPort(name));
    expect(service.ports, 'only the gateway is published').toBeUndefined();
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
    // It trusts the three public keys and, if it calls inventory, signs with its own private key.
    const keys = await loadedKeys(name, config);
    expect(keys.trustedKeys).toEqual(parseTrustedKeys(dotenv.CARCAR_TRUSTED_KEYS));
    const signer = signsAs(name);
    expect(keys.signingKey).toEqual(signer ? parseSigningKey(dotenv[signingKeyVariable[signer]]) : undefined);
    if (!signer) expect(env).not.toHaveProperty('CARCAR_SIGNING_KEY');
  });

  it('publishes the gateway alone, on :3000, pointed at the services by their compose names', () => {
    const service = composeService('gateway');
    const published = Object.entries(compose.services).filter(([, s]) => s.ports !== undefined);
    expect(published.map(([name]) => name)).toEqual(['gateway']);
    expect(compose.services).not.toHaveProperty('ghi');

    const env = composeEnv('gateway', { ...dotenv, ...admin });
    for (const key of Object.keys(env)) expect(envKeys('gateway'), `gateway reads ${key}`).toContain(key);
    // The app is the image's own build; compose does not point elsewhere.
    expect(env).not.toHaveProperty('GHI_DIST');
    expect(env).not.toHaveProperty('GHI_DEV_URL');
    const config = gatewayEnv.parse({ ...imageEnv(imageFor('gateway').at(-1)), ...env });
    expect(config.PORT).toBe(3000);
    expect(service.ports).toEqual([`${config.PORT}:${config.PORT}`]);
    expect(config.PUBLIC_ORIGIN).toBe(`http://localhost:${config.PORT}`);
    expect(config.TRUST_PROXY, 'nothing stands between the browser and the gateway').toBe(false);
    // The name on the printed papers comes from .env, with the app's own default without it.
    expect(config.DEALERSHIP_NAME).toBe(gatewayEnv.parse({}).DEALERSHIP_NAME);
    const named = composeEnv('gateway', { ...dotenv, ...admin, DEALERSHIP_NAME: 'Ada Autos' });
    expect(gatewayEnv.parse(named).DEALERSHIP_NAME).toBe('Ada Autos');

    const database = new URL(config.DATABASE_URL ?? '').hostname;
    expect(service.depends_on?.[database]?.condition).toBe('service_healthy');
    for (const [name, url] of [
      ['inventory-api', config.INVENTORY_API_URL],
      ['service-api', config.SERVICE_API_URL],
      ['sales-api', config.SALES_API_URL],
    ] as const) {
      expect(new URL(url).hostname).toBe(name);
      expect(Number(new URL(url).port)).toBe(defaultPort(name));
      expect(service.depends_on?.[name]?.condition).toBe('service_healthy');
    }

    expect(issuerOfKeyId(parseSigningKey(config.CARCAR_SIGNING_KEY).kid)).toBe(GATEWAY_ISSUER);
    expect(config.SESSION_SECRET).toBe(dotenv.SESSION_SECRET);
    expect([config.CARCAR_ADMIN_EMAIL, config.CARCAR_ADMIN_PASSWORD]).toEqual([
      admin.CARCAR_ADMIN_EMAIL,
      admin.CARCAR_ADMIN_PASSWORD,
    ]);
  });

  it('gives Postgres a volume', () => {
    expect(compose.services.postgres?.volumes?.[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
  });
});

interface EnvEntry {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } };
}
interface K8sObject {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec: {
    type?: string;
    replicas?: number;
    ports?: { port: number; targetPort: number }[];
    rules?: { host: string; http: { paths: { backend: { service: { name: string; port: { number: number } } } }[] } }[];
    template?: {
      metadata?: { annotations?: Record<string, string> };
      spec: {
        containers: {
          image: string;
          ports: { containerPort: number }[];
          env?: EnvEntry[];
          envFrom?: { configMapRef: { name: string } }[];
          readinessProbe: { httpGet: { path: string; port: number } };
          livenessProbe: { httpGet: { path: string; port: number } };
          resources: { requests: Record<string, string> };
        }[];
      };
    };
  };
}
interface SecretObject {
  kind: string;
  metadata: { name: string };
  stringData?: Record<string, string>;
}

const k8sFiles = readdirSync(path.join(root, 'deploy/k8s')).filter((file) => file.endsWith('.yaml'));
const manifests: K8sObject[] = k8sFiles.flatMap((file) =>
  parseAllDocuments(read(`deploy/k8s/${file}`)).map((doc) => doc.toJS() as K8sObject),
);
const exampleSecrets = parseAllDocuments(read('deploy/k8s/examples/secret.yaml')).map(
  (doc) => doc.toJS() as SecretObject,
);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);
const containerOf = (name: string) => find('Deployment', name)?.spec.template?.spec.containers[0];
const secretRefOf = (name: string, variable: string) =>
  containerOf(name)?.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef;

/**
 * What a Secret reference resolves to: the keys Secret as `npm run keys -- --k8s` makes it, the
 * others as the examples show them (their placeholders are values the schemas accept).
 */
function secretValue(ref: { name: string; key: string }): string | undefined {
  if (ref.name === keysSecret.metadata.name) return keysSecret.stringData[ref.key];
  return exampleSecrets.find((s) => s.metadata.name === ref.name)?.stringData?.[ref.key];
}

/**
 * The pod's environment: the image's, then every ConfigMap it loads, then its own variables and
 * Secrets; `set` names its own (the shared ConfigMap is checked on its own).
 */
function podEnv(name: string): { env: Record<string, string>; set: string[] } {
  const container = containerOf(name);
  const env: Record<string, string> = { ...imageEnv(imageFor(name).at(-1)) };
  const set: string[] = [];
  for (const ref of container?.envFrom ?? []) {
    const configMap = find('ConfigMap', ref.configMapRef.name);
    expect(configMap, ref.configMapRef.name).toBeDefined();
    Object.assign(env, configMap?.data);
  }
  for (const entry of container?.env ?? []) {
    set.push(entry.name);
    const ref = entry.valueFrom?.secretKeyRef;
    const value = ref ? secretValue(ref) : entry.value;
    expect(value, `${name}: ${entry.name}`).toBeDefined();
    // A pod does not start while a Secret it needs is missing: that is what makes them required.
    expect(ref?.optional, `${name}: ${entry.name} is optional`).toBeUndefined();
    env[entry.name] = value ?? '';
  }
  return { env, set };
}

/**
 * The probes of a Deployment, on its port, answered by `target` (a healthy app): readiness by
 * /readyz, liveness by /livez, so a database outage takes a pod out of the Service without
 * restarting it.
 */
async function expectProbes(name: string, target: Parameters<typeof request>[0], port: number) {
  const container = containerOf(name);
  expect(container?.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
  expect(container?.livenessProbe.httpGet).toEqual({ path: '/livez', port });
  expect((await request(target).get('/readyz')).body).toEqual({ status: 'ready' });
  expect((await request(target).get('/livez')).body).toEqual({ status: 'ok' });
}

/** While the database is down: not ready, still alive. */
async function expectProbesWithoutDatabase(name: string, target: Parameters<typeof request>[0]) {
  const container = containerOf(name);
  expect((await request(target).get(container?.readinessProbe.httpGet.path ?? '')).status).toBe(503);
  expect((await request(target).get(container?.livenessProbe.httpGet.path ?? '')).status).toBe(200);
}

describe('Kubernetes manifests', () => {
  it.each(apiNames)(
    '%s: 2 replicas, cluster-internal, probes the health endpoint on its port, settings and keys its schema reads',
    async (name) => {
      const deployment = find('Deployment', name);
      expect(deployment?.spec.replicas).toBe(2);
      const container = containerOf(name);
      expect(Object.keys(container?.resources.requests ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
      expect(secretRefOf(name, 'DATABASE_URL')).toEqual({ name: 'carcar-database', key: 'DATABASE_URL' });
      expect(secretRefOf(name, 'CARCAR_TRUSTED_KEYS')).toEqual({ name: 'carcar-keys', key: 'CARCAR_TRUSTED_KEYS' });
      const signer = signsAs(name);
      expect(secretRefOf(name, 'CARCAR_SIGNING_KEY')).toEqual(
        signer ? { name: 'carcar-keys', key: signingKeyVariable[signer] } : undefined,
      );

      const { env, set } = podEnv(name);
      for (const key of set) expect(envKeys(name), `${name} reads ${key}`).toContain(key);
      const config = parsedConfig(name, env);
      const keys = await loadedKeys(name, config);
      expect(keys.trustedKeys).toEqual(parseTrustedKeys(keysSecret.stringData.CARCAR_TRUSTED_KEYS));
      if (signer) expect(issuerOfKeyId(keys.signingKey?.kid ?? '')).toBe(signer);

      const port = defaultPort(name);
      expect(config.PORT).toBe(port);
      expect(container?.ports.map((p) => p.containerPort)).toEqual([port]);
      const service = find('Service', name);
      expect(service?.spec.ports).toEqual([{ port, targetPort: port }]);
      expect(service?.spec.type ?? 'ClusterIP').toBe('ClusterIP');
      healthy = true;
      await expectProbes(name, app, port);
      healthy = false;
      await expectProbesWithoutDatabase(name, app);
      healthy = true;
      // Scraped on its own port without a credential, as its annotations say.
      const annotations = deployment?.spec.template?.metadata?.annotations ?? {};
      expect(annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      });
      const scrape = await request(app).get(annotations['prometheus.io/path'] ?? '');
      expect(scrape.status).toBe(200);
      expect(scrape.text).toContain('# TYPE http_request_duration_seconds histogram');
    },
  );

  it('gateway: 2 replicas behind the Ingress, its keys, session secret and first administrator from Secrets', () => {
    expect(find('Deployment', 'gateway')?.spec.replicas).toBe(2);
    const container = containerOf('gateway');
    expect(Object.keys(container?.resources.requests ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
    expect(secretRefOf('gateway', 'DATABASE_URL')).toEqual({ name: 'carcar-database', key: 'DATABASE_URL' });
    expect(secretRefOf('gateway', 'CARCAR_SIGNING_KEY')).toEqual({
      name: 'carcar-keys',
      key: signingKeyVariable[GATEWAY_ISSUER],
    });
    expect(secretRefOf('gateway', 'SESSION_SECRET')).toEqual({ name: 'carcar-keys', key: 'SESSION_SECRET' });
    for (const key of Object.keys(admin)) expect(secretRefOf('gateway', key)).toEqual({ name: 'carcar-admin', key });

    const { env, set } = podEnv('gateway');
    for (const key of set) expect(envKeys('gateway'), `gateway reads ${key}`).toContain(key);
    expect(set).not.toContain('GHI_DIST');
    const config = gatewayEnv.parse(env);
    expect(config.PORT).toBe(3000);
    expect(container?.ports.map((p) => p.containerPort)).toEqual([3000]);
    expect(find('Service', 'gateway')?.spec.ports).toEqual([{ port: 3000, targetPort: 3000 }]);
    expect(issuerOfKeyId(parseSigningKey(config.CARCAR_SIGNING_KEY).kid)).toBe(GATEWAY_ISSUER);
    expect(config.SESSION_SECRET).toBe(keysSecret.stringData.SESSION_SECRET);
    // The browser's address is the Ingress host, over https; the Ingress controller is a proxy it trusts.
    const hosts = find('Ingress', 'carcar')?.spec.rules?.map((rule) => rule.host) ?? [];
    expect(hosts.map((host) => `https://${host}`)).toContain(config.PUBLIC_ORIGIN);
    expect(config.TRUST_PROXY).not.toBe(false);
    // Each dealer group prints its own name on the papers: the manifest says where to set it.
    expect(set).toContain('DEALERSHIP_NAME');
    for (const url of [config.INVENTORY_API_URL, config.SERVICE_API_URL, config.SALES_API_URL]) {
      const { hostname, port } = new URL(url);
      expect(apiNames).toContain(hostname);
      expect(find('Service', hostname)?.spec.ports?.[0]?.port).toBe(Number(port));
    }
  });

  it('sets in the shared ConfigMap only what some process reads, and points it at the inventory Service', () => {
    const data = find('ConfigMap', 'carcar-config')?.data ?? {};
    const loading = processNames.filter((name) =>
      containerOf(name)?.envFrom?.some((ref) => ref.configMapRef.name === 'carcar-config'),
    );
    expect(loading.sort()).toEqual([...processNames].sort());
    for (const key of Object.keys(data)) {
      expect(
        loading.some((name) => envKeys(name).includes(key)),
        key,
      ).toBe(true);
    }
    expect(data).not.toHaveProperty('CORS_ORIGINS');
    const inventory = new URL(data.INVENTORY_API_URL ?? '');
    expect(find('Service', inventory.hostname)?.spec.ports?.[0]?.port).toBe(Number(inventory.port));
    expect(inventory.hostname).toBe('inventory-api');
  });

  it('routes every Ingress path to the gateway, and nothing else is reachable from outside', () => {
    const ingresses = manifests.filter((m) => m.kind === 'Ingress');
    const backends = ingresses.flatMap(
      (ingress) => ingress.spec.rules?.flatMap((rule) => rule.http.paths.map((p) => p.backend.service)) ?? [],
    );
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe('gateway');
      expect(find('Service', backend.name)?.spec.ports?.[0]?.port).toBe(backend.port.number);
    }
    for (const service of manifests.filter((m) => m.kind === 'Service')) {
      expect(service.spec.type ?? 'ClusterIP', service.metadata.name).toBe('ClusterIP');
    }
    expect(find('Deployment', 'ghi')).toBeUndefined();
    expect(
      manifests
        .filter((m) => m.kind === 'Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual([...processNames].sort());
  });

  it('commits no secret: Secrets are referenced, and the example keys Secret holds placeholders for npm run keys', () => {
    for (const name of processNames) {
      for (const entry of containerOf(name)?.env ?? []) {
        if (secretVariables.includes(entry.name)) expect(entry.value, `${name}: ${entry.name}`).toBeUndefined();
      }
    }
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    const example = exampleSecrets.find((s) => s.metadata.name === keysSecret.metadata.name);
    expect(Object.keys(example?.stringData ?? {}).sort()).toEqual(Object.keys(keysSecret.stringData).sort());
    for (const [key, value] of Object.entries(example?.stringData ?? {})) {
      expect(value, key).toContain('npm run keys -- --k8s');
    }
    expect(() => parseTrustedKeys(example?.stringData?.CARCAR_TRUSTED_KEYS)).toThrow();
    for (const issuer of Object.keys(signingKeyVariable) as Issuer[]) {
      expect(() => parseSigningKey(example?.stringData?.[signingKeyVariable[issuer]])).toThrow();
    }
    for (const file of [...k8sFiles.map((f) => `deploy/k8s/${f}`), 'deploy/k8s/examples/secret.yaml']) {
      expect(read(file), file).not.toMatch(privateKeyMaterial);
    }
    expect(read('deploy/k8s/README.md')).toContain('npm run -s keys -- --k8s | kubectl apply -f -');
  });
});

describe('the gateway, running as deployed', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let gateway: ReturnType<typeof createGateway>;
  let gatewayServer: ReturnType<ReturnType<typeof createGateway>['app']['listen']>;
  beforeAll(async () => {
    database = await openTestDatabase({
      schemaName: 'identity',
      migrationsFolder: fileURLToPath(new URL('../../gateway/drizzle', import.meta.url)),
    });
    gateway = createGateway({
      db: database.db,
      logger: createLogger('deployment-test', 'silent'),
      config: gatewayEnv.parse({}),
      signer: await testSigner(GATEWAY_ISSUER),
      sessionSecret: 'a deployment test secret, long enough to sign',
    });
    gatewayServer = gateway.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => gatewayServer.once('listening', resolve));
  });
  afterAll(async () => {
    gateway.close();
    await new Promise((resolve) => gatewayServer.close(resolve));
    await database.close().catch(() => undefined);
  });

  it('passes its probes and health check while its database answers, and fails them when it does not', async () => {
    const port = (gatewayServer.address() as AddressInfo).port;
    await expectProbes('gateway', gateway.app, defaultPort('gateway'));
    await expect(healthCheck('gateway', port)).resolves.toBeDefined();
    await database.close();
    await expectProbesWithoutDatabase('gateway', gateway.app);
    await expect(healthCheck('gateway', port)).rejects.toThrow();
  });
});
