import type { AuditContext } from '@carcar/common/db/audit';
import { audited } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { shopSettings } from '../db/schema.js';
import { readShopRates, type ShopRates } from '../db/shop-settings.js';

// The one row of shop settings: read (with the defaults when none is saved) and saved (an upsert,
// audited: the first save records a create, later ones the fields that changed).

export function shopSettingsStatements(db: Db) {
  return {
    read: (): Promise<ShopRates> => readShopRates(db),

    /** Saves both rates as `numeric` text (`'120.00'`, `'8.875'`). */
    save(values: { laborRate: string; taxRate: string }, audit: AuditContext): Promise<void> {
      return audited(db, audit, async (tx) => {
        await tx
          .insert(shopSettings)
          .values({ id: 1, ...values })
          .onConflictDoUpdate({ target: shopSettings.id, set: values });
      });
    },
  };
}
