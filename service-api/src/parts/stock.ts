import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { type PartLineTake, putBackStock, takeStock } from '../db/stock.js';

/**
 * The parts counter's side of repair orders (the `StockHooks` of repair-orders/stock-hooks.ts, wired
 * in app.ts): an approved part line takes its quantity from stock in the approval's transaction,
 * and a void puts back what the order took, in the void's. Movements name the order and line.
 */
export function partStockHooks() {
  return {
    onPartLinesApproved: (tx: Db, lines: readonly PartLineTake[], audit: AuditContext): Promise<void> =>
      takeStock(tx, lines, audit.actor),
    onOrderVoided: (tx: Db, orderId: number, audit: AuditContext): Promise<void> =>
      putBackStock(tx, orderId, audit.actor),
  };
}
