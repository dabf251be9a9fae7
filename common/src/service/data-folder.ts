import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

// The data folder holds the embedded databases (every customer, sale and password hash) and the
// development keys: only the account that runs CarCar may read it. Nothing made it private before
// (the folder 0755, identity's files 0644), so a start also tightens what an earlier one left.

/** Folders 0700, files 0600: the owner alone. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes `root` (the DATA_DIR) private, with what this process creates from now on (umask 077; PGlite
 * ignores it, see `privateFiles`), and tightens what is already in `own` (this process's database
 * folder) in case an earlier version left it readable to others. Only `own` is walked: the other
 * processes of `npm start` each tighten theirs.
 */
export function protectDataFolder(root: string, own?: string): void {
  // A worker thread may not change the process's umask (a test runner's); the modes below still apply.
  if (isMainThread) process.umask(0o077);
  mkdirSync(root, { recursive: true, mode: FOLDER_MODE });
  chmodSync(root, FOLDER_MODE);
  if (own) privateFiles(own);
}

/**
 * Folders 0700 and files 0600 under `target`. PGlite creates its files 0666 whatever the umask,
 * so the database folder is tightened again once it is open; a file it makes later is still
 * closed to others by the 0700 folders above it.
 */
export function privateFiles(target: string): void {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    if ((stats.mode & 0o077) !== 0) chmodSync(target, FOLDER_MODE);
    for (const entry of readdirSync(target)) privateFiles(path.join(target, entry));
  } else if ((stats.mode & 0o077) !== 0) {
    chmodSync(target, stats.mode & FILE_MODE);
  }
}
