import type { SoldBatch, SoldBatchResult } from '@carcar/common/contract/feed';
import type { Automobile } from '@carcar/common/contract/inventory';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { notFound } from '@carcar/common/errors';
import type { FeedNotifier } from '../feed/notifier.js';
import { markSold } from '../feed/record-changes.js';
import { presentAutomobile, type StoredAutomobile, viewerKey, viewerOf } from '../json/present.js';
import type { AutomobileCreateInput, AutomobileListQuery, AutomobileUpdateInput } from './schemas.js';
import { automobileStatements } from './statements.js';

/**
 * What staff and the sales outbox do with cars. Every write stores the car and its feed entry in
 * one statement, then wakes the feed's long polls, so the services' copies follow within moments.
 */
export function automobileUseCases(db: Db, feedNotifier: FeedNotifier) {
  const statements = automobileStatements(db);

  /** A write's car, once the long polls are woken; no car means there was none to write: 404. */
  function notified(automobile: StoredAutomobile | undefined, context: RequestContext): Automobile {
    if (!automobile) throw notFound();
    feedNotifier.notify();
    return presentAutomobile(automobile, viewerOf(context.actor));
  }

  async function get(vin: string, context: RequestContext): Promise<Automobile> {
    const automobile = await statements.byVin(vin);
    if (!automobile) throw notFound();
    return presentAutomobile(automobile, viewerOf(context.actor));
  }

  return {
    /** The stock as the caller may see it: `cost` only for `inventory.cost`, `days_in_stock` as of today. */
    async list(query: AutomobileListQuery, context: RequestContext): Promise<Paged<Automobile>> {
      const viewer = viewerOf(context.actor);
      const page = await statements.list({ ...query, today: viewer.today });
      return { items: page.items.map((car) => presentAutomobile(car, viewer)), total: page.total };
    },

    /** A version of every automobile list, for its ETag. */
    version: () => statements.version(),

    /** What a list answer depends on besides the stock: whether costs are shown, and the day. */
    listVariant: (context: RequestContext) => viewerKey(viewerOf(context.actor)),

    get,

    async create(input: AutomobileCreateInput, context: RequestContext): Promise<Automobile> {
      const automobile = await statements.insert(input, auditContext(context)).catch(
        translatePgError({
          unique: { path: 'vin', message: `An automobile with VIN ${input.vin} already exists` },
          missingReference: { path: 'model_id', message: 'This vehicle model is no longer on file; choose another' },
        }),
      );
      return notified(automobile, context);
    },

    /**
     * Edits by staff, and `{sold}` from the sales outbox when a car is sold or a sale undone: the
     * trail calls that "sold" or "unsold".
     */
    async update(vin: string, input: AutomobileUpdateInput, context: RequestContext): Promise<Automobile> {
      const given = Object.entries(input).filter(([, value]) => value !== undefined);
      if (given.length === 0) return get(vin, context);
      const onlySold = given.every(([field]) => field === 'sold');
      const action = onlySold ? (input.sold ? 'sold' : 'unsold') : undefined;
      return notified(await statements.update(vin, input, auditContext(context, { action })), context);
    },

    /**
     * The sales outbox's batch: each car marked sold or unsold, in one transaction. The trail names
     * one action per statement, so the sold cars go in one statement and the unsold ones in a second
     * (a VIN is in a batch once, so no car's changes are reordered). Cars inventory does not have are
     * answered as `missing`, as a single update's 404 would be; the others are written all or none.
     */
    async markSold(batch: SoldBatch, context: RequestContext): Promise<SoldBatchResult> {
      const result = await db.transaction(async (tx) => {
        let updated = 0;
        const missing = new Set<string>();
        for (const sold of [true, false]) {
          const vins = batch.automobiles.filter((car) => car.sold === sold).map((car) => car.vin);
          if (vins.length === 0) continue;
          const group = await markSold(tx, vins, sold, auditContext(context, { action: sold ? 'sold' : 'unsold' }));
          updated += group.updated;
          for (const vin of group.missing) missing.add(vin);
        }
        return { updated, missing: batch.automobiles.map((car) => car.vin).filter((vin) => missing.has(vin)) };
      });
      if (result.updated > 0) feedNotifier.notify();
      return result;
    },

    async delete(vin: string, context: RequestContext): Promise<Automobile> {
      return notified(await statements.delete(vin, auditContext(context)), context);
    },
  };
}
