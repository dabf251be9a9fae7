import type { RepairOrderStatus } from '@carcar/common/contract/repair-orders';

// The Service API's repair-order answers are typed once, in the contract the API itself answers with.
export {
  type EstimateLink,
  type LineKind,
  type LineStatus,
  type Payment,
  type PaymentMethod,
  type RepairOrder,
  type RepairOrderLine as RepairLine,
  type RepairOrderStatus,
  repairOrderStatuses,
  type ShopSettings,
  type Totals,
} from '@carcar/common/contract/repair-orders';

import type { LineKind, LineStatus, PaymentMethod } from '@carcar/common/contract/repair-orders';

export const statusLabels: Record<RepairOrderStatus, string> = {
  open: 'Open',
  estimate: 'Estimate sent',
  in_progress: 'In progress',
  ready: 'Ready',
  invoiced: 'Invoiced',
  closed: 'Closed',
  void: 'Void',
};

export const lineStatusLabels: Record<LineStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  declined: 'Declined',
  done: 'Done',
};

export const kindLabels: Record<LineKind, string> = { labor: 'Labor', part: 'Part', fee: 'Fee' };

export const methodLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  check: 'Check',
  other: 'Other',
};

/** Once invoiced (or void) an order's write-up and lines never change. */
export const isSettled = (status: RepairOrderStatus) =>
  status === 'invoiced' || status === 'closed' || status === 'void';
