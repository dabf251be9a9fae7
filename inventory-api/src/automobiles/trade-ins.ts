import {
  centsToText,
  type TradeInArrival,
  type TradeInBatch,
  type TradeInBatchResult,
} from '@carcar/common/contract/deal';
import type { Automobile } from '@carcar/common/contract/inventory';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext, audited, setAuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { conflict, notFound } from '@carcar/common/errors';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { automobiles, manufacturers, vehicleModels } from '../db/schema.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { recordChanges } from '../feed/record-changes.js';
import { automobileJson, automobilesJoined } from '../json/automobile-json.js';
import { presentAutomobile, type StoredAutomobile, viewerOf } from '../json/present.js';

// A sale's trade-in, put into stock and taken out again by the sales outbox (its credential's
// `automobiles.trade_in`). Each is one transaction with its audit entries and feed entry, and each
// is idempotent by the sale's id, since the outbox delivers at least once.

/** Who the car is, for a 409's message. */
const tradeInConflict = (message: string) => conflict(message, { errors: [{ path: 'vin', message }] });

/** The model named `model` by the maker named `make`, matched ignoring case, created if missing. */
async function modelFor(tx: Db, make: string, model: string): Promise<number> {
  const findMaker = async () =>
    (
      await tx
        .select({ id: manufacturers.id })
        .from(manufacturers)
        .where(sql`lower(${manufacturers.name}) = lower(${make})`)
    )[0];
  // Looked up first: nearly every trade-in's maker is known, and the insert is then not tried.
  let maker = await findMaker();
  if (!maker) {
    // A concurrent trade-in may add the same maker: the unique index on lower(name) keeps one.
    await tx.insert(manufacturers).values({ name: make }).onConflictDoNothing();
    maker = await findMaker();
  }
  if (!maker) throw new Error(`manufacturer ${make} neither found nor created`);
  const [found] = await tx
    .select({ id: vehicleModels.id })
    .from(vehicleModels)
    .where(and(eq(vehicleModels.manufacturerId, maker.id), sql`lower(${vehicleModels.name}) = lower(${model})`))
    .orderBy(asc(vehicleModels.id))
    .limit(1);
  if (found) return found.id;
  const [created] = await tx
    .insert(vehicleModels)
    .values({ name: model, pictureUrl: '', manufacturerId: maker.id })
    .returning({ id: vehicleModels.id });
  if (!created) throw new Error(`model ${model} not created`);
  return created.id;
}

async function carJson(tx: Db, vin: string): Promise<StoredAutomobile | undefined> {
  const [row] = await queryRows<{ automobile: StoredAutomobile }>(
    tx,
    sql`select ${automobileJson} as automobile from ${automobilesJoined} where ${automobiles.vin} = ${vin}`,
  );
  return row?.automobile;
}

/** What taking one trade-in in did: in stock now, already in from this sale, or refused (a 409's words). */
type Intake = { kind: 'created' } | { kind: 'repeat' } | { kind: 'refused'; message: string };

/**
 * The trade-ins into stock inside `tx`, in the order given, each with its own audit context (its
 * sale as the reason): used, at cost = allowance, acquired now. A car of that VIN the dealership
 * once sold comes back onto the lot; one in stock and unsold is refused; the same sale's trade-in
 * delivered again changes nothing. The cars already here are locked first, all at once and in VIN
 * order (so two batches cannot deadlock), and each trade-in is then one statement with its audit
 * context in it: a backlog of 500 costs about 500 round trips, not 2,500. Feed entries are the
 * caller's (`recordChanges` for the created ones).
 */
