import type { Db } from '@carcar/common/db/database';
import { containing } from '@carcar/common/db/like';
import { type Page, pageOfTable } from '@carcar/common/db/pagination';
import { queryRows } from '@carcar/common/db/statements';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { partMovements, parts } from '../db/schema.js';
import { byNumber, type PartRow } from '../db/stock.js';

// The SQL of the parts counter's reads. Stock moves through db/stock.ts, shared with repair orders.

export type { PartRow };
export type MovementRow = typeof partMovements.$inferSelect;

export interface PartListParams extends Page {
  q?: string;
  low?: boolean;
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
      return pageOfTable(db, parts, where, [sql`lower(${parts.number})`, asc(parts.id)], query);
    },

    /** A part's movements, newest first, one page. */
    async movements(partId: number, page: Page): Promise<{ rows: MovementRow[]; total: number }> {
      return pageOfTable(db, partMovements, eq(partMovements.partId, partId), [desc(partMovements.id)], page);
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
