import {
  centsToText,
  type TradeInArrival,
  type TradeInBatch,
  type TradeInBatchResult,
} from '@carcar/common/contract/deal';
import type { Automobile } from '@carcar/common/contract/inventory';
import { auditContext, audited, setAuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { conflict, notFound } from '@carcar/common/http/errors';
import type { RequestContext } from '@carcar/common/http/routes';
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
 * The trade-in into stock inside `tx`, whose audit context is already set: used, at cost =
 * allowance, acquired now. A car of that VIN the dealership once sold comes back onto the lot; one
 * in stock and unsold is refused; the same sale's trade-in delivered again changes nothing.
 */
async function intake(
  tx: Db,
  input: TradeInArrival,
  model: (make: string, model: string) => Promise<number> = (make, name) => modelFor(tx, make, name),
): Promise<Intake> {
  const [existing] = await tx
    .select({ sold: automobiles.sold, saleId: automobiles.tradeInSaleId })
    .from(automobiles)
    .where(eq(automobiles.vin, input.vin))
    .for('update');
  if (existing && existing.saleId === input.sale_id) return { kind: 'repeat' };
  if (existing && !existing.sold) {
    return { kind: 'refused', message: `An automobile with VIN ${input.vin} is already in stock and unsold` };
  }
  const values = {
    color: input.color ?? 'unknown',
    year: input.year,
    modelId: await model(input.make, input.model),
    sold: false,
    condition: 'used',
    odometer: input.odometer,
    listPrice: null,
    cost: centsToText(input.allowance),
    acquiredAt: sql`now()`,
    tradeInSaleId: input.sale_id,
  };
  if (existing) await tx.update(automobiles).set(values).where(eq(automobiles.vin, input.vin));
  else await tx.insert(automobiles).values({ vin: input.vin, ...values, acquiredAt: undefined });
  return { kind: 'created' };
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
      const created = await audited(db, tradeInAudit(context, input.sale_id), async (tx) => {
        const done = await intake(tx, input);
        if (done.kind === 'refused') throw tradeInConflict(done.message);
        if (done.kind === 'created') await recordChanges(tx, eq(automobiles.vin, input.vin));
        return done.kind === 'created';
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
        // A batch's trade-ins are mostly of a few makes and models: each is looked up (or made) once.
        const models = new Map<string, Promise<number>>();
        const model = (make: string, name: string) => {
          const key = JSON.stringify([make.toLowerCase(), name.toLowerCase()]);
          let id = models.get(key);
          if (id === undefined) {
            id = modelFor(tx, make, name);
            models.set(key, id);
          }
          return id;
        };
        for (const input of batch.trade_ins) {
          await tx.execute(setAuditContext(tradeInAudit(context, input.sale_id)));
          const done = await intake(tx, input, model);
          if (done.kind === 'refused') result.refused.push({ vin: input.vin, message: done.message });
          else result.received.push(input.vin);
          if (done.kind === 'created') created.push(input.vin);
        }
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
