import {
  defaultInspectionTemplate,
  type InspectionItem,
  type InspectionItemInput,
  type InspectionTemplate,
} from '@carcar/common/contract/inspections';
import type { LineCreateInput, RepairOrderLine, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { RequestContext } from '@carcar/common/http/routes';
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

/** Labor hours a line made from a finding bills until the advisor says how long (it is proposed: they price it before the estimate). */
export const DEFAULT_FINDING_HOURS = '1.0';

export function inspectionUseCases(db: Db, lines: RepairOrderLines) {
  const statements = inspectionStatements(db);

  async function openOrder(orderId: number): Promise<void> {
    const status = await statements.orderStatus(orderId);
    if (!status) throw notFound();
    if (CLOSED.includes(status)) {
      throw conflict(`This order is ${status}; its inspection can no longer change`, { status });
    }
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
        // Someone made a line of it at the same moment: theirs stands, this one goes.
        await lines.deleteLine(orderId, line.id, context);
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
