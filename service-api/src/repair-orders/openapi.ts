import {
  approvalsBody,
  clockBody,
  lineCreateBody,
  lineUpdateBody,
  paymentBody,
  publicDecisionsBody,
  type RepairOrder,
  type RepairOrderLine,
  repairOrderCreateBody,
  repairOrderUpdateBody,
  repairOrderVoidBody,
} from '@carcar/common/contract/repair-orders';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Operation } from '@carcar/common/http/openapi';
import { repairOrderListQuery, voidQuery } from './schemas.js';

const { repairOrders, estimates } = serviceApiRoutes;

const line: RepairOrderLine = {
  id: 11,
  kind: 'labor',
  description: 'Replace front brake pads',
  hours: 1.5,
  rate: 120,
  part_number: null,
  quantity: 1,
  unit_price: null,
  amount: 180,
  technician: 1,
  status: 'approved',
  approval: { by: 'customer', name: 'Jane Doe', method: 'link', at: '2026-05-01T15:02:00.000Z' },
  clocked_hours: 1.2,
  backordered: false,
};

/** A line as adding one answers it: proposed, undecided, never clocked (an inspection's finding proposed answers one too). */
export const proposedLineExample: RepairOrderLine = { ...line, status: 'proposed', approval: null, clocked_hours: 0 };

const order: RepairOrder = {
  id: 42,
  vin: '1C3CC5FB2AN120174',
  vip: true,
  customer: { name: 'Jane Doe', phone: '555-123-4567', email: 'jane@example.com' },
  mileage: 42_000,
  concern: 'Grinding noise when braking',
  appointment: 9,
  advisor: { id: '4', name: 'Sid Service' },
  status: 'in_progress',
  lines: [line],
  inspection: [],
  payments: [],
  totals: { labor: 180, parts: 0, fees: 0, subtotal: 180, tax: 14.85, total: 194.85, paid: 0, balance: 194.85 },
  created_at: '2026-05-01T14:30:00.000Z',
  invoiced_at: null,
  closed_at: null,
  void_reason: null,
};

const publicEstimate = {
  vin: order.vin,
  vehicle: '2012 Chrysler Sebring',
  customer: { name: 'Jane Doe' },
  lines: [{ ...line, technician: null }],
  inspection: [],
  totals: order.totals,
};

/** The repair orders' operations, for the service's OpenAPI document. */
export const repairOrderOperations: Operation[] = [
  {
    method: 'get',
    path: repairOrders.list.path,
    summary:
      'List repair orders, newest first; ?vin= is the service history (every status, declined lines kept), ?status=, ?technician= (a line assigned to them), ?q= VIN, customer or concern; paged, X-Total-Count; CSV with Accept: text/csv',
    query: repairOrderListQuery,
    example: { repair_orders: [order] },
  },
  {
    method: 'post',
    path: repairOrders.create.path,
    summary:
      'Write up an order, status open. With appointment, its VIN, customer name and reason (the concern) are used unless given; a walk-in gives vin, customer and concern. The advisor is the person writing it up',
    body: repairOrderCreateBody,
    status: 201,
    example: {
      ...order,
      status: 'open',
      lines: [],
      totals: { ...order.totals, labor: 0, subtotal: 0, tax: 0, total: 0, balance: 0 },
    },
  },
  { method: 'get', path: repairOrders.get.path, summary: 'Get a repair order', example: order, errors: [404] },
  {
    method: 'put',
    path: repairOrders.update.path,
    summary: 'Change the customer (the fields given), mileage or concern; 409 once invoiced, closed or void',
    body: repairOrderUpdateBody,
    example: order,
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: repairOrders.remove.path,
    summary:
      'Void the order ({"reason"} or ?reason=): status void, its approval link dies, running clocks stop, approved parts go back to stock; 409 once invoiced',
    query: voidQuery,
    body: repairOrderVoidBody,
    example: { ...order, status: 'void', void_reason: 'Customer took the car elsewhere' },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: repairOrders.addLine.path,
    summary:
      "Add a line, status proposed. Labor: hours × rate (the shop's labor rate unless given). Part: quantity × unit_price, the part list's description and price for a known part_number unless given. Fee: quantity × unit_price. Each amount half-up to the cent. Technicians may propose",
    body: lineCreateBody,
    status: 201,
    example: proposedLineExample,
    errors: [404, 409],
  },
  {
    method: 'put',
    path: repairOrders.updateLine.path,
    summary: 'Change a proposed line (409 once decided; a body with only technician reassigns an approved line)',
    body: lineUpdateBody,
    example: { ...line, status: 'proposed', approval: null },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: repairOrders.removeLine.path,
    summary: 'Delete a proposed line (409 once decided)',
    example: { ...line, status: 'proposed', approval: null },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: repairOrders.sendEstimate.path,
    summary:
      "Make the customer's approval link (7 days; a new link each time, the previous one stops working); an open order becomes estimate",
    example: {
      approval_url: 'http://localhost:3000/approve/Gq1sXJ3Vb3bM7cTtq0Wm6s3aE2F1l3d9xK4nZ0pYy8A',
      expires_at: '2026-05-08T14:30:00.000Z',
    },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: repairOrders.recordApproval.path,
    summary:
      "Record the customer's decisions taken by phone or in person; a decided line is 409, a line of another order 400. The first approved line makes the order in_progress; approved parts are taken from stock",
    body: approvalsBody,
    example: order,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: repairOrders.clock.path,
    summary:
      "Clock the line's technician on or off (an approved line; technicians only their own lines). One running clock per technician: 409 naming the line it runs on. clocked_hours sums the intervals, apart from the billed hours",
    body: clockBody,
    example: line,
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: repairOrders.markLineDone.path,
    summary:
      'Mark an approved line done (stopping its clock; technicians only their own lines); the order is ready once every approved line is done',
    example: { ...line, status: 'done' },
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: repairOrders.invoice.path,
    summary:
      'Invoice the order: every line decided, every approved line done and no running clock (409 naming what is missing). The tax rate is frozen; lines, prices and totals never change again',
    example: { ...order, status: 'invoiced', invoiced_at: '2026-05-02T10:00:00.000Z' },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: repairOrders.takePayment.path,
    summary:
      'Take a payment on an invoiced order (over the balance is 400); the one bringing the balance to 0 closes the order',
    body: paymentBody,
    status: 201,
    example: {
      ...order,
      status: 'closed',
      payments: [{ id: 1, amount: 194.85, method: 'card', reference: null, at: '2026-05-02T10:05:00.000Z' }],
      totals: { ...order.totals, paid: 194.85, balance: 0 },
      invoiced_at: '2026-05-02T10:00:00.000Z',
      closed_at: '2026-05-02T10:05:00.000Z',
    },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: estimates.view.path,
    summary:
      "The gateway's own credential only (estimates.public), for the customer's approval page: the estimate of the token's order and nothing else; 404 for an unknown or replaced token, 410 once expired; Cache-Control: no-store",
    example: publicEstimate,
    errors: [404, 410],
  },
  {
    method: 'post',
    path: estimates.answer.path,
    summary:
      "The gateway's own credential only: the customer's decisions (by customer, method link), recorded with the time and the address from X-CarCar-Client-Address; a decided line 409, a line of another order 400",
    body: publicDecisionsBody,
    example: publicEstimate,
    errors: [404, 409, 410],
  },
];
