// `npm run backup [-- <file>]`: one archive of every CarCar schema (inventory, service, sales,
// identity), the stored photos and the development keys, taken while CarCar runs. On embedded
// PGlite each running process hands over its own database; a stopped one is read from its folder.
// With DATABASE_URL it is pg_dump of CarCar's schemas. See docs/operations.md, "Backups".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackup } from '@carcar/common/service/backup';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = path.resolve(root, process.env.DATA_DIR || '.data');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const output = path.resolve(process.argv[2] ?? path.join(root, 'backups', `carcar-${stamp}.tar`));

try {
  const result = await createBackup({
    output,
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    photosDir: process.env.PHOTOS_DIR || undefined,
    say: (line) => process.stdout.write(`  ${line}\n`),
  });
  const parts = [result.manifest.photos ? 'photos' : '', result.manifest.keys ? 'keys' : ''].filter(Boolean);
  process.stdout.write(
    `CarCar backup written: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s${
      parts.length ? `, with ${parts.join(' and ')}` : ''
    })\n`,
  );
} catch (error) {
  process.stderr.write(`npm run backup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
