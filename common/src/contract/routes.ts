// Every route of every service, the permission it needs and what it answers, written once: each
// service's access check reads it (a route missing here answers 404 to everyone, so a forgotten row
// fails closed), the permission-matrix test walks it for every role, and the API tests check every
// answer against its row's schema (testing/src/response-check.ts). Browser-safe: no node imports.

import type { z } from 'zod';
import { auditListSchema } from './audit.js';
import { tradeInBatchResultSchema } from './deal.js';
import { soldBatchResultSchema } from './feed.js';
import {
  automobileImportResultSchema,
  automobileListSchema,
  automobileSchema,
  feedPageAnswerSchema,
  manufacturerListSchema,
  manufacturerSchema,
  vehicleModelListSchema,
  vehicleModelSchema,
  vinDecodingSchema,
} from './inventory.js';
import type { OwnablePermission, Permission, ServiceName, ServicePermission } from './permissions.js';
import {
  grossByDealReportSchema,
  grossBySalespersonReportSchema,
  inventoryAgingReportSchema,
  salesByMonthReportSchema,
  salesBySalespersonReportSchema,
} from './reports.js';
import {
  customerListSchema,
  customerSchema,
  dealSettingsSchema,
  saleableCarListSchema,
  saleListSchema,
  saleSchema,
  salespersonListSchema,
  salespersonSchema,
} from './sales.js';
import { eventFeedPageAnswerSchema } from './webhooks.js';

export { errorAnswerSchema } from './errors.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The statuses a route answers on success. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** A route's successful answers: the JSON body's schema by status, `{ 200: automobileSchema }`. */
export type RouteResponses = Readonly<Partial<Record<SuccessStatus, z.ZodType>>>;

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
  /**
   * What the route answers on success: the body's schema by status, or `'unchecked'` for an answer
   * that is not a JSON record of the contract (the API reference pages). Every error answer (4xx,
   * 5xx) of every route is `errorAnswerSchema` (./errors.ts). The API tests fail on an answer that
   * does not match, and on a 2xx from a route that declares nothing (testing/src/response-check.ts).
   * A list route's CSV form (`Accept: text/csv`) is not checked.
   */
  response?: RouteResponses | 'unchecked';
}

/** The permission of a rule with `orOwn`, for the type checker. */
export type OwnRouteRule = RouteRule & { permission: OwnablePermission; orOwn: true };

/** Every service's trail of changes (managers and administrators). */
const audit: RouteRule = {
  method: 'GET',
  path: '/api/audit/',
  permission: 'audit.read',
  response: { 200: auditListSchema },
};

/** A service's webhook events, read by the gateway's own credential only (docs/architecture.md, "Webhooks"). */
const events: RouteRule = {
  method: 'GET',
  path: '/api/events/',
  permission: 'events.read',
  response: { 200: eventFeedPageAnswerSchema },
};

const docs: RouteRule[] = [
  // The OpenAPI document and its page describe the API; they are no record of it, so not checked.
  { method: 'GET', path: '/api/openapi.json', permission: 'signed-in', response: 'unchecked' },
  { method: 'GET', path: '/api/docs/', permission: 'signed-in', response: 'unchecked' },
];

/**
 * What a classic resource answers (`resourceRouter`, common/src/http/routes.ts): its list envelope,
 * and the record itself from POST (201), GET, PUT and DELETE (200).
 */
interface ResourceAnswers {
  list: z.ZodType;
  record: z.ZodType;
}

