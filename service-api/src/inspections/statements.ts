import type { InspectionTemplate } from '@carcar/common/contract/inspections';
import { type AuditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, eq, isNull } from 'drizzle-orm';
import type { InspectionItemRow } from '../db/inspection.js';
import { inspectionItems, inspectionTemplate, repairOrders } from '../db/schema.js';

// The SQL of the inspection: items, the link from an item to the line made of it, the checklist.

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

    /** Records the line made from the item, unless one already was (a second click): false then. */
    async linkLine(itemId: number, lineId: number, audit: AuditContext): Promise<boolean> {
      const rows = await audited(db, audit, (tx) =>
        tx
          .update(inspectionItems)
          .set({ lineId })
          .where(and(eq(inspectionItems.id, itemId), isNull(inspectionItems.lineId)))
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