async function intakeAll(tx: Db, inputs: readonly TradeInArrival[], context: RequestContext): Promise<Intake[]> {
  const vins = [...new Set(inputs.map((input) => input.vin))].sort();
  const here = new Map(
    (
      await tx
        .select({ vin: automobiles.vin, sold: automobiles.sold, saleId: automobiles.tradeInSaleId })
        .from(automobiles)
        .where(inArray(automobiles.vin, vins))
        .orderBy(asc(automobiles.vin))
        .for('update')
    ).map((row) => [row.vin, row]),
  );
  // A batch's trade-ins are mostly of a few makes and models: each is looked up (or made) once,
  // with that trade-in's audit context in force, since making one is audited too.
  const models = new Map<string, number>();
  const modelOf = async (input: TradeInArrival) => {
    const key = JSON.stringify([input.make.toLowerCase(), input.model.toLowerCase()]);
    let id = models.get(key);
    if (id === undefined) {
      await tx.execute(setAuditContext(tradeInAudit(context, input.sale_id)));
      id = await modelFor(tx, input.make, input.model);
      models.set(key, id);
    }
    return id;
  };
  const done: Intake[] = [];
  for (const input of inputs) {
    const existing = here.get(input.vin);
    if (existing && existing.saleId === input.sale_id) {
      done.push({ kind: 'repeat' });
      continue;
    }
    if (existing && !existing.sold) {
      done.push({ kind: 'refused', message: `An automobile with VIN ${input.vin} is already in stock and unsold` });
      continue;
    }
    const audit = sql`with audit as (${setAuditContext(tradeInAudit(context, input.sale_id))} as context)`;
    const modelId = await modelOf(input);
    const [color, cost] = [input.color ?? 'unknown', centsToText(input.allowance)];
    await tx.execute(
      existing
        ? sql`${audit} update ${automobiles} set color = ${color}, year = ${input.year}, model_id = ${modelId},
            sold = false, condition = 'used', odometer = ${input.odometer}, list_price = null, cost = ${cost}::numeric,
            acquired_at = now(), trade_in_sale_id = ${input.sale_id}
          from audit where ${automobiles.vin} = ${input.vin}`
        : sql`${audit} insert into ${automobiles} (vin, color, year, model_id, sold, condition, odometer, cost, trade_in_sale_id)
          select ${input.vin}, ${color}, ${input.year}, ${modelId}, false, 'used', ${input.odometer}, ${cost}::numeric,
            ${input.sale_id} from audit`,
    );
    // The same VIN later in the batch finds this car (the contract body refuses a VIN twice).
    here.set(input.vin, { vin: input.vin, sold: false, saleId: input.sale_id });
    done.push({ kind: 'created' });
  }
  return done;
}

/** The audit context of one trade-in: the sale it came with is the reason. */
const tradeInAudit = (context: RequestContext, saleId: number) =>
  auditContext(context, { action: 'trade_in', reason: `trade-in of sale ${saleId}` });

export function tradeInUseCases(db: Db, feedNotifier: FeedNotifier) {
  return {
    /**
     * The trade-in of sale `sale_id` enters stock (`intake`). Delivered again (the answer was lost
     * on the way back), it changes nothing: `created` false. In stock and unsold: 409.
     */
    async receive(
      input: TradeInArrival,
      context: RequestContext,
    ): Promise<{ created: boolean; automobile: Automobile }> {
      const created = await db.transaction(async (tx) => {
        const [done] = await intakeAll(tx, [input], context);
        if (done?.kind === 'refused') throw tradeInConflict(done.message);
        if (done?.kind === 'created') await recordChanges(tx, eq(automobiles.vin, input.vin));
        return done?.kind === 'created';
      });
      if (created) feedNotifier.notify();
      const car = await carJson(db, input.vin);
      if (!car) throw notFound();
      return { created, automobile: presentAutomobile(car, viewerOf(context.actor)) };
    },

    /**
     * The outbox's trade-ins in one transaction, in the order listed, each with its own audit
     * entry (its sale as the reason) and feed entry. A refused one (in stock and unsold) is named
     * in the answer and changes nothing; the others still go in.
     */
    async receiveMany(batch: TradeInBatch, context: RequestContext): Promise<TradeInBatchResult> {
      const result: TradeInBatchResult = { received: [], refused: [] };
      const created: string[] = [];
      await db.transaction(async (tx) => {
        const done = await intakeAll(tx, batch.trade_ins, context);
        batch.trade_ins.forEach((input, i) => {
          const one = done[i];
          if (one?.kind === 'refused') result.refused.push({ vin: input.vin, message: one.message });
          else result.received.push(input.vin);
          if (one?.kind === 'created') created.push(input.vin);
        });
        if (created.length > 0) await recordChanges(tx, inArray(automobiles.vin, created));
      });
      if (created.length > 0) feedNotifier.notify();
      return result;
    },

    /**
     * The trade-in of voided sale `saleId` leaves stock (its history stays in the audit trail). Sold
     * since: 409, the void must not undo another customer's purchase. Not there: 404.
     */
    async remove(vin: string, saleId: number, context: RequestContext): Promise<Automobile> {
      const audit = auditContext(context, { action: 'trade_in_removed', reason: `sale ${saleId} voided` });
      const removed = await audited(db, audit, async (tx) => {
        const [car] = await tx
          .select({ sold: automobiles.sold, saleId: automobiles.tradeInSaleId })
          .from(automobiles)
          .where(eq(automobiles.vin, vin))
          .for('update');
        if (!car) throw notFound();
        if (car.saleId !== saleId) {
          throw tradeInConflict(`Automobile ${vin} did not come in as the trade-in of sale ${saleId}`);
        }
        if (car.sold) throw tradeInConflict(`The trade-in ${vin} has been sold since; it stays in inventory`);
        const json = await carJson(tx, vin);
        await recordChanges(tx, eq(automobiles.vin, vin), true);
        await tx.delete(automobiles).where(eq(automobiles.vin, vin));
        return json;
      });
      if (!removed) throw notFound();
      feedNotifier.notify();
      return presentAutomobile(removed, viewerOf(context.actor));
    },
  };
}
