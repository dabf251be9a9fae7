import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * Creating an embedded database means running Postgres' initdb: about 2.5 s of CPU, three times
 * over when three services start at once on a small machine. `npm start` keeps one freshly
 * initialised data folder (under node_modules/.cache, per PGlite version) and names it to the
 * services (`PGLITE_TEMPLATE`); a service whose data folder does not exist yet starts from a copy of
 * it, which takes a tenth of a second. The template was shut down cleanly, so a copy is a valid folder.
 */
export async function createPgliteTemplate(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  mkdirSync(path.dirname(dir), { recursive: true });
  // Made aside and renamed, so no one copies half a template.
  const partial = `${dir}.${process.pid}.partial`;
  const client = await PGlite.create({ dataDir: partial });
  await client.close();
  try {
    renameSync(partial, dir);
  } catch (error) {
    // Two `npm start`s at once each made one; the first in place serves both.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}

/** Starts `dataDir` as a copy of the template; false if there is no template (initdb runs as usual). */
export function copyPgliteTemplate(template: string, dataDir: string): boolean {
  if (!existsSync(template)) return false;
  const partial = `${dataDir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(template, partial, { recursive: true });
  renameSync(partial, dataDir);
  return true;
}

// `node --import tsx common/src/pglite-template.ts DIR`, as `npm start` runs it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2]) {
  await createPgliteTemplate(process.argv[2]);
}
