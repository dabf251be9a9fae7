import type { Db } from '@carcar/common/db/database';
import type { SyncStore } from '@carcar/common/sync/poller';
import { automobileVOStore } from '@carcar/common/sync/store';
import { automobileVOs, syncCursors } from '../db/schema.js';

/** The service's copy of inventory: read for VIP, never changed here but by the poller. */
export function serviceAutomobileStore(db: Db): SyncStore {
  return automobileVOStore(db, { vos: automobileVOs, cursors: syncCursors });
}
