// Every route of every service and the permission it needs, written once: each service's access
// check reads it (a route missing here answers 404 to everyone, so a forgotten row fails closed),
// and the permission-matrix test walks it for every role. Browser-safe: no node imports.

import type { OwnablePermission, Permission, ServiceName, ServicePermission } from './permissions.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteRule {
  method: RouteMethod;
  /** Express-style, with the trailing slash the contract documents: `/api/sales/:id/`. */
  path: string;
  /**
   * What the caller must hold: one permission, any of several, or `'signed-in'` for anyone with a
   * valid credential (the API reference pages).
   */
  permission: Permission | ServicePermission | readonly (Permission | ServicePermission)[] | 'signed-in';
  /**
   * Also let in a holder of only `<permission>.own`; the use case then narrows to their records.
   * Only for the ownable permissions (`ownerFields`).
   */
  orOwn?: true;
}

/** The permission of a rule with `orOwn`, for the type checker. */
export type OwnRouteRule = RouteRule & { permission: OwnablePermission; orOwn: true };

/** Every service's trail of changes (managers and administrators). */
const audit: RouteRule = { method: 'GET', path: '/api/audit/', permission: 'audit.read' };

/** A service's webhook events, read by the gateway's own credential only (docs/architecture.md, "Webhooks"). */
const events: RouteRule = { method: 'GET', path: '/api/events/', permission: 'events.read' };

const docs: RouteRule[] = [
  { method: 'GET', path: '/api/openapi.json', permission: 'signed-in' },
  { method: 'GET', path: '/api/docs/', permission: 'signed-in' },
];

/** GET list, POST, and GET/PUT/DELETE one record of a classic resource. */
function resource(
  base: string,
  key: string,
  read: Permission,
  write: Permission,
  only: readonly RouteMethod[] = ['GET', 'POST', 'PUT', 'DELETE'],
): RouteRule[] {
  const rules: RouteRule[] = [
    { method: 'GET', path: `${base}/`, permission: read },
    { method: 'POST', path: `${base}/`, permission: write },
    { method: 'GET', path: `${base}/:${key}/`, permission: read },
    { method: 'PUT', path: `${base}/:${key}/`, permission: write },
    { method: 'DELETE', path: `${base}/:${key}/`, permission: write },
  ];
  return rules.filter((rule) => rule.method === 'GET' || only.includes(rule.method));
}

/**
 * Repair orders (service-api): advisors write them up and bill them, technicians read them, add
 * proposed lines and work their own lines. The gateway's own credential reaches the customer's
 * approval link, whose token the service resolves.
 */
const repairOrderRoutes: RouteRule[] = [
  { method: 'GET', path: '/api/shop-settings/', permission: 'repair_orders.read' },
  { method: 'PUT', path: '/api/shop-settings/', permission: 'shop.settings' },
  ...resource('/api/repair-orders', 'id', 'repair_orders.read', 'repair_orders.write'),
  { method: 'POST', path: '/api/repair-orders/:id/lines/', permission: 'repair_orders.propose' },
  { method: 'PUT', path: '/api/repair-orders/:id/lines/:line/', permission: 'repair_orders.write' },
  { method: 'DELETE', path: '/api/repair-orders/:id/lines/:line/', permission: 'repair_orders.write' },
  { method: 'POST', path: '/api/repair-orders/:id/estimate/', permission: 'repair_orders.write' },
  { method: 'POST', path: '/api/repair-orders/:id/approvals/', permission: 'repair_orders.write' },
  { method: 'POST', path: '/api/repair-orders/:id/lines/:line/clock/', permission: 'repair_orders.work', orOwn: true },
  { method: 'POST', path: '/api/repair-orders/:id/lines/:line/done/', permission: 'repair_orders.work', orOwn: true },
  { method: 'POST', path: '/api/repair-orders/:id/invoice/', permission: 'repair_orders.write' },
  { method: 'POST', path: '/api/repair-orders/:id/payments/', permission: 'repair_orders.write' },
  { method: 'GET', path: '/public/estimates/:token/', permission: 'estimates.public' },
  { method: 'POST', path: '/public/estimates/:token/', permission: 'estimates.public' },
];

/**
 * The parts counter (service-api): everyone in the shop reads stock; advisors add parts and receive
 * stock; only managers adjust a count. Inspection items and their photos go with a repair order: a
 * photo is read by staff who may read the order, or through the order's approval token.
 */
const partsAndInspectionRoutes: RouteRule[] = [
  { method: 'POST', path: '/api/parts/import/', permission: 'parts.write' },
  ...resource('/api/parts', 'number', 'parts.read', 'parts.write', ['POST', 'PUT']),
  { method: 'POST', path: '/api/parts/:number/receipts/', permission: 'parts.write' },
  { method: 'POST', path: '/api/parts/:number/adjustments/', permission: 'parts.adjust' },
  { method: 'GET', path: '/api/parts/:number/movements/', permission: 'parts.read' },
  { method: 'GET', path: '/api/inspection-template/', permission: 'repair_orders.read' },
  { method: 'PUT', path: '/api/inspection-template/', permission: 'shop.settings' },
  { method: 'POST', path: '/api/repair-orders/:id/inspection/', permission: 'repair_orders.propose' },
  { method: 'PUT', path: '/api/repair-orders/:id/inspection/:item/', permission: 'repair_orders.propose' },
  { method: 'DELETE', path: '/api/repair-orders/:id/inspection/:item/', permission: 'repair_orders.propose' },
  { method: 'POST', path: '/api/repair-orders/:id/inspection/:item/line/', permission: 'repair_orders.propose' },
  { method: 'POST', path: '/api/repair-orders/:id/inspection/:item/photos/', permission: 'repair_orders.propose' },
  { method: 'GET', path: '/api/repair-orders/:id/inspection/:item/photos/:photo/', permission: 'repair_orders.read' },
  { method: 'GET', path: '/public/estimates/:token/photos/:photo/', permission: 'estimates.public' },
];

