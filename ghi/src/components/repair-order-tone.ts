import type { RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { StatusTone } from '../app/theme';

/**
 * What each repair order status asks of the shop, as the order list and a car's history both colour
 * it: being estimated, being worked, waiting for the customer, done with, voided.
 */
export const repairOrderTone: Record<RepairOrderStatus, StatusTone> = {
  open: 'info',
  estimate: 'info',
  in_progress: 'warning',
  ready: 'success',
  invoiced: 'neutral',
  closed: 'neutral',
  void: 'danger',
};