/** GET list, POST, and GET/PUT/DELETE one record of a classic resource. */
function resource(
  base: string,
  key: string,
  read: Permission,
  write: Permission,
  only: readonly RouteMethod[] = ['GET', 'POST', 'PUT', 'DELETE'],
  answers?: ResourceAnswers,
): RouteRule[] {
  const answer = (response: RouteResponses) => (answers ? { response } : {});
  const rules: RouteRule[] = [
    { method: 'GET', path: `${base}/`, permission: read, ...answer({ 200: answers?.list }) },
    { method: 'POST', path: `${base}/`, permission: write, ...answer({ 201: answers?.record }) },
    { method: 'GET', path: `${base}/:${key}/`, permission: read, ...answer({ 200: answers?.record }) },
    { method: 'PUT', path: `${base}/:${key}/`, permission: write, ...answer({ 200: answers?.record }) },
    { method: 'DELETE', path: `${base}/:${key}/`, permission: write, ...answer({ 200: answers?.record }) },
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
    ...resource('/api/manufacturers', 'id', 'inventory.read', 'inventory.write', undefined, {
      list: manufacturerListSchema,
      record: manufacturerSchema,
    }),
    ...resource('/api/models', 'id', 'inventory.read', 'inventory.write', undefined, {
      list: vehicleModelListSchema,
      record: vehicleModelSchema,
    }),
    // The pollers' feed: a service credential only; people read the cars themselves.
    {
      method: 'GET',
      path: '/api/automobiles/changes/',
      permission: 'feed.read',
      response: { 200: feedPageAnswerSchema },
    },
    {
      method: 'POST',
      path: '/api/automobiles/import/',
      permission: 'inventory.write',
      response: { 200: automobileImportResultSchema },
    },
    ...resource('/api/automobiles', 'vin', 'inventory.read', 'inventory.write', ['POST', 'DELETE'], {
      list: automobileListSchema,
      record: automobileSchema,
    }),
    // The sales outbox marks cars sold and unsold with its own credential (and only that: the
    // route refuses any other field from a caller without `inventory.write`).
    {
      method: 'PUT',
      path: '/api/automobiles/:vin/',
      permission: ['inventory.write', 'automobiles.sold'],
      response: { 200: automobileSchema },
    },
    // The sales outbox's batches: many cars marked sold or unsold in one request and one transaction.
    {
      method: 'POST',
      path: '/api/automobiles/sold/',
      permission: 'automobiles.sold',
      response: { 200: soldBatchResultSchema },
    },
    // The sales outbox puts a sale's trade-in into stock (201; 200 when it was already delivered)
    // and takes it out again on a void.
    {
      method: 'POST',
      path: '/api/automobiles/trade-ins/',
      permission: 'automobiles.trade_in',
      response: { 200: automobileSchema, 201: automobileSchema },
    },
    {
      method: 'POST',
      path: '/api/automobiles/trade-ins/batch/',
      permission: 'automobiles.trade_in',
      response: { 200: tradeInBatchResultSchema },
    },
    {
      method: 'DELETE',
      path: '/api/automobiles/trade-ins/:vin/',
      permission: 'automobiles.trade_in',
      response: { 200: automobileSchema },
    },
    { method: 'GET', path: '/api/vins/:vin/', permission: 'inventory.read', response: { 200: vinDecodingSchema } },
    {
      method: 'GET',
      path: '/api/reports/inventory-aging/',
      permission: 'reports.read',
      response: { 200: inventoryAgingReportSchema },
    },
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
    ...resource('/api/salespeople', 'id', 'salespeople.read', 'salespeople.write', undefined, {
      list: salespersonListSchema,
      record: salespersonSchema,
    }),
    ...resource('/api/customers', 'id', 'customers.read', 'customers.create', ['POST', 'PUT'], {
      list: customerListSchema,
      record: customerSchema,
    }),
    {
      method: 'DELETE',
      path: '/api/customers/:id/',
      permission: 'customers.delete',
      response: { 200: customerSchema },
    },
    { method: 'GET', path: '/api/sales/', permission: 'sales.read', orOwn: true, response: { 200: saleListSchema } },
    { method: 'POST', path: '/api/sales/', permission: 'sales.record', response: { 201: saleSchema } },
    { method: 'GET', path: '/api/sales/:id/', permission: 'sales.read', orOwn: true, response: { 200: saleSchema } },
    // Voiding answers the voided sale.
    { method: 'DELETE', path: '/api/sales/:id/', permission: 'sales.void', response: { 200: saleSchema } },
    // The local copy of inventory the "record a sale" form picks from.
    {
      method: 'GET',
      path: '/api/automobiles/',
      permission: 'inventory.read',
      response: { 200: saleableCarListSchema },
    },
    {
      method: 'GET',
      path: '/api/reports/sales-by-month/',
      permission: 'reports.read',
      response: { 200: salesByMonthReportSchema },
    },
    {
      method: 'GET',
      path: '/api/reports/sales-by-salesperson/',
      permission: 'reports.read',
      response: { 200: salesBySalespersonReportSchema },
    },
    // (sales desk) Front gross reports: the route needs reports.read, the report inventory.cost too.
    {
      method: 'GET',
      path: '/api/reports/gross-by-deal/',
      permission: 'reports.read',
      response: { 200: grossByDealReportSchema },
    },
    {
      method: 'GET',
      path: '/api/reports/gross-by-salesperson/',
      permission: 'reports.read',
      response: { 200: grossBySalespersonReportSchema },
    },
    // The deal settings the desk's payment grid computes with (the default tax rate).
    { method: 'GET', path: '/api/deal-settings/', permission: 'sales.record', response: { 200: dealSettingsSchema } },
    events,
    audit,
    ...docs,
  ],
};
