// `npm run restore -- <archive> [--force]`: brings a backup made by `npm run backup` back into a
// fresh data folder (DATA_DIR), or, for a Postgres backup, into the empty database DATABASE_URL
// names. It refuses a folder or database that holds data unless given --force (after `--`, since
// npm keeps a bare --force for itself). See docs/operations.md, "Backups".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreBackup } from '@carcar/common/service/backup';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const force = args.includes('--force');
const archive = args.find((arg) => !arg.startsWith('--'));
if (!archive) {
  process.stderr.write('npm run restore: name the archive: npm run restore -- backups/carcar-<date>.tar [--force]\n');
  process.exit(1);
}
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data');

try {
  const manifest = await restoreBackup({
    archive: path.resolve(archive),
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    photosDir: process.env.PHOTOS_DIR || undefined,
    force,
    say: (line) => process.stdout.write(`  ${line}\n`),
  });
  process.stdout.write(`CarCar restored from the backup of ${manifest.created_at}; start it with npm start\n`);
} catch (error) {
  process.stderr.write(`npm run restore: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
