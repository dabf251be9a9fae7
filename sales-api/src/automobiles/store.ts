import type { Db } from '@carcar/common/db/database';
import { onIndexWalks } from '@carcar/common/db/statements';
import type { SyncStore } from '@carcar/common/sync/poller';
import { automobileVOStore } from '@carcar/common/sync/store';
import { sql } from 'drizzle-orm';
import { automobileCosts, automobileVOs, outbox, syncCursors } from '../db/schema.js';

/**
 * The sales copy of inventory. A sale flips `sold` here at once; while its outbox row is still on
 * its way to inventory, the feed only holds older news about that car, so `sold` is kept.
 *
 * The feed also brings each car's cost (inventory answers it to sales' credential alone), kept in
 * `automobile_costs` for the managers' front gross. Those rows are written first, idempotently (an
 * older entry never overwrites a newer one), and then the copy with the cursor in one transaction:
 * a crash between the two reads the page again and writes the same costs.
 */
export function salesAutomobileStore(db: Db): SyncStore {
  const copy = automobileVOStore(db, {
    vos: automobileVOs,
    cursors: syncCursors,
    soldOnConflict: sql`case when exists (select 1 from ${outbox} where ${outbox.vin} = excluded.vin)
      then ${automobileVOs.sold} else excluded.sold end`,
  });
  return {
    readCursor: () => copy.readCursor(),
    async apply(changes, next) {
      // Entries that carry no cost key (older inventories, or read without sales' credential) say nothing about it.
      const costed = [...new Map(changes.filter((c) => c.cost !== undefined).map((c) => [c.vin, c])).values()];
      if (costed.length > 0) {
        await onIndexWalks(db, (tx) =>
          tx.execute(sql`insert into ${automobileCosts} (vin, cost, seq)
            select * from unnest(${sql.param(costed.map((c) => c.vin))}::varchar[],
              ${sql.param(costed.map((c) => (c.cost === null || c.cost === undefined ? null : String(c.cost))))}::numeric[],
              ${sql.param(costed.map((c) => c.seq))}::bigint[])
            on conflict (vin) do update set cost = excluded.cost, seq = excluded.seq
            where ${automobileCosts.seq} < excluded.seq`),
        );
      }
      await copy.apply(changes, next);
    },
  };
}
