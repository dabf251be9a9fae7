import { type SQL, sql } from 'drizzle-orm';
import { outbox } from '../db/schema.js';

/**
 * Every statement that writes outbox rows takes the request's trace as its `traceId` and `spanId`
 * parameters (null without one): the dispatcher logs each delivery under the trace that caused it
 * and sends it on as that span's child.
 */
const trace = sql`${sql.placeholder('traceId')}::varchar, ${sql.placeholder('spanId')}::varchar`;

/**
 * The one way a row enters the outbox: "tell inventory this car is now sold (or unsold)", for each
 * VIN that `cars` returns. It is a data-modifying step (`insert ... select`) to compose into the
 * very statement that changes the car, as a `with` query, so the row commits with the change or
 * not at all, and no transaction stays open. `cars` names an earlier `with` query with a `vin`
 * column. Once the statement has committed, call `onOutboxWritten` so the dispatcher delivers now.
 */
export function enqueueSoldUpdate(cars: string, sold: boolean): SQL {
  return sql`insert into ${outbox} (vin, sold, trace_id, span_id)
    select vin, ${sql.raw(String(sold))}, ${trace} from ${sql.identifier(cars)}`;
}

/**
 * "Put this trade-in into inventory": `rows` is a select of `vin` and `payload` (inventory's
 * trade-in body with the sale's id), composed into the statement that records the sale. The
 * dispatcher delivers a VIN's rows in id order, so a trade-in arrives before its removal.
 */
export function enqueueTradeIn(rows: SQL): SQL {
  return sql`insert into ${outbox} (vin, kind, payload, trace_id, span_id)
    select vin, 'trade_in', payload, ${trace} from (${rows}) as traded`;
}

/**
 * "Take this trade-in out of inventory again": for each row of `voided` (an earlier `with` query
 * with `id` and `trade_in_vin`) whose sale had a trade-in, in the statement that voids the sale.
 */
export function enqueueTradeInRemoval(voided: string): SQL {
  return sql`insert into ${outbox} (vin, kind, payload, trace_id, span_id)
    select trade_in_vin, 'trade_in_remove', jsonb_build_object('sale_id', id), ${trace}
    from ${sql.identifier(voided)} where trade_in_vin is not null`;
}

/** Called once a statement that wrote an outbox row has committed: the dispatcher delivers at once. */
export type OnOutboxWritten = () => void;
