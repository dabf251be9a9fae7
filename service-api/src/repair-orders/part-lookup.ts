import type { Db } from '@carcar/common/db/database';
import { sql } from 'drizzle-orm';
import { parts } from '../db/schema.js';
import { numericUnits } from '../db/shop-settings.js';

// A part line that names a `part_number` from the parts list takes the part's description and
// price unless the request gives them. The parts list's table is shared through db/schema.ts.

export interface KnownPart {
  description: string;
  priceCents: number;
}

/** The part with this number (ignoring case, as the parts list's unique index does), if any. */
export async function findPart(db: Db, partNumber: string): Promise<KnownPart | undefined> {
  const [row] = await db
    .select({ description: parts.description, price: parts.price })
    .from(parts)
    .where(sql`lower(${parts.number}) = lower(${partNumber})`)
    .limit(1);
  return row ? { description: row.description, priceCents: numericUnits(row.price, 2) } : undefined;
}
