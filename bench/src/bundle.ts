import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './stack.js';

export interface BundleSize {
  /** The entry script and every module it preloads: what the first page needs before it renders. */
  initialJsGzipKb: number;
  initialCssGzipKb: number;
  files: string[];
}

/** Builds the app as deployed and weighs what `index.html` loads up front, gzipped (level 9, as served). */
export function measureBundle(): BundleSize {
  execFileSync('npm', ['run', 'build', '-w', 'ghi'], { cwd: root, stdio: 'ignore' });
  const dist = path.join(root, 'ghi', 'dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
  const gzipKb = (files: string[]) =>
    Math.round(
      files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length, 0) / 102.4,
    ) / 10;
  return {
    initialJsGzipKb: gzipKb(assets.filter((file) => file.endsWith('.js'))),
    initialCssGzipKb: gzipKb(assets.filter((file) => file.endsWith('.css'))),
    files: assets,
  };
}
