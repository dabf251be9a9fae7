// Bundles each API and the gateway with its @carcar/common code into <service>/dist/main.js: plain
// JavaScript, no TypeScript loader at run time; npm packages stay external, installed as usual.
// Used by `npm run build` (production) and by `npm start` (development, the same bundles).
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const apiServices = ['inventory-api', 'service-api', 'sales-api', 'gateway'];

/** Bare imports stay external, except the workspace's own TypeScript in @carcar/common. */
const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@carcar/common') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Builds `services` (all by default). Each file is written beside its place and renamed over it,
 * so a process starting from dist/main.js while another build runs (a test beside `npm start`)
 * reads the old bundle or the new one, never half of one.
 */
export async function buildApis(services = apiServices, log = (line) => process.stdout.write(`${line}\n`)) {
  try {
    await buildEach(services, log);
  } finally {
    // esbuild's helper process would otherwise stay beside `npm start` for as long as it runs.
    await stop();
  }
}

async function buildEach(services, log) {
  for (const service of services) {
    const { outputFiles } = await build({
      entryPoints: [path.join(root, service, 'src', 'main.ts')],
      outfile: path.join(root, service, 'dist', 'main.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      plugins: [externalPackages],
      logLevel: 'warning',
      write: false,
    });
    for (const file of outputFiles) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      const partial = `${file.path}.${randomUUID()}.partial`;
      writeFileSync(partial, file.contents);
      renameSync(partial, file.path);
    }
    log(`built ${service}/dist/main.js`);
  }
}
