import {
  defaultInspectionTemplate,
  type InspectionItem,
  type InspectionItemInput,
  type InspectionItemUpdateInput,
  type InspectionTemplate,
} from '@carcar/common/contract/inspections';
import type { LineCreateInput, RepairOrderLine, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { conflict, notFound } from '@carcar/common/errors';
import { inspectionItemJson } from '../db/inspection.js';
import type { InspectionLineInput } from './schemas.js';
import { inspectionStatements } from './statements.js';

/** Orders whose inspection is closed: an invoiced order is final, a void one is gone. */
const CLOSED: readonly RepairOrderStatus[] = ['invoiced', 'closed', 'void'];

/**
 * What the inspection needs of repair orders, wired in app.ts (a feature folder does not import
 * another): adding a proposed line, with all its rules and prices, and taking one back.
 */
export interface RepairOrderLines {
  addLine(orderId: number, input: LineCreateInput, context: RequestContext): Promise<RepairOrderLine>;
  deleteLine(orderId: number, lineId: number, context: RequestContext): Promise<RepairOrderLine>;
}

/**
 * The photo files, wired in app.ts from photos/store.ts: a deleted finding's photos are removed from
 * disk once their rows are gone.
 */
export interface PhotoFiles {
  remove(name: string): Promise<void>;
}

/** Labor hours a line made from a finding bills until the advisor says how long (it is proposed: they price it before the estimate). */
export const DEFAULT_FINDING_HOURS = '1.0';

export function inspectionUseCases(db: Db, lines: RepairOrderLines, photoFiles: PhotoFiles) {
  const statements = inspectionStatements(db);

  function refuseClosed(status: RepairOrderStatus): void {
    if (CLOSED.includes(status)) {
      throw conflict(`This order is ${status}; its inspection can no longer change`, { status });
    }
  }

  async function openOrder(orderId: number): Promise<void> {
    const status = await statements.orderStatus(orderId);
    if (!status) throw notFound();
    refuseClosed(status);
  }

  return {
    async addItem(orderId: number, input: InspectionItemInput, context: RequestContext): Promise<InspectionItem> {
      await openOrder(orderId);
      const row = await statements.insertItem(
        { repairOrderId: orderId, name: input.name, condition: input.condition, note: input.note ?? null },
        auditContext(context),
      );
      return inspectionItemJson(row, [], { kind: 'staff' });
    },

    /**
     * Changes the fields given. 404 for an item of another order; 409 once the order is closed, and
     * for making green a finding that is a line on the order (nothing to propose, yet proposed:
     * the line goes first). The line itself keeps its own description: the advisor may have
     * reworded or priced it.
     */
    async updateItem(
      orderId: number,
      itemId: number,
      input: InspectionItemUpdateInput,
      context: RequestContext,
    ): Promise<InspectionItem> {
      const row = await statements.onItem(orderId, itemId, auditContext(context), async (tx, { status, item }) => {
        if (!status || !item) throw notFound();
        refuseClosed(status);
        if (input.condition === 'green' && item.lineId !== null) {
          throw conflict(
            `${item.name} is line ${item.lineId} of this order; delete that line before marking it green`,
            { line: item.lineId },
          );
        }
        const updated = await statements.updateItem(tx, itemId, {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.condition === undefined ? {} : { condition: input.condition }),
          ...(input.note === undefined ? {} : { note: input.note }),
        });
        return { updated, photos: await statements.photosOf(tx, itemId) };
      });
      return inspectionItemJson(row.updated, row.photos, { kind: 'staff' });
    },

    /**
     * Removes the finding, its photos' rows and then their files; answers the finding as it was.
     * 404 for an item of another order; 409 once the order is closed, and for a finding that is a
     * line of the order: the line would lose where it came from, and the customer may have seen
     * it on the estimate, so the line is deleted first (a proposed line can be), deliberately.
     */
    async deleteItem(orderId: number, itemId: number, context: RequestContext): Promise<InspectionItem> {
      const { answer, files } = await statements.onItem(
        orderId,
        itemId,
        auditContext(context),
        async (tx, { status, item }) => {
          if (!status || !item) throw notFound();
          refuseClosed(status);
          if (item.lineId !== null) {
            throw conflict(`${item.name} is line ${item.lineId} of this order; delete that line first`, {
              line: item.lineId,
            });
          }
          const answer = inspectionItemJson(item, await statements.photosOf(tx, itemId), { kind: 'staff' });
          return { answer, files: await statements.deleteItem(tx, itemId) };
        },
      );
      // After the commit: a rolled-back delete keeps its files. A file that cannot be removed is
      // left over unreferenced, which docs/photos.md already allows; the finding is gone either way.
      await Promise.allSettled(files.map((file) => photoFiles.remove(file)));
      return answer;
    },

    /**
     * A yellow or red finding as a proposed line, in one step: labor unless the body says otherwise,
     * described by the finding. 409 for a green item or one already made into a line.
     */
    async proposeLine(
      orderId: number,
      itemId: number,
      input: InspectionLineInput,
      context: RequestContext,
    ): Promise<RepairOrderLine> {
      const item = await statements.item(orderId, itemId);
      if (!item) throw notFound();
      if (item.condition === 'green') {
        throw conflict(`${item.name} is green: nothing to propose`, { condition: item.condition });
      }
      if (item.lineId !== null) {
        throw conflict(`${item.name} is already proposed as line ${item.lineId}`, { line: item.lineId });
      }
      const description = input.description ?? (item.note ? `${item.name}: ${item.note}` : item.name).slice(0, 500);
      const line = await lines.addLine(
        orderId,
        {
          ...input,
          description,
          ...(input.kind === 'labor' && (input.hours === undefined || input.hours === null)
            ? { hours: DEFAULT_FINDING_HOURS }
            : {}),
        },
        context,
      );
      if (!(await statements.linkLine(itemId, line.id, auditContext(context)))) {
        // Someone made a line of it, marked it green or removed it at the same moment: theirs
        // stands, this line goes.
        await lines.deleteLine(orderId, line.id, context);
        const now = await statements.item(orderId, itemId);
        if (!now) throw notFound();
        if (now.condition === 'green') throw conflict(`${item.name} was marked green meanwhile: nothing to propose`);
        throw conflict(`${item.name} was proposed as a line meanwhile`);
      }
      return line;
    },

    async template(): Promise<InspectionTemplate> {
      return (await statements.template()) ?? defaultInspectionTemplate;
    },

    async saveTemplate(template: InspectionTemplate, context: RequestContext): Promise<InspectionTemplate> {
      await statements.saveTemplate(template, auditContext(context));
      return template;
    },
  };
}
