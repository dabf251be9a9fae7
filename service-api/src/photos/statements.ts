import type { AuditContext } from '@carcar/common/db/audit';
import { audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, eq } from 'drizzle-orm';
import type { InspectionPhotoRow } from '../db/inspection.js';
import { inspectionItems, inspectionPhotos, repairOrders } from '../db/schema.js';

// The SQL of inspection photos: the rows (the images themselves are files, store.ts).

export function photoStatements(db: Db) {
  return {
    /** The item, if it is on this order, with the order's status. */
    async item(orderId: number, itemId: number) {
      const [row] = await db
        .select({ id: inspectionItems.id, status: repairOrders.status })
        .from(inspectionItems)
        .innerJoin(repairOrders, eq(repairOrders.id, inspectionItems.repairOrderId))
        .where(and(eq(inspectionItems.id, itemId), eq(inspectionItems.repairOrderId, orderId)));
      return row;
    },

    async insert(photo: typeof inspectionPhotos.$inferInsert, audit: AuditContext): Promise<InspectionPhotoRow> {
      const [row] = await audited(db, audit, (tx) => tx.insert(inspectionPhotos).values(photo).returning());
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** The photo, if it is of this order (and, for staff's path, of this item). */
    async photo(orderId: number, photoId: number, itemId?: number): Promise<InspectionPhotoRow | undefined> {
      const [row] = await db
        .select()
        .from(inspectionPhotos)
        .where(
          and(
            eq(inspectionPhotos.id, photoId),
            eq(inspectionPhotos.repairOrderId, orderId),
            itemId === undefined ? undefined : eq(inspectionPhotos.itemId, itemId),
          ),
        );
      return row;
    },

    /** The order an approval link's token hash names, with when the link expires. */
    async orderOfTokenHash(hash: string) {
      const [row] = await db
        .select({ id: repairOrders.id, expiresAt: repairOrders.approvalExpiresAt })
        .from(repairOrders)
        .where(eq(repairOrders.approvalTokenHash, hash));
      return row;
    },
  };
}
