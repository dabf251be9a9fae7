import type { InspectionTemplate } from '@carcar/common/contract/inspections';
import { type AuditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { InspectionItemRow } from '../db/inspection.js';
import { inspectionItems, inspectionPhotos, inspectionTemplate, repairOrders } from '../db/schema.js';

// The SQL of the inspection: items, the link from an item to the line made of it, the checklist.

/** What a finding's change writes: the fields given, a note of null clearing it. */
export interface ItemChange {
  name?: string;
  condition?: InspectionItemRow['condition'];
  note?: string | null;
}

export function inspectionStatements(db: Db) {
  return {
    async orderStatus(orderId: number) {
      const [row] = await db
        .select({ status: repairOrders.status })
        .from(repairOrders)
        .where(eq(repairOrders.id, orderId));
      return row?.status;
    },

    async insertItem(item: typeof inspectionItems.$inferInsert, audit: AuditContext): Promise<InspectionItemRow> {
      const [row] = await audited(db, audit, (tx) => tx.insert(inspectionItems).values(item).returning());
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async item(orderId: number, itemId: number): Promise<InspectionItemRow | undefined> {
      const [row] = await db
        .select()
        .from(inspectionItems)
        .where(and(eq(inspectionItems.id, itemId), eq(inspectionItems.repairOrderId, orderId)));
      return row;
    },

    /**
     * Changes or removes an item inside one audited transaction, with the order's row locked: the
     * order cannot be invoiced or voided between the status check and the write (those lock the
     * same row `for update`). `no key update` rather than `update`, so a photo's insert, whose
     * foreign keys take a key-share lock on the item and then the order, is not stopped at the
     * order while holding the item this transaction waits for (a deadlock). The item's row is
     * locked `for update`: a photo's insert on it waits, then finds the item gone.
     */
    async onItem<T>(
      orderId: number,
      itemId: number,
      audit: AuditContext,
      write: (
        tx: Db,
        found: {
          status: (typeof repairOrders.$inferSelect)['status'] | undefined;
          item: InspectionItemRow | undefined;
        },
      ) => Promise<T>,
    ): Promise<T> {
      return audited(db, audit, async (tx) => {
        const [order] = await tx
          .select({ status: repairOrders.status })
          .from(repairOrders)
          .where(eq(repairOrders.id, orderId))
          .for('no key update');
        const [item] = order
          ? await tx
              .select()
              .from(inspectionItems)
              .where(and(eq(inspectionItems.id, itemId), eq(inspectionItems.repairOrderId, orderId)))
              .for('update')
          : [];
        return write(tx, { status: order?.status, item });
      });
    },

    async updateItem(tx: Db, itemId: number, change: ItemChange): Promise<InspectionItemRow> {
      const [row] = await tx.update(inspectionItems).set(change).where(eq(inspectionItems.id, itemId)).returning();
      if (!row) throw new Error('update returned no row');
      return row;
    },

    async photosOf(tx: Db, itemId: number) {
      return tx
        .select()
        .from(inspectionPhotos)
        .where(eq(inspectionPhotos.itemId, itemId))
        .orderBy(asc(inspectionPhotos.id));
    },

    /** Deletes the item and its photos' rows; answers the photos' file names, for removing after the commit. */
    async deleteItem(tx: Db, itemId: number): Promise<string[]> {
      const photos = await tx
        .delete(inspectionPhotos)
        .where(eq(inspectionPhotos.itemId, itemId))
        .returning({ file: inspectionPhotos.file });
      await tx.delete(inspectionItems).where(eq(inspectionItems.id, itemId));
      return photos.map((photo) => photo.file);
    },

    /**
     * Records the line made from the item, unless one already was (a second click) or the item was
     * marked green or removed meanwhile: false then.
     */
    async linkLine(itemId: number, lineId: number, audit: AuditContext): Promise<boolean> {
      const rows = await audited(db, audit, (tx) =>
        tx
          .update(inspectionItems)
          .set({ lineId })
          .where(
            and(eq(inspectionItems.id, itemId), isNull(inspectionItems.lineId), ne(inspectionItems.condition, 'green')),
          )
          .returning({ id: inspectionItems.id }),
      );
      return rows.length > 0;
    },

    async template(): Promise<InspectionTemplate | undefined> {
      const [row] = await db.select().from(inspectionTemplate).where(eq(inspectionTemplate.id, 1));
      return row ? { items: row.items } : undefined;
    },

    async saveTemplate(template: InspectionTemplate, audit: AuditContext): Promise<void> {
      await audited(db, audit, (tx) =>
        tx
          .insert(inspectionTemplate)
          .values({ id: 1, items: template.items })
          .onConflictDoUpdate({ target: inspectionTemplate.id, set: { items: template.items } }),
      );
    },
  };
}
