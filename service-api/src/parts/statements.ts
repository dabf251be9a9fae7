import type { AuditActor } from '@carcar/common/contract/audit';
import type { MovementReason } from '@carcar/common/contract/parts';
import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { queryRows } from '@carcar/common/db/statements';
import type { Page } from '@carcar/common/http/list';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { partMovements, parts } from '../db/schema.js';

// The SQL of the parts counter. Stock changes by one statement, `on_hand = on_hand + $q`, so two
// requests moving the same part at once both count (no read-then-write, no lost update), and each
// change writes its movement in the same transaction.

export type PartRow = typeof parts.$inferSelect;
export type MovementRow = typeof partMovements.$inferSelect;

/** A part number as the path names it: case does not matter (the unique index is on lower(number)). */
export function byNumber(number: string): SQL {
  return sql`lower(${parts.number}) = lower(${number})`;
}

/** `%text%` for ILIKE, with the pattern characters a person might type taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PartListParams extends Page {
  q?: string;
  low?: boolean;
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
 * Moves `quantity` (signed, numeric text) of the part in or out, with its movement: inside the
 * caller's transaction, whose audit context says who and why. The part's row after the change, or
 * undefined when no part has that number.
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

export function partStatements(db: Db) {
  return {
    async find(number: string): Promise<PartRow | undefined> {
      const [row] = await db.select().from(parts).where(byNumber(number));
      return row;
    },

    /** Ordered by number; `q` matches number or description, `low` keeps those at or under the reorder point. */
    async list(query: PartListParams): Promise<{ rows: PartRow[]; total: number }> {
      const conditions: SQL[] = [];
      if (query.q) {
        const pattern = containing(query.q);
        conditions.push(sql`(${parts.number} ilike ${pattern} or ${parts.description} ilike ${pattern})`);
      }
      if (query.low) conditions.push(sql`${parts.onHand} <= ${parts.reorderPoint}`);
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const { rows, total } = await fetchPage(
        db
          .select({ part: parts, total: totalOf(parts, where) })
          .from(parts)
          .where(where)
          .orderBy(sql`lower(${parts.number})`, asc(parts.id))
          .offset(query.offset)
          .$dynamic(),
        query,
        () => countRows(db, parts, where),
      );
      return { rows: rows.map((row) => row.part), total };
    },

    /** A part's movements, newest first, one page. */
    async movements(partId: number, page: Page): Promise<{ rows: MovementRow[]; total: number }> {
      const where = eq(partMovements.partId, partId);
      const { rows, total } = await fetchPage(
        db
          .select({ movement: partMovements, total: totalOf(partMovements, where) })
          .from(partMovements)
          .where(where)
          .orderBy(desc(partMovements.id))
          .offset(page.offset)
          .$dynamic(),
        page,
        () => countRows(db, partMovements, where),
      );
      return { rows: rows.map((row) => row.movement), total };
    },

    /** The numbers among `numbers` already on the list, as stored, matched ignoring case. */
    async existingNumbers(numbers: string[]): Promise<string[]> {
      const rows = await queryRows<{ number: string }>(
        db,
        sql`select number from ${parts} where lower(number) = any(${sql.param(numbers.map((n) => n.toLowerCase()))}::text[])`,
      );
      return rows.map((row) => row.number);
    },
  };
}
