import type { Db } from '@carcar/common/db/database';
import type { SyncStore } from '@carcar/common/sync/poller';
import { automobileVOStore } from '@carcar/common/sync/store';
import { sql } from 'drizzle-orm';
import { automobileVOs, outbox, syncCursors } from '../db/schema.js';

/**
 * The sales copy of inventory. A sale flips `sold` here at once; while its outbox row is still on
 * its way to inventory, the feed only holds older news about that car, so `sold` is kept.
 */
export function salesAutomobileStore(db: Db): SyncStore {
  return automobileVOStore(db, {
    vos: automobileVOs,
    cursors: syncCursors,
    soldOnConflict: sql`case when exists (select 1 from ${outbox} where ${outbox.vin} = excluded.vin)
      then ${automobileVOs.sold} else excluded.sold end`,
  });
}
