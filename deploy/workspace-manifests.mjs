// Copies what `npm ci` reads into a folder of its own: the root package.json and lock file, and the
// package.json of every workspace the root package.json lists, each at its place. The API image
// installs from that folder, so a new workspace needs no change to deploy/api.Dockerfile, and the
// install layer stays cached until one of these files changes.
//   node deploy/workspace-manifests.mjs <from> <to>
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The workspace folders the root package.json lists; a glob would need expanding, so it is refused. */
export function workspaceFolders(rootDir) {
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
  for (const folder of workspaces) {
    if (/[*?{[]/.test(folder)) throw new Error(`workspace-manifests: globs are not supported: ${folder}`);
  }
  return workspaces;
}

/** Copies the manifests from `rootDir` to `outDir` and returns the files copied, relative to both. */
export function copyManifests(rootDir, outDir) {
  const files = ['package.json', 'package-lock.json', ...workspaceFolders(rootDir).map((w) => `${w}/package.json`)];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    copyFileSync(path.join(rootDir, file), path.join(outDir, file));
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: node deploy/workspace-manifests.mjs <from> <to>');
  copyManifests(from, to);
}
