import {
  type AuditContext,
  auditCreated,
  auditCte,
  audited,
  auditInlineCte,
  setAuditContext,
} from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { prepareRows, queryRows } from '@carcar/common/db/statements';
import { notFound } from '@carcar/common/errors';
import { type SQL, sql } from 'drizzle-orm';
import { auditLog, automobileChanges, automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import { automobileJson, automobileJsonOf, automobilesJoined } from '../json/automobile-json.js';
import type { StoredAutomobile } from '../json/present.js';
import type { FeedNotifier } from './notifier.js';

// Every write that changes an automobile's JSON appends feed entries in the same transaction.
// Entries are appended with a seq of insertion and no place in the feed; the feed's first reader
// after their commit gives them their places (`feed_seq`, @carcar/common/db/feed-order), so the
// feed's order is commit order.

/** Appends one feed entry per automobile matching `where` (a rename touches many), in the caller's transaction. */
export async function recordChanges(tx: Db, where: SQL, deleted = false): Promise<void> {
  await tx.execute(sql`insert into ${automobileChanges} (vin, deleted, automobile)
    select ${automobiles.vin}, ${deleted}, ${automobileJson} from ${automobilesJoined} where ${where}`);
}

/** The columns of the automobile row a write statement returned, in `prepareAutomobileWrite` below. */
const written = {
  id: sql`car.id`,
  vin: sql`car.vin`,
  color: sql`car.color`,
  year: sql`car.year`,
  sold: sql`car.sold`,
  createdAt: sql`car.created_at`,
  condition: sql`car.condition`,
  odometer: sql`car.odometer`,
  listPrice: sql`car.list_price`,
  cost: sql`car.cost`,
  acquiredAt: sql`car.acquired_at`,
};

/** The rows of a write's `car` query with the model and maker its JSON names. */
const fromWrittenCars = sql`from car
  join ${vehicleModels} on ${vehicleModels.id} = car.model_id
  join ${manufacturers} on ${manufacturers.id} = ${vehicleModels.manufacturerId}`;

/**
 * Prepares `change` (an insert, update or delete of one automobile, without `returning`, with
 * `sql.placeholder`s for its values) together with its feed entry, as one statement: one round
 * trip to Postgres and its own transaction. The statement answers the automobile's JSON, or
 * undefined when `change` touched no row. An insert must select its values `from audit`: it writes
 * its audit entry itself (`auditCreated`), which the trigger then leaves alone.
 */
export function prepareAutomobileWrite<P extends Record<string, unknown>>(
  db: Db,
  name: string,
  change: SQL,
  kind: 'insert' | 'update' | 'delete',
): (params: P, audit: AuditContext) => Promise<StoredAutomobile | undefined> {
  // An update or delete: `audit` tells the audit trigger who is acting; the triggers fire as the
  // statement ends, after the final select has read `audit` (read only when there is a car to answer).
  const entry =
    kind === 'insert'
      ? sql`${auditCreated({ log: auditLog, entity: 'automobile', table: automobiles, rows: 'car', vinColumn: 'vin' })},`
      : sql``;
  const write = prepareRows<{ automobile: StoredAutomobile }, P & { audit: string }>(
    db,
    name,
    sql`with ${kind === 'insert' ? auditInlineCte('automobiles') : auditCte},
      car as (${change} returning *),
      ${entry}
      written as (select car.vin, ${automobileJsonOf(written)} as automobile ${fromWrittenCars}),
      feed as (insert into ${automobileChanges} (vin, deleted, automobile) select vin, ${kind === 'delete'}, automobile from written)
    select automobile from written cross join audit`,
  );
  return async (params, audit) => (await write({ ...params, audit: JSON.stringify(audit) }))[0]?.automobile;
}

/**
 * Runs `update` of a manufacturer or model together with a feed entry for each automobile whose
 * JSON it changes (`cars`), in one transaction, then wakes the long polls. `update` answers
 * undefined when there is no such row: a 404.
 */
export async function updateWithCarChanges<T>(
  db: Db,
  feedNotifier: FeedNotifier,
  cars: SQL,
  audit: AuditContext,
  update: (tx: Db) => Promise<T | undefined>,
): Promise<T> {
  const updated = await audited(db, audit, async (tx) => {
    const row = await update(tx);
    if (row === undefined) throw notFound();
    await recordChanges(tx, cars);
    return row;
  });
  feedNotifier.notify();
  return updated;
}

/**
 * The sales outbox's batch (`POST /api/automobiles/sold/`): the cars of `vins` that are not yet
 * `sold` marked so, with one audit entry each (the trigger, under `audit`) and one feed entry each,
 * in `vins`' order, in one statement run inside the caller's transaction. A car already `sold`
 * changes nothing and gets no entry, so a batch delivered twice (an answer lost on the way back)
 * writes nothing the second time. Answers how many cars changed and the VINs no car has.
 * Not a named statement: it is planned for each batch (a fraction of a millisecond, against up to
 * 500 cars), on the stock as it is then, so a plan made on an empty stock never outlives it.
 */
export async function markSold(
  tx: Db,
  vins: string[],
  sold: boolean,
  audit: AuditContext,
): Promise<{ updated: number; missing: string[] }> {
  const [row] = await queryRows<{ updated: string | number; missing: string[] }>(
    tx,
    sql`with audit as (${setAuditContext(audit)} as context),
      asked as (select vin, ord from unnest(${sql.param(vins)}::varchar[]) with ordinality as a(vin, ord)),
      car as (
        update ${automobiles} set sold = ${sold}
        from asked where ${automobiles.vin} = asked.vin and ${automobiles.sold} <> ${sold}
        returning ${automobiles.id}, ${automobiles.vin}, ${automobiles.color}, ${automobiles.year}, ${automobiles.sold},
          ${automobiles.modelId}, ${automobiles.createdAt}, ${automobiles.condition}, ${automobiles.odometer},
          ${automobiles.listPrice}, ${automobiles.cost}, ${automobiles.acquiredAt}, asked.ord),
      written as (select car.vin, car.ord, ${automobileJsonOf(written)} as automobile ${fromWrittenCars}),
      feed as (
        insert into ${automobileChanges} (vin, deleted, automobile)
        select vin, false, automobile from written order by ord)
    select (select count(*) from car) as updated,
      array(select asked.vin from asked where not exists (
        select from ${automobiles} where ${automobiles.vin} = asked.vin) order by asked.ord)::text[] as missing
    from audit`,
  );
  return { updated: Number(row?.updated ?? 0), missing: row?.missing ?? [] };
}
