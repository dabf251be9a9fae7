import type { RepairOrder } from '@carcar/common/contract/repair-orders';

/**
 * An order whose inspection can no longer change, as the service refuses it (409): an invoiced or
 * closed order is final, a void one is gone. Open, estimate, in progress and ready are still worked.
 */
export const inspectionClosed = (o: Pick<RepairOrder, 'status'>): boolean =>
  o.status === 'invoiced' || o.status === 'closed' || o.status === 'void';
