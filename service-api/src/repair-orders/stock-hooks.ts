import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';

// The seam between repair orders and the parts counter. Approving a part line takes its quantity
// from stock, and voiding an order puts its approved parts back, each in the same transaction as
// the approval or the void. The parts counter (service-api/src/parts/stock.ts) implements these
// hooks; service-api/src/app.ts passes them to `repairOrdersRouter` as `stock`, because a feature
// folder does not import another (biome.json). Until then `noStockHooks` applies: approvals and
// voids move no stock.

/** A part line just approved, as the stock take needs it (`quantity` is numeric text, e.g. "4.50"). */
export interface ApprovedPartLine {
  id: number;
  repairOrderId: number;
  partNumber: string | null;
  quantity: string;
}

export interface StockHooks {
  /**
   * Runs inside the approval's transaction (advisor or customer), after the lines are marked
   * approved, with the approval's audit context. May set `backordered` on the lines it takes.
   */
  onPartLinesApproved(tx: Db, lines: readonly ApprovedPartLine[], audit: AuditContext): Promise<void>;
  /** Runs inside the void's transaction, after the order is marked void. */
  onOrderVoided(tx: Db, orderId: number, audit: AuditContext): Promise<void>;
}

export const noStockHooks: StockHooks = {
  onPartLinesApproved: async () => undefined,
  onOrderVoided: async () => undefined,
};

/** Calls the stock take for the part lines among `lines`; nothing when none is a part. */
export async function onPartLinesApproved(
  hooks: StockHooks,
  tx: Db,
  lines: readonly (ApprovedPartLine & { kind: string })[],
  audit: AuditContext,
): Promise<void> {
  const parts = lines.filter((line) => line.kind === 'part');
  if (parts.length > 0) {
    await hooks.onPartLinesApproved(
      tx,
      parts.map(({ id, repairOrderId, partNumber, quantity }) => ({ id, repairOrderId, partNumber, quantity })),
      audit,
    );
  }
}

export function onOrderVoided(hooks: StockHooks, tx: Db, orderId: number, audit: AuditContext): Promise<void> {
  return hooks.onOrderVoided(tx, orderId, audit);
}