export const serviceRoutes: Readonly<Record<ServiceName, readonly RouteRule[]>> = {
  'inventory-api': [
    ...resource('/api/manufacturers', 'id', 'inventory.read', 'inventory.write'),
    ...resource('/api/models', 'id', 'inventory.read', 'inventory.write'),
    // The pollers' feed: a service credential only; people read the cars themselves.
    { method: 'GET', path: '/api/automobiles/changes/', permission: 'feed.read' },
    { method: 'POST', path: '/api/automobiles/import/', permission: 'inventory.write' },
    ...resource('/api/automobiles', 'vin', 'inventory.read', 'inventory.write', ['POST', 'DELETE']),
    // The sales outbox marks cars sold and unsold with its own credential (and only that: the
    // route refuses any other field from a caller without `inventory.write`).
    { method: 'PUT', path: '/api/automobiles/:vin/', permission: ['inventory.write', 'automobiles.sold'] },
    // The sales outbox's batches: many cars marked sold or unsold in one request and one transaction.
    { method: 'POST', path: '/api/automobiles/sold/', permission: 'automobiles.sold' },
    // The sales outbox puts a sale's trade-in into stock and takes it out again on a void.
    { method: 'POST', path: '/api/automobiles/trade-ins/', permission: 'automobiles.trade_in' },
    { method: 'POST', path: '/api/automobiles/trade-ins/batch/', permission: 'automobiles.trade_in' },
    { method: 'DELETE', path: '/api/automobiles/trade-ins/:vin/', permission: 'automobiles.trade_in' },
    { method: 'GET', path: '/api/vins/:vin/', permission: 'inventory.read' },
    { method: 'GET', path: '/api/reports/inventory-aging/', permission: 'reports.read' },
    events,
    audit,
    ...docs,
  ],
  'service-api': [
    ...resource('/api/technicians', 'id', 'technicians.read', 'technicians.write'),
    ...resource('/api/appointments', 'id', 'appointments.read', 'appointments.book', ['POST', 'DELETE']),
    { method: 'PUT', path: '/api/appointments/:id/cancel/', permission: 'appointments.book' },
    { method: 'PUT', path: '/api/appointments/:id/finish/', permission: 'appointments.finish', orOwn: true },
    { method: 'GET', path: '/api/reports/technician-weeks/', permission: 'reports.read' },
    // Repair orders by month of invoice: effective labor rate, hours per order, technician efficiency.
    { method: 'GET', path: '/api/reports/repair-orders-by-month/', permission: 'reports.read' },
    { method: 'GET', path: '/api/reports/technician-efficiency/', permission: 'reports.read' },
    // Due for service: which cars to call about, read from appointments and service's inventory copy.
    { method: 'GET', path: '/api/service-due/', permission: 'appointments.read' },
    ...repairOrderRoutes,
    ...partsAndInspectionRoutes,
    // The record of emails sent (managers), and the unsubscribe link of a reminder (the gateway's own credential).
    { method: 'GET', path: '/api/emails/', permission: 'audit.read' },
    { method: 'POST', path: '/public/unsubscribe/:token/', permission: 'emails.unsubscribe' },
    events,
    audit,
    ...docs,
  ],
  'sales-api': [
    ...resource('/api/salespeople', 'id', 'salespeople.read', 'salespeople.write'),
    ...resource('/api/customers', 'id', 'customers.read', 'customers.create', ['POST', 'PUT']),
    { method: 'DELETE', path: '/api/customers/:id/', permission: 'customers.delete' },
    { method: 'GET', path: '/api/sales/', permission: 'sales.read', orOwn: true },
    { method: 'POST', path: '/api/sales/', permission: 'sales.record' },
    { method: 'GET', path: '/api/sales/:id/', permission: 'sales.read', orOwn: true },
    { method: 'DELETE', path: '/api/sales/:id/', permission: 'sales.void' },
    // The local copy of inventory the "record a sale" form picks from.
    { method: 'GET', path: '/api/automobiles/', permission: 'inventory.read' },
    { method: 'GET', path: '/api/reports/sales-by-month/', permission: 'reports.read' },
    { method: 'GET', path: '/api/reports/sales-by-salesperson/', permission: 'reports.read' },
    // (sales desk) Front gross reports: the route needs reports.read, the report inventory.cost too.
    { method: 'GET', path: '/api/reports/gross-by-deal/', permission: 'reports.read' },
    { method: 'GET', path: '/api/reports/gross-by-salesperson/', permission: 'reports.read' },
    // The deal settings the desk's payment grid computes with (the default tax rate).
    { method: 'GET', path: '/api/deal-settings/', permission: 'sales.record' },
    events,
    audit,
    ...docs,
  ],
};
