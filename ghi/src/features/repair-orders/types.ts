import type { Part } from '@carcar/common/contract/parts';
import type { RepairOrder, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { TFunction } from 'i18next';
import type { ComponentType, ReactNode } from 'react';

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

// Each enum the API answers with, in the user's language: the words live in the repairOrders
// catalogue, not here, so a Spanish-speaking advisor never sees the English ones.

export function statusLabel(t: TFunction, status: RepairOrderStatus): string {
  switch (status) {
    case 'open':
      return t('repairOrders:status.open');
    case 'estimate':
      return t('repairOrders:status.estimate');
    case 'in_progress':
      return t('repairOrders:status.inProgress');
    case 'ready':
      return t('repairOrders:status.ready');
    case 'invoiced':
      return t('repairOrders:status.invoiced');
    case 'closed':
      return t('repairOrders:status.closed');
    case 'void':
      return t('repairOrders:status.void');
  }
}

export function lineStatusLabel(t: TFunction, status: LineStatus): string {
  switch (status) {
    case 'proposed':
      return t('repairOrders:lineStatus.proposed');
    case 'approved':
      return t('repairOrders:lineStatus.approved');
    case 'declined':
      return t('repairOrders:lineStatus.declined');
    case 'done':
      return t('repairOrders:lineStatus.done');
  }
}

export function kindLabel(t: TFunction, kind: LineKind): string {
  switch (kind) {
    case 'labor':
      return t('repairOrders:kind.labor');
    case 'part':
      return t('repairOrders:kind.part');
    case 'fee':
      return t('repairOrders:kind.fee');
  }
}

export function methodLabel(t: TFunction, method: PaymentMethod): string {
  switch (method) {
    case 'cash':
      return t('repairOrders:method.cash');
    case 'card':
      return t('repairOrders:method.card');
    case 'check':
      return t('repairOrders:method.check');
    case 'other':
      return t('repairOrders:method.other');
  }
}

/** Once invoiced (or void) an order's write-up and lines never change. */
export const isSettled = (status: RepairOrderStatus) =>
  status === 'invoiced' || status === 'closed' || status === 'void';

/**
 * What the order page shows from other features, handed in where the pages are composed (app/):
 * features do not import each other.
 */
export interface OrderPageSlots {
  /** The order's inspection (the inspections feature's summary). */
  inspection: (order: RepairOrder) => ReactNode;
  /** The part-number field of a part line (the parts feature's picker). */
  partPicker: PartPickerSlot;
}

export type PartPickerSlot = ComponentType<{
  id: string;
  value: string;
  onChange: (number: string) => void;
  /** A listed part chosen: the form fills in its description and price. */
  onPick: (part: Part) => void;
  error?: string;
}>;
