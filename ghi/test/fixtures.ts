import { computeDeal, type Deal, type DealTerms, dealJson } from '@carcar/common/contract/deal';
import type { Part, PartMovement } from '@carcar/common/contract/parts';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import type { Customer, Sale, Salesperson, TradeIn } from '@carcar/common/contract/sales';
import { sampleVin } from '@carcar/common/vin/vin';
import { emptyOrderTotals } from '@carcar/testing/totals';

// A repair order and its lines, a part and its movements, the sales pages' customer, salesperson
// and sale, as the stand-in gateways answer them, for the pages' tests: each test gives only what its page is
// about (the car, the status, the stock).

/** A repair order's totals with no lines and nothing paid (as the service answers them), or with the amounts given. */
export const orderTotals = (amounts: Partial<RepairOrder['totals']> = {}): RepairOrder['totals'] => ({
  ...emptyOrderTotals,
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

/**
 * The `deal` the Sales API answers for these terms: the contract's arithmetic, which the API runs
 * too. Undefined terms (a figure that is not money) are the test's mistake.
 */
export function dealAnswer(terms: DealTerms | undefined): Deal {
  if (!terms) throw new Error('the deal has a figure that is not money');
  return dealJson(computeDeal(terms).deal);
}

/** A 2015 Honda Civic traded in: its VIN and the rest as given. */
export const tradedCivic = (vin: string, fields: Omit<TradeIn, 'vin' | 'year' | 'make' | 'model'>): TradeIn => ({
  vin,
  year: 2015,
  make: 'Honda',
  model: 'Civic',
  ...fields,
});

/** Sale 12 of `vin` to Olivia Brown by Sam Carter, live, at the deal's price, without fees or a trade-in. */
export function sale(vin: string, deal: Deal, fields: Partial<Sale> = {}): Sale {
  return {
    id: 12,
    price: deal.price,
    sold_at: '2026-12-05T15:00:00Z',
    voided_at: null,
    void_reason: null,
    automobile: { vin, sold: true },
    salesperson: samCarter,
    customer: olivia,
    trade_in: null,
    fees: [],
    deal,
    ...fields,
  };
}
