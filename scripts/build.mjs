// Production build (`npm run build`): each API and the gateway bundled into <service>/dist/main.js
// (scripts/build-apis.mjs); the browser app built by Vite into ghi/dist/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiServices, buildApis } from './build-apis.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// `--only NAME` builds one API (each Docker image builds its own); `--apis` skips the browser app.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
await buildApis(apiServices.filter((name) => !only || name === only));

if (!only && !process.argv.includes('--apis')) {
  execFileSync('npm', ['run', 'build', '-w', 'ghi'], { cwd: root, stdio: 'inherit' });
}
