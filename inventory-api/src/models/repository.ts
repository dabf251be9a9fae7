import type { VehicleModel } from '@carcar/common/contract/inventory';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { Page, Paged } from '@carcar/common/db/pagination';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { notFound } from '@carcar/common/errors';
import { asc, eq } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { updateWithCarChanges } from '../feed/record-changes.js';
import { vehicleModelJson } from '../json/catalog-json.js';
import type { ModelCreateInput, ModelUpdateInput } from './schemas.js';

const modelColumns = {
  model: { id: vehicleModels.id, name: vehicleModels.name, pictureUrl: vehicleModels.pictureUrl },
  manufacturer: { id: manufacturers.id, name: manufacturers.name },
};

/** The columns an update may set, from the fields the request gave. */
function modelPatch(input: ModelUpdateInput): Partial<typeof vehicleModels.$inferInsert> {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.picture_url !== undefined ? { pictureUrl: input.picture_url } : {}),
  };
}

export function modelsRepository(db: Db, feedNotifier: FeedNotifier) {
  /** A model with its manufacturer, as JSON; undefined when there is no such model. */
  async function find(executor: Db, id: number): Promise<VehicleModel | undefined> {
    const [row] = await executor
      .select(modelColumns)
      .from(vehicleModels)
      .innerJoin(manufacturers, eq(manufacturers.id, vehicleModels.manufacturerId))
      .where(eq(vehicleModels.id, id));
    return row && vehicleModelJson(row.model, row.manufacturer);
  }

  async function get(id: number): Promise<VehicleModel> {
    const model = await find(db, id);
    if (!model) throw notFound();
    return model;
  }

  return {
    async list(page: Page): Promise<Paged<VehicleModel>> {
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

    async create(input: ModelCreateInput, context: RequestContext): Promise<VehicleModel> {
      const [row] = await audited(db, auditContext(context), (tx) =>
        tx
          .insert(vehicleModels)
          .values({ name: input.name, pictureUrl: input.picture_url ?? '', manufacturerId: input.manufacturer_id })
          .returning({ id: vehicleModels.id }),
      ).catch(
        translatePgError({
          missingReference: {
            path: 'manufacturer_id',
            message: 'This manufacturer is no longer on file; choose another',
          },
        }),
      );
      return (row && (await find(db, row.id))) ?? Promise.reject(new Error('inserted model not found'));
    },

    /** A rename or new picture changes the JSON of every automobile of the model: feed entries. */
    async update(id: number, input: ModelUpdateInput, context: RequestContext): Promise<VehicleModel> {
      const patch = modelPatch(input);
      if (Object.keys(patch).length === 0) return get(id);
      return updateWithCarChanges(db, feedNotifier, eq(automobiles.modelId, id), auditContext(context), async (tx) => {
        const updated = await tx.update(vehicleModels).set(patch).where(eq(vehicleModels.id, id)).returning();
        return updated.length === 0 ? undefined : find(tx, id);
      });
    },

    async delete(id: number, context: RequestContext): Promise<VehicleModel> {
      const model = await get(id);
      await audited(db, auditContext(context), (tx) => tx.delete(vehicleModels).where(eq(vehicleModels.id, id))).catch(
        translatePgError({ stillReferenced: 'This vehicle model still has automobiles; delete them first' }),
      );
      return model;
    },
  };
}
