import type { AuditActor } from '@carcar/common/contract/audit';
import type { MovementReason } from '@carcar/common/contract/parts';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { partMovements, parts, repairOrderLines } from './schema.js';

// Stock moves here, for the parts counter (receipts, adjustments) and for repair orders (an approved
// part line takes its quantity, a void puts it back). Every change is one statement,
// `on_hand = on_hand + $q ... returning`, so two requests moving the same part at once both count:
// no read-then-write, no lost update (service-api/test/stock.pg.test.ts races two approvals for the
// last unit on Postgres). Each change writes its movement in the caller's transaction, whose audit
// context (set by `audited`) the parts trigger records with the new on_hand.

export type PartRow = typeof parts.$inferSelect;

/** A part number as a path or line names it: case does not matter (the unique index is on lower(number)). */
export function byNumber(number: string): SQL {
  return sql`lower(${parts.number}) = lower(${number})`;
}

/** What a stock movement says besides its quantity. */
export interface MovementFacts {
  reason: MovementReason;
  actor: AuditActor;
  repairOrderId?: number | null;
  lineId?: number | null;
  cost?: string | null;
  reference?: string | null;
  note?: string | null;
}

/**
 * Moves `quantity` (signed, numeric text) of the part in or out, with its movement, inside `tx`.
 * The part's row after the change, or undefined when no part matches.
 */
export async function moveStock(
  tx: Db,
  where: SQL,
  quantity: string,
  facts: MovementFacts,
  newCost?: string,
): Promise<PartRow | undefined> {
  const [part] = await tx
    .update(parts)
    .set({
      onHand: sql`${parts.onHand} + ${quantity}::numeric`,
      ...(newCost === undefined ? {} : { cost: newCost }),
    })
    .where(where)
    .returning();
  if (!part) return undefined;
  await tx.insert(partMovements).values({
    partId: part.id,
    quantity,
    reason: facts.reason,
    actor: facts.actor,
    repairOrderId: facts.repairOrderId ?? null,
    lineId: facts.lineId ?? null,
    cost: facts.cost ?? null,
    reference: facts.reference ?? null,
    note: facts.note ?? null,
  });
  return part;
}

/** A part line just approved: `quantity` is numeric text ("4.50"). */
export interface PartLineTake {
  id: number;
  repairOrderId: number;
  partNumber: string | null;
  quantity: string;
}

/** `-4.50` for `4.50`: a take is a negative movement. */
function negated(quantity: string): string {
  return quantity.startsWith('-') ? quantity.slice(1) : `-${quantity}`;
}

/**
 * Takes each approved part line's quantity from stock, inside the approval's transaction. A line
 * whose part number is not on the parts list (a part bought in for this job) moves nothing. A line
 * that leaves on_hand below zero is marked backordered: the stock it needs is still to arrive.
 * Lines are taken in part order, so two approvals sharing parts lock them in the same order.
 */
export async function takeStock(tx: Db, lines: readonly PartLineTake[], actor: AuditActor): Promise<void> {
  const sorted = lines
    .filter((line): line is PartLineTake & { partNumber: string } => Boolean(line.partNumber))
    .sort((a, b) => a.partNumber.toLowerCase().localeCompare(b.partNumber.toLowerCase()) || a.id - b.id);
  const backordered: number[] = [];
  for (const line of sorted) {
    const part = await moveStock(tx, byNumber(line.partNumber), negated(line.quantity), {
      reason: 'repair_order',
      actor,
      repairOrderId: line.repairOrderId,
      lineId: line.id,
    });
    if (part && Number(part.onHand) < 0) backordered.push(line.id);
  }
  if (backordered.length > 0) {
    await tx.update(repairOrderLines).set({ backordered: true }).where(inArray(repairOrderLines.id, backordered));
  }
}

/**
 * Puts back what the order's approvals took, inside the void's transaction: per part, the sum of
 * its takes and put-backs so far, so a second call puts nothing back twice.
 */
export async function putBackStock(tx: Db, repairOrderId: number, actor: AuditActor): Promise<void> {
  const owed = await queryRows<{ part_id: number; quantity: string }>(
    tx,
    sql`select ${partMovements.partId} as part_id, (-sum(${partMovements.quantity}))::text as quantity
      from ${partMovements}
      where ${partMovements.repairOrderId} = ${repairOrderId} and ${partMovements.reason} in ('repair_order', 'void')
      group by ${partMovements.partId}
      having sum(${partMovements.quantity}) < 0
      order by ${partMovements.partId}`,
  );
  for (const { part_id, quantity } of owed) {
    await moveStock(tx, sql`${parts.id} = ${part_id}`, quantity, { reason: 'void', actor, repairOrderId });
  }
}
