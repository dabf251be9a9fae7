import type {
  Part,
  PartAdjustmentInput,
  PartInput,
  PartMovement,
  PartReceiptInput,
  PartUpdateInput,
} from '@carcar/common/contract/parts';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext, audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { Page, Paged } from '@carcar/common/db/pagination';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { notFound } from '@carcar/common/errors';
import { parts } from '../db/schema.js';
import { byNumber, moveStock, type PartRow } from '../db/stock.js';
import { type MovementRow, type PartListParams, partStatements } from './statements.js';

/** `numeric` text as a JSON number: exact for money and stock of these sizes (at most 2 decimals). */
function amount(value: string): number {
  return Number(value);
}

export function partJson(row: PartRow): Part {
  return {
    number: row.number,
    description: row.description,
    price: amount(row.price),
    cost: row.cost === null ? null : amount(row.cost),
    on_hand: amount(row.onHand),
    reorder_point: amount(row.reorderPoint),
  };
}

export function movementJson(row: MovementRow): PartMovement {
  return {
    id: row.id,
    at: row.at.toISOString(),
    quantity: amount(row.quantity),
    reason: row.reason,
    repair_order: row.repairOrderId,
    actor: row.actor,
    cost: row.cost === null ? null : amount(row.cost),
    reference: row.reference,
    note: row.note,
  };
}

/** The 409 of a number already on the list, naming the field. */
export function duplicateNumber(number: string) {
  return translatePgError({
    unique: { path: 'number', message: `A part with number ${number} is already on the list` },
  });
}

/** The parts counter: the list, one part, receiving stock and adjusting counts. */
export function partUseCases(db: Db) {
  const statements = partStatements(db);

  async function find(number: string): Promise<PartRow> {
    const row = await statements.find(number);
    if (!row) throw notFound();
    return row;
  }

  /** A receipt or an adjustment: the count moves by one statement, with its movement and audit entry. */
  async function move(
    number: string,
    quantity: string,
    context: RequestContext,
    facts: { reason: 'receipt' | 'adjustment'; cost?: string; reference?: string; note?: string },
  ): Promise<Part> {
    const audit = auditContext(context, { action: facts.reason, reason: facts.note ?? facts.reference });
    const part = await audited(db, audit, (tx) =>
      moveStock(
        tx,
        byNumber(number),
        quantity,
        {
          reason: facts.reason,
          actor: audit.actor,
          cost: facts.cost ?? null,
          reference: facts.reference ?? null,
          note: facts.note ?? null,
        },
        facts.cost,
      ),
    );
    if (!part) throw notFound();
    return partJson(part);
  }

  return {
    async list(query: PartListParams): Promise<Paged<Part>> {
      const { rows, total } = await statements.list(query);
      return { items: rows.map(partJson), total };
    },

    get: async (number: string): Promise<Part> => partJson(await find(number)),

    /** A new part; an opening `on_hand` is recorded as its first receipt. */
    async create(input: PartInput, context: RequestContext): Promise<Part> {
      const audit = auditContext(context);
      const row = await audited(db, audit, async (tx) => {
        const [created] = await tx
          .insert(parts)
          .values({
            number: input.number,
            description: input.description,
            price: input.price,
            cost: input.cost ?? null,
            reorderPoint: input.reorder_point ?? '0',
          })
          .returning();
        if (!created) throw new Error('insert returned no row');
        if (input.on_hand === undefined || Number(input.on_hand) === 0) return created;
        const stocked = await moveStock(tx, byNumber(created.number), input.on_hand, {
          reason: 'receipt',
          actor: audit.actor,
          cost: input.cost ?? null,
          reference: 'opening stock',
        });
        return stocked ?? created;
      }).catch(duplicateNumber(input.number));
      return partJson(row);
    },

    async update(number: string, input: PartUpdateInput, context: RequestContext): Promise<Part> {
      const changes = {
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.price === undefined ? {} : { price: input.price }),
        ...(input.cost === undefined ? {} : { cost: input.cost }),
        ...(input.reorder_point === undefined ? {} : { reorderPoint: input.reorder_point }),
      };
      if (Object.keys(changes).length === 0) return partJson(await find(number));
      const [row] = await audited(db, auditContext(context), (tx) =>
        tx.update(parts).set(changes).where(byNumber(number)).returning(),
      );
      if (!row) throw notFound();
      return partJson(row);
    },

    receive: (number: string, input: PartReceiptInput, context: RequestContext) =>
      move(number, input.quantity, context, {
        reason: 'receipt',
        ...(input.cost === undefined ? {} : { cost: input.cost }),
        ...(input.reference === undefined ? {} : { reference: input.reference }),
      }),

    adjust: (number: string, input: PartAdjustmentInput, context: RequestContext) =>
      move(number, input.quantity, context, { reason: 'adjustment', note: input.reason }),

    async movements(number: string, page: Page): Promise<Paged<PartMovement>> {
      const part = await find(number);
      const { rows, total } = await statements.movements(part.id, page);
      return { items: rows.map(movementJson), total };
    },
  };
}
