import { type SQL, sql } from 'drizzle-orm';
import { outbox } from '../db/schema.js';

/**
 * The one way a row enters the outbox: "tell inventory this car is now sold (or unsold)", for each
 * VIN that `cars` returns. It is a data-modifying step (`insert ... select`) to compose into the
 * very statement that changes the car, as a `with` query, so the row commits with the change or
 * not at all, and no transaction stays open. `cars` names an earlier `with` query with a `vin`
 * column. Once the statement has committed, call `onOutboxWritten` so the dispatcher delivers now.
 */
export function enqueueSoldUpdate(cars: string, sold: boolean): SQL {
  return sql`insert into ${outbox} (vin, sold) select vin, ${sql.raw(String(sold))} from ${sql.identifier(cars)}`;
}

/** Called once a statement that wrote an outbox row has committed: the dispatcher delivers at once. */
export type OnOutboxWritten = () => void;
