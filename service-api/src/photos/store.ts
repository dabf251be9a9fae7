import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { notFound } from '@carcar/common/errors';

// Photos are files, not database rows (docs/photos.md): `<PHOTOS_DIR>/<first two characters>/<name>.jpg`
// and `<name>.thumb.jpg`. Names are 128 random bits (base64url), never derived from ids or uploads,
// so no request can name a path. Files are 0600 and folders 0700: only the service's user reads them.

export type PhotoSize = 'display' | 'thumbnail';

const NAME_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function photoStore(root: string) {
  function fileOf(name: string, size: PhotoSize): string {
    if (!NAME_PATTERN.test(name)) throw new Error(`not a photo file name: ${name}`);
    return path.join(root, name.slice(0, 2), size === 'display' ? `${name}.jpg` : `${name}.thumb.jpg`);
  }

  /** Writes beside and renames, so a reader never sees half a file. */
  async function writeWhole(file: string, bytes: Buffer): Promise<void> {
    const partial = `${file}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(partial, bytes, { mode: 0o600, flag: 'wx' });
    await rename(partial, file);
  }

  return {
    root,

    /** Stores both sizes under a new random name, which it answers. */
    async save(display: Buffer, thumbnail: Buffer): Promise<string> {
      const name = randomBytes(16).toString('base64url');
      await mkdir(path.join(root, name.slice(0, 2)), { recursive: true, mode: 0o700 });
      try {
        await writeWhole(fileOf(name, 'display'), display);
        await writeWhole(fileOf(name, 'thumbnail'), thumbnail);
      } catch (error) {
        await this.remove(name);
        throw error;
      }
      return name;
    },

    /** The image; 404 when its file is gone (a database restored without its photos folder). */
    async read(name: string, size: PhotoSize): Promise<Buffer> {
      try {
        return await readFile(fileOf(name, size));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound();
        throw error;
      }
    },

    /** Removes both files (a photo whose row was not written); missing files are fine. */
    async remove(name: string): Promise<void> {
      await Promise.all([rm(fileOf(name, 'display'), { force: true }), rm(fileOf(name, 'thumbnail'), { force: true })]);
    },
  };
}

export type PhotoStore = ReturnType<typeof photoStore>;
