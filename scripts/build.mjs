// Production build: each API and the gateway is bundled with its @carcar/common code into <service>/dist/main.js
// (plain JavaScript, no TypeScript loader at run time); npm packages stay external, installed as usual.
// The browser app is built by Vite into ghi/dist/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// `--only NAME` builds one API (each Docker image builds its own); `--apis` skips the browser app.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const services = ['inventory-api', 'service-api', 'sales-api', 'gateway'].filter((name) => !only || name === only);

/** Bare imports stay external, except the workspace's own TypeScript in @carcar/common. */
const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@carcar/common') ? undefined : { path: args.path, external: true },
    );
  },
};

for (const service of services) {
  await build({
    entryPoints: [path.join(root, service, 'src', 'main.ts')],
    outfile: path.join(root, service, 'dist', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  process.stdout.write(`built ${service}/dist/main.js\n`);
}

if (!only && !process.argv.includes('--apis')) {
  execFileSync('npm', ['run', 'build', '-w', 'ghi'], { cwd: root, stdio: 'inherit' });
}
