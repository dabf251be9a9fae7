import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { isStillReferenced, PG_UNIQUE_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { Page, Paged } from '@carcar/common/http/list';
import { asc, eq } from 'drizzle-orm';
import { type ChangeNotifier, recordChanges } from '../automobiles/changes.js';
import { manufacturers, vehicleModels } from '../db/schema.js';
import { type ManufacturerInput, type ManufacturerJson, manufacturerJson } from './schemas.js';

function duplicateName(error: unknown, name: string): never {
  if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
    throw conflict(`A manufacturer named "${name}" already exists`, {
      errors: [{ path: 'name', message: 'already exists' }],
    });
  }
  throw error;
}

export function manufacturersRepository(db: Db, notifier: ChangeNotifier) {
  return {
    async list(page: Page): Promise<Paged<ManufacturerJson>> {
      const { rows, total } = await fetchPage(
        db
          .select({
            id: manufacturers.id,
            name: manufacturers.name,
            total: totalOf(manufacturers),
          })
          .from(manufacturers)
          .orderBy(asc(manufacturers.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, manufacturers),
      );
      return { items: rows.map(manufacturerJson), total };
    },

    async get(id: number): Promise<ManufacturerJson> {
      const [row] = await db.select().from(manufacturers).where(eq(manufacturers.id, id));
      if (!row) throw notFound();
      return manufacturerJson(row);
    },

    async create(input: ManufacturerInput): Promise<ManufacturerJson> {
      const [row] = await db
        .insert(manufacturers)
        .values(input)
        .returning()
        .catch((error: unknown) => duplicateName(error, input.name));
      if (!row) throw new Error('insert returned no row');
      return manufacturerJson(row);
    },

    /** A rename changes the JSON of every automobile of this maker, so each gets a feed entry. */
    async update(id: number, input: ManufacturerInput): Promise<ManufacturerJson> {
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(manufacturers)
          .set(input)
          .where(eq(manufacturers.id, id))
          .returning()
          .catch((error: unknown) => duplicateName(error, input.name));
        if (!updated) throw notFound();
        await recordChanges(tx, eq(vehicleModels.manufacturerId, id));
        return updated;
      });
      notifier.notify();
      return manufacturerJson(row);
    },

    async delete(id: number): Promise<ManufacturerJson> {
      const [row] = await db
        .delete(manufacturers)
        .where(eq(manufacturers.id, id))
        .returning()
        .catch((error: unknown) => {
          if (isStillReferenced(error)) {
            throw conflict('This manufacturer still has vehicle models; delete them first');
          }
          throw error;
        });
      if (!row) throw notFound();
      return manufacturerJson(row);
    },
  };
}
