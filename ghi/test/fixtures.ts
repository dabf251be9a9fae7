import type { Part, PartMovement } from '@carcar/common/contract/parts';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import type { Customer, Salesperson } from '@carcar/common/contract/sales';
import { sampleVin } from '@carcar/common/vin/vin';

// A repair order and its lines, a part and its movements, the sales pages' customer and salesperson,
// as the stand-in gateways answer them, for the pages' tests: each test gives only what its page is
// about (the car, the status, the stock).

/** A repair order's totals with no lines and nothing paid, or with the amounts given. */
export const orderTotals = (amounts: Partial<RepairOrder['totals']> = {}): RepairOrder['totals'] => ({
  labor: 0,
  parts: 0,
  fees: 0,
  subtotal: 0,
  tax: 0,
  total: 0,
  paid: 0,
  balance: 0,
  ...amounts,
});

/** Order 5, written up for Jane Doe at 42,150 miles: open, with no lines, findings or payments. */
export function repairOrder(fields: Partial<RepairOrder> = {}): RepairOrder {
  return {
    id: 5,
    vin: sampleVin(880_101),
    vip: false,
    customer: { name: 'Jane Doe', phone: null, email: null },
    mileage: 42_150,
    concern: 'Brakes grind',
    appointment: null,
    advisor: null,
    status: 'open',
    lines: [],
    inspection: [],
    payments: [],
    totals: orderTotals(),
    created_at: '2027-03-01T09:00:00Z',
    invoiced_at: null,
    closed_at: null,
    void_reason: null,
    ...fields,
  };
}

/** A line of a repair order: an hour of labor at 120, proposed and not yet assigned. */
export const orderLine = (id: number, fields: Partial<RepairOrderLine> = {}): RepairOrderLine => ({
  id,
  kind: 'labor',
  description: 'Work',
  hours: 1,
  rate: 120,
  part_number: null,
  quantity: 1,
  unit_price: null,
  amount: 120,
  technician: null,
  status: 'proposed',
  approval: null,
  clocked_hours: 0,
  backordered: false,
  ...fields,
});

/** A part on the counter: ten in stock at 10 each, reordered at two. */
export const part = (number: string, fields: Partial<Part> = {}): Part => ({
  number,
  description: 'Part',
  price: 10,
  cost: null,
  on_hand: 10,
  reorder_point: 2,
  ...fields,
});

/** A line of a part's ledger: one received by Ava Advisor, with no cost, reference or note. */
export const movement = (id: number, fields: Partial<PartMovement> = {}): PartMovement => ({
  id,
  at: '2027-03-01T09:00:00Z',
  quantity: 1,
  reason: 'receipt',
  repair_order: null,
  actor: { kind: 'person', id: '2', name: 'Ava Advisor', role: 'service' },
  cost: null,
  reference: null,
  note: null,
  ...fields,
});

/** The customer of the sales pages' deals, as sales answers her. */
export const olivia: Customer = {
  id: 31,
  first_name: 'Olivia',
  last_name: 'Brown',
  address: '1 Road',
  phone_number: '555-0100',
};

/** The salesperson of the sales pages' deals, still on the staff. */
export const samCarter: Salesperson = {
  id: 9,
  first_name: 'Sam',
  last_name: 'Carter',
  employee_id: 'S-200',
  active: true,
};
