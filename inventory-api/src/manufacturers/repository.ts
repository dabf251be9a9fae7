import type { Manufacturer } from '@carcar/common/contract/inventory';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { tableRepository } from '@carcar/common/db/table-repository';
import { eq } from 'drizzle-orm';
import { manufacturers, vehicleModels } from '../db/schema.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { updateWithCarChanges } from '../feed/record-changes.js';
import { manufacturerJson } from '../json/catalog-json.js';
import type { ManufacturerInput } from './schemas.js';

/** The 409 of a name another manufacturer has (names are unique ignoring case). */
const duplicateName = (input: Partial<ManufacturerInput>) => ({
  path: 'name',
  message: `A manufacturer named "${input.name ?? ''}" already exists`,
});

export function manufacturersRepository(db: Db, feedNotifier: FeedNotifier) {
  const table = tableRepository(db, {
    table: manufacturers,
    toJson: manufacturerJson,
    toRow: (input: ManufacturerInput) => input,
    unique: duplicateName,
    stillReferenced: 'This manufacturer still has vehicle models; delete them first',
  });

  return {
    ...table,

    /** A rename changes the JSON of every automobile of this maker, so each gets a feed entry. */
    async update(id: number, input: ManufacturerInput, context: RequestContext): Promise<Manufacturer> {
      const cars = eq(vehicleModels.manufacturerId, id);
      const renamed = await updateWithCarChanges(db, feedNotifier, cars, auditContext(context), async (tx) => {
        const [row] = await tx
          .update(manufacturers)
          .set(input)
          .where(eq(manufacturers.id, id))
          .returning()
          .catch(translatePgError({ unique: duplicateName(input) }));
        return row;
      });
      return manufacturerJson(renamed);
    },
  };
}
