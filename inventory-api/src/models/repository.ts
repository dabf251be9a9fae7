import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { isStillReferenced, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { conflict, invalidField, notFound } from '@carcar/common/http/errors';
import type { Page, Paged } from '@carcar/common/http/list';
import { asc, eq } from 'drizzle-orm';
import { type ChangeNotifier, recordChanges } from '../automobiles/changes.js';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import { type ModelCreateInput, type ModelUpdateInput, type VehicleModelJson, vehicleModelJson } from './schemas.js';

const modelColumns = {
  model: { id: vehicleModels.id, name: vehicleModels.name, pictureUrl: vehicleModels.pictureUrl },
  manufacturer: { id: manufacturers.id, name: manufacturers.name },
};

export function modelsRepository(db: Db, notifier: ChangeNotifier) {
  async function find(executor: Db, id: number): Promise<VehicleModelJson | undefined> {
    const [row] = await executor
      .select(modelColumns)
      .from(vehicleModels)
      .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
      .where(eq(vehicleModels.id, id));
    return row && vehicleModelJson(row.model, row.manufacturer);
  }

  async function get(id: number): Promise<VehicleModelJson> {
    const model = await find(db, id);
    if (!model) throw notFound();
    return model;
  }

  return {
    async list(page: Page): Promise<Paged<VehicleModelJson>> {
      const { rows, total } = await fetchPage(
        db
          .select({ ...modelColumns, total: totalOf(vehicleModels) })
          .from(vehicleModels)
          .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
          .orderBy(asc(vehicleModels.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, vehicleModels),
      );
      return { items: rows.map((row) => vehicleModelJson(row.model, row.manufacturer)), total };
    },

    get,

    async create(input: ModelCreateInput): Promise<VehicleModelJson> {
      const [row] = await db
        .insert(vehicleModels)
        .values({ name: input.name, pictureUrl: input.picture_url, manufacturerId: input.manufacturer_id })
        .returning({ id: vehicleModels.id })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
            throw invalidField('manufacturer_id', 'no manufacturer has this id');
          }
          throw error;
        });
      return (row && (await find(db, row.id))) ?? Promise.reject(new Error('inserted model not found'));
    },

    /** A rename or new picture changes the JSON of every automobile of the model: feed entries. */
    async update(id: number, input: ModelUpdateInput): Promise<VehicleModelJson> {
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.picture_url !== undefined ? { pictureUrl: input.picture_url } : {}),
      };
      if (Object.keys(patch).length === 0) return get(id);
      const model = await db.transaction(async (tx) => {
        const updated = await tx
          .update(vehicleModels)
          .set(patch)
          .where(eq(vehicleModels.id, id))
          .returning({ id: vehicleModels.id });
        if (updated.length === 0) throw notFound();
        await recordChanges(tx, eq(automobiles.modelId, id));
        return find(tx, id);
      });
      notifier.notify();
      return model ?? Promise.reject(new Error('updated model not found'));
    },

    async delete(id: number): Promise<VehicleModelJson> {
      const model = await find(db, id);
      if (!model) throw notFound();
      await db
        .delete(vehicleModels)
        .where(eq(vehicleModels.id, id))
        .catch((error: unknown) => {
          if (isStillReferenced(error)) {
            throw conflict('This vehicle model still has automobiles; delete them first');
          }
          throw error;
        });
      return model;
    },
  };
}
