// Every route of every service, the permission it needs and what it answers, written once: each
// service's access check reads it (a route missing here answers 404 to everyone, so a forgotten row
// fails closed), the permission-matrix test walks it for every role, and the API tests check every
// answer against the schema its row names (./answers.ts, testing/src/response-check.ts). Browser-safe,
// and light: no node imports, and no schemas (the app reads this table for its paths on every page).

import type { AnswerName } from './answers.js';
import type { OwnablePermission, Permission, ServiceName, ServicePermission } from './permissions.js';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The statuses a route answers on success. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * A route's successful answers: the name of the JSON body's schema by status, `{ 200: 'automobile' }`
 * (the schemas are `answerSchemas` of ./answers.ts).
 */
export type RouteResponses = Readonly<Partial<Record<SuccessStatus, AnswerName>>>;

export interface RouteRule<P extends string = string> {
  method: RouteMethod;
  /** Express-style, with the trailing slash the contract documents: `/api/sales/:id/`. */
  path: P;
  /**
   * What the caller must hold: one permission, any of several, `'signed-in'` for anyone with a
   * valid credential (the API reference pages), or `'anyone'` for a route that needs no caller at all
   * (the gateway's sign-in and sign-out, ./gateway-routes.ts; every service route needs a credential).
   */
  permission: Permission | ServicePermission | readonly (Permission | ServicePermission)[] | 'signed-in' | 'anyone';
  /**
   * Also let in a holder of only `<permission>.own`; the use case then narrows to their records.
   * Only for the ownable permissions (`ownerFields`).
   */
  orOwn?: true;
  /**
   * What the route answers on success: the body's schema's name by status, or `'unchecked'` for an answer
   * that is not a JSON record of the contract (the API reference pages). Every error answer (4xx,
   * 5xx) of every route is `errorAnswerSchema` (./errors.ts). The API tests fail on an answer that
   * does not match, and on a 2xx from a route that declares nothing (testing/src/response-check.ts).
   * A list route's CSV form (`Accept: text/csv`) is not checked.
   */
  response?: RouteResponses | 'unchecked';
  /**
   * The body of the route's 409 when it says more than the error answer (what is in the way: the
   * appointment a booking collides with, the order's status); every other error answer is
   * `errorAnswerSchema`. Checked like `response`.
   */
  conflict?: AnswerName;
}

/** Whether a row lets in any caller (`'signed-in'`, `'anyone'`) rather than naming a permission. */
export function needsNoPermission(permission: RouteRule['permission']): permission is 'signed-in' | 'anyone' {
  return permission === 'signed-in' || permission === 'anyone';
}

/** The permission of a rule with `orOwn`, for the type checker. */
export type OwnRouteRule = RouteRule & { permission: OwnablePermission; orOwn: true };

/**
 * A service's routes by name, grouped by resource: `inventoryRoutes.automobiles.get`. Code that
 * calls or mounts a route names its row here rather than spelling the path (`pathTo`), so a path
 * is written once. The order of the keys is the order the access check tries the rows in.
 */
export interface RouteTable {
  readonly [name: string]: RouteRule | RouteTable;
}

function isRule(entry: RouteRule | RouteTable): entry is RouteRule {
  return typeof entry.method === 'string' && typeof entry.path === 'string';
}

/** Every row of a table, in its keys' order. */
export function routeList(table: RouteTable): RouteRule[] {
  return Object.values(table).flatMap((entry) => (isRule(entry) ? [entry] : routeList(entry)));
}

/**
 * Where a router serving a table's rows is mounted: the segments every row's path starts with, no
 * trailing slash (`/api/automobiles` for `inventoryRoutes.automobiles`; a row's own path, less its
 * slash, for one row). The router then routes the rest, and the access tests compare what it mounts
 * with the table, so neither can gain a route the other lacks.
 */
export function mountPath(entry: RouteRule | RouteTable): string {
  const paths = (isRule(entry) ? [entry] : routeList(entry)).map((rule) => rule.path.split('/').filter(Boolean));
  const [first = [], ...rest] = paths;
  let length = 0;
  while (length < first.length && rest.every((segments) => segments[length] === first[length])) length += 1;
  return `/${first.slice(0, length).join('/')}`;
}

/** The `:name` parameters of a path: `'vin'` for `/api/automobiles/:vin/`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** What `pathTo` needs for a route: nothing for a path without parameters, else a value for each. */
export type PathArgs<P extends string> = [PathParamNames<P>] extends [never]
  ? []
  : [params: Record<PathParamNames<P>, string | number>];

/**
 * A route's path with its parameters filled in, each URI-encoded:
 * `pathTo(inventoryRoutes.automobiles.get, { vin })` is `/api/automobiles/1C3CC5FB2AN120174/`.
 */
export function pathTo<P extends string>(rule: { readonly path: P }, ...args: PathArgs<P>): string {
  const params: Readonly<Record<string, string | number>> = args[0] ?? {};
  return rule.path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathTo(${rule.path}): no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Every service's trail of changes (managers and administrators). */
const audit = {
  method: 'GET',
  path: '/api/audit/',
  permission: 'audit.read',
  response: { 200: 'auditList' },
} as const satisfies RouteRule;

/** A service's webhook events, read by the gateway's own credential only (docs/architecture.md, "Webhooks"). */
const events = {
  method: 'GET',
  path: '/api/events/',
  permission: 'events.read',
  response: { 200: 'eventFeedPageAnswer' },
} as const satisfies RouteRule;

const docs = {
  // The OpenAPI document and its page describe the API; they are no record of it, so not checked.
  openapi: { method: 'GET', path: '/api/openapi.json', permission: 'signed-in', response: 'unchecked' },
  page: { method: 'GET', path: '/api/docs/', permission: 'signed-in', response: 'unchecked' },
} as const satisfies RouteTable;

/**
 * GET list, POST, and GET/PUT/DELETE one record of a classic resource (`pick` keeps fewer): its list
 * envelope, and the record itself from POST (201), GET, PUT and DELETE (200). The answers' names are
 * type parameters so that each row's type keeps its own name (`{ 200: 'automobile' }`, not any
 * `AnswerName`): the app reads a call's answer type from the row (./answer-of.ts).
 */
interface ResourceAnswers {
  list: AnswerName;
  record: AnswerName;
}

function resource<const B extends string, const K extends string, const A extends ResourceAnswers>(
  base: B,
  key: K,
  read: Permission,
  write: Permission,
  answers: A,
) {
  const all: `${B}/` = `${base}/`;
  const one: `${B}/:${K}/` = `${base}/:${key}/`;
  // Typed out, and the rows checked once built: read in place, or under `satisfies`, each answer's
  // name would be typed as any `AnswerName`.
  const list: A['list'] = answers.list;
  const record: A['record'] = answers.record;
  const rows = {
    list: { method: 'GET', path: all, permission: read, response: { 200: list } },
    create: { method: 'POST', path: all, permission: write, response: { 201: record } },
    get: { method: 'GET', path: one, permission: read, response: { 200: record } },
    update: { method: 'PUT', path: one, permission: write, response: { 200: record } },
    remove: { method: 'DELETE', path: one, permission: write, response: { 200: record } },
  } as const;
  return rows satisfies RouteTable;
}

/** Some of a table's rows, in the table's order. */
function pick<T extends RouteTable, N extends keyof T & string>(table: T, ...names: N[]): Pick<T, N> {
  return Object.fromEntries(Object.entries(table).filter(([name]) => names.includes(name as N))) as Pick<T, N>;
}

/** A table whose writes answer `schema` on a 409 (their reads answer no conflict). */
function withConflict<const T extends Record<string, RouteRule>>(table: T, schema: AnswerName): T {
  return Object.fromEntries(
    Object.entries(table).map(([name, rule]) => [name, rule.method === 'GET' ? rule : { ...rule, conflict: schema }]),
  ) as T;
}

/** inventory-api: the catalogue and the cars, the source of truth for both. */
export const inventoryRoutes = {
  manufacturers: resource('/api/manufacturers', 'id', 'inventory.read', 'inventory.write', {
    list: 'manufacturerList',
    record: 'manufacturer',
  }),
  models: resource('/api/models', 'id', 'inventory.read', 'inventory.write', {
    list: 'vehicleModelList',
    record: 'vehicleModel',
  }),
  automobiles: {
    // The pollers' feed: a service credential only; people read the cars themselves.
    changes: {
      method: 'GET',
      path: '/api/automobiles/changes/',
      permission: 'feed.read',
      response: { 200: 'feedPageAnswer' },
    },
    import: {
      method: 'POST',
      path: '/api/automobiles/import/',
      permission: 'inventory.write',
      response: { 200: 'automobileImportResult' },
    },
    ...pick(
      resource('/api/automobiles', 'vin', 'inventory.read', 'inventory.write', {
        list: 'automobileList',
        record: 'automobile',
      }),
      'list',
      'create',
      'get',
      'remove',
    ),
    // The sales outbox marks cars sold and unsold with its own credential (and only that: the
    // route refuses any other field from a caller without `inventory.write`).
    update: {
      method: 'PUT',
      path: '/api/automobiles/:vin/',
      permission: ['inventory.write', 'automobiles.sold'],
      response: { 200: 'automobile' },
    },
    // The sales outbox's batches: many cars marked sold or unsold in one request and one transaction.
    sold: {
      method: 'POST',
      path: '/api/automobiles/sold/',
      permission: 'automobiles.sold',
      response: { 200: 'soldBatchResult' },
    },
    // The sales outbox puts a sale's trade-in into stock (201; 200 when it was already delivered)
    // and takes it out again on a void.
    tradeIn: {
      method: 'POST',
      path: '/api/automobiles/trade-ins/',
      permission: 'automobiles.trade_in',
      response: { 200: 'automobile', 201: 'automobile' },
    },
    tradeInBatch: {
      method: 'POST',
      path: '/api/automobiles/trade-ins/batch/',
      permission: 'automobiles.trade_in',
      response: { 200: 'tradeInBatchResult' },
    },
    removeTradeIn: {
      method: 'DELETE',
      path: '/api/automobiles/trade-ins/:vin/',
      permission: 'automobiles.trade_in',
      response: { 200: 'automobile' },
    },
  },
  vins: {
    decode: {
      method: 'GET',
      path: '/api/vins/:vin/',
      permission: 'inventory.read',
      response: { 200: 'vinDecoding' },
    },
  },
  reports: {
    inventoryAging: {
      method: 'GET',
      path: '/api/reports/inventory-aging/',
      permission: 'reports.read',
      response: { 200: 'inventoryAgingReport' },
    },
  },
  events,
  audit,
  docs,
} as const satisfies RouteTable;

/**
 * service-api: technicians and appointments, repair orders (advisors write them up and bill them,
 * technicians read them, add proposed lines and work their own lines; the gateway's own credential
 * reaches the customer's approval link, whose token the service resolves), the parts counter
 * (everyone in the shop reads stock; advisors add parts and receive stock; only managers adjust a
 * count) and inspections (a photo is read by staff who may read the order, or through the order's
 * approval token).
 */
/** An appointment's classic rows; booking and its changes answer a conflict of their own. */
const appointmentRows = resource('/api/appointments', 'id', 'appointments.read', 'appointments.book', {
  list: 'appointmentList',
  record: 'appointment',
});

export const serviceApiRoutes = {
  technicians: resource('/api/technicians', 'id', 'technicians.read', 'technicians.write', {
    list: 'technicianList',
    record: 'technician',
  }),
  appointments: {
    ...pick(appointmentRows, 'list'),
    create: {
      method: 'POST',
      path: '/api/appointments/',
      permission: 'appointments.book',
      response: { 201: 'appointment' },
      conflict: 'bookingConflict',
    },
    ...pick(appointmentRows, 'get'),
    remove: {
      method: 'DELETE',
      path: '/api/appointments/:id/',
      permission: 'appointments.book',
      response: { 200: 'appointment' },
      conflict: 'appointmentConflict',
    },
    cancel: {
      method: 'PUT',
      path: '/api/appointments/:id/cancel/',
      permission: 'appointments.book',
      response: { 200: 'appointment' },
      conflict: 'appointmentConflict',
    },
    finish: {
      method: 'PUT',
      path: '/api/appointments/:id/finish/',
      permission: 'appointments.finish',
      orOwn: true,
      response: { 200: 'appointment' },
      conflict: 'appointmentConflict',
    },
  },
  reports: {
    technicianWeeks: {
      method: 'GET',
      path: '/api/reports/technician-weeks/',
      permission: 'reports.read',
      response: { 200: 'technicianWeeksReport' },
    },
    // Repair orders by month of invoice: effective labor rate, hours per order, technician efficiency.
    repairOrdersByMonth: {
      method: 'GET',
      path: '/api/reports/repair-orders-by-month/',
      permission: 'reports.read',
      response: { 200: 'repairOrdersByMonthReport' },
    },
    technicianEfficiency: {
      method: 'GET',
      path: '/api/reports/technician-efficiency/',
      permission: 'reports.read',
      response: { 200: 'technicianEfficiencyReport' },
    },
  },
  // Due for service: which cars to call about, read from appointments and service's inventory copy.
  serviceDue: {
    list: {
      method: 'GET',
      path: '/api/service-due/',
      permission: 'appointments.read',
      response: { 200: 'dueCarList' },
    },
  },
  shopSettings: {
    get: {
      method: 'GET',
      path: '/api/shop-settings/',
      permission: 'repair_orders.read',
      response: { 200: 'shopSettings' },
    },
    update: {
      method: 'PUT',
      path: '/api/shop-settings/',
      permission: 'shop.settings',
      response: { 200: 'shopSettings' },
    },
  },
  repairOrders: withConflict(
    {
      ...resource('/api/repair-orders', 'id', 'repair_orders.read', 'repair_orders.write', {
        list: 'repairOrderList',
        record: 'repairOrder',
      }),
      addLine: {
        method: 'POST',
        path: '/api/repair-orders/:id/lines/',
        permission: 'repair_orders.propose',
        response: { 201: 'repairOrderLine' },
      },
      updateLine: {
        method: 'PUT',
        path: '/api/repair-orders/:id/lines/:line/',
        permission: 'repair_orders.write',
        response: { 200: 'repairOrderLine' },
      },
      removeLine: {
        method: 'DELETE',
        path: '/api/repair-orders/:id/lines/:line/',
        permission: 'repair_orders.write',
        response: { 200: 'repairOrderLine' },
      },
      sendEstimate: {
        method: 'POST',
        path: '/api/repair-orders/:id/estimate/',
        permission: 'repair_orders.write',
        response: { 200: 'estimateLink' },
      },
      recordApproval: {
        method: 'POST',
        path: '/api/repair-orders/:id/approvals/',
        permission: 'repair_orders.write',
        response: { 200: 'repairOrder' },
      },
      clock: {
        method: 'POST',
        path: '/api/repair-orders/:id/lines/:line/clock/',
        permission: 'repair_orders.work',
        orOwn: true,
        response: { 200: 'repairOrderLine' },
      },
      markLineDone: {
        method: 'POST',
        path: '/api/repair-orders/:id/lines/:line/done/',
        permission: 'repair_orders.work',
        orOwn: true,
        response: { 200: 'repairOrderLine' },
      },
      invoice: {
        method: 'POST',
        path: '/api/repair-orders/:id/invoice/',
        permission: 'repair_orders.write',
        response: { 200: 'repairOrder' },
      },
      takePayment: {
        method: 'POST',
        path: '/api/repair-orders/:id/payments/',
        permission: 'repair_orders.write',
        response: { 201: 'repairOrder' },
      },
    },
    'repairOrderConflict',
  ),
  estimates: withConflict(
    {
      view: {
        method: 'GET',
        path: '/public/estimates/:token/',
        permission: 'estimates.public',
        response: { 200: 'publicEstimate' },
      },
      answer: {
        method: 'POST',
        path: '/public/estimates/:token/',
        permission: 'estimates.public',
        response: { 200: 'publicEstimate' },
      },
      // A photo of the customer's own order (JPEG bytes): no JSON record to check.
      photo: {
        method: 'GET',
        path: '/public/estimates/:token/photos/:photo/',
        permission: 'estimates.public',
        response: 'unchecked',
      },
    },
    'repairOrderConflict',
  ),
  parts: {
    import: {
      method: 'POST',
      path: '/api/parts/import/',
      permission: 'parts.write',
      response: { 200: 'partImportResult' },
    },
    ...pick(
      resource('/api/parts', 'number', 'parts.read', 'parts.write', { list: 'partList', record: 'part' }),
      'list',
      'create',
      'get',
      'update',
    ),
    receive: {
      method: 'POST',
      path: '/api/parts/:number/receipts/',
      permission: 'parts.write',
      response: { 201: 'part' },
    },
    adjust: {
      method: 'POST',
      path: '/api/parts/:number/adjustments/',
      permission: 'parts.adjust',
      response: { 201: 'part' },
    },
    movements: {
      method: 'GET',
      path: '/api/parts/:number/movements/',
      permission: 'parts.read',
      response: { 200: 'partMovementList' },
    },
  },
  inspectionTemplate: {
    get: {
      method: 'GET',
      path: '/api/inspection-template/',
      permission: 'repair_orders.read',
      response: { 200: 'inspectionTemplate' },
    },
    update: {
      method: 'PUT',
      path: '/api/inspection-template/',
      permission: 'shop.settings',
      response: { 200: 'inspectionTemplate' },
    },
  },
  inspection: withConflict(
    {
      start: {
        method: 'POST',
        path: '/api/repair-orders/:id/inspection/',
        permission: 'repair_orders.propose',
        response: { 201: 'inspectionItem' },
      },
      updateItem: {
        method: 'PUT',
        path: '/api/repair-orders/:id/inspection/:item/',
        permission: 'repair_orders.propose',
        response: { 200: 'inspectionItem' },
      },
      removeItem: {
        method: 'DELETE',
        path: '/api/repair-orders/:id/inspection/:item/',
        permission: 'repair_orders.propose',
        response: { 200: 'inspectionItem' },
      },
      proposeLine: {
        method: 'POST',
        path: '/api/repair-orders/:id/inspection/:item/line/',
        permission: 'repair_orders.propose',
        response: { 201: 'repairOrderLine' },
      },
      addPhoto: {
        method: 'POST',
        path: '/api/repair-orders/:id/inspection/:item/photos/',
        permission: 'repair_orders.propose',
        response: { 201: 'inspectionPhoto' },
      },
      // A photo's bytes (JPEG): no JSON record to check.
      photo: {
        method: 'GET',
        path: '/api/repair-orders/:id/inspection/:item/photos/:photo/',
        permission: 'repair_orders.read',
        response: 'unchecked',
      },
    },
    'repairOrderConflict',
  ),
  // The record of emails sent (managers).
  emails: {
    list: { method: 'GET', path: '/api/emails/', permission: 'audit.read', response: { 200: 'emailList' } },
  },
  // The unsubscribe link of a reminder, which the gateway asks with its own credential.
  unsubscribe: {
    confirm: {
      method: 'POST',
      path: '/public/unsubscribe/:token/',
      permission: 'emails.unsubscribe',
      response: { 200: 'unsubscribed' },
    },
  },
  events,
  audit,
  docs,
} as const satisfies RouteTable;

/** sales-api: salespeople, customers, sales and the desk's settings and reports. */
export const salesRoutes = {
  salespeople: resource('/api/salespeople', 'id', 'salespeople.read', 'salespeople.write', {
    list: 'salespersonList',
    record: 'salesperson',
  }),
  customers: {
    ...pick(
      resource('/api/customers', 'id', 'customers.read', 'customers.create', {
        list: 'customerList',
        record: 'customer',
      }),
      'list',
      'create',
      'get',
      'update',
    ),
    remove: {
      method: 'DELETE',
      path: '/api/customers/:id/',
      permission: 'customers.delete',
      response: { 200: 'customer' },
    },
  },
  sales: {
    list: {
      method: 'GET',
      path: '/api/sales/',
      permission: 'sales.read',
      orOwn: true,
      response: { 200: 'saleList' },
    },
    create: { method: 'POST', path: '/api/sales/', permission: 'sales.record', response: { 201: 'sale' } },
    get: {
      method: 'GET',
      path: '/api/sales/:id/',
      permission: 'sales.read',
      orOwn: true,
      response: { 200: 'sale' },
    },
    // Voiding answers the voided sale.
    void: { method: 'DELETE', path: '/api/sales/:id/', permission: 'sales.void', response: { 200: 'sale' } },
  },
  // The local copy of inventory the "record a sale" form picks from.
  automobiles: {
    list: {
      method: 'GET',
      path: '/api/automobiles/',
      permission: 'inventory.read',
      response: { 200: 'saleableCarList' },
    },
  },
  reports: {
    salesByMonth: {
      method: 'GET',
      path: '/api/reports/sales-by-month/',
      permission: 'reports.read',
      response: { 200: 'salesByMonthReport' },
    },
    salesBySalesperson: {
      method: 'GET',
      path: '/api/reports/sales-by-salesperson/',
      permission: 'reports.read',
      response: { 200: 'salesBySalespersonReport' },
    },
    // (sales desk) Front gross reports: the route needs reports.read, the report inventory.cost too.
    grossByDeal: {
      method: 'GET',
      path: '/api/reports/gross-by-deal/',
      permission: 'reports.read',
      response: { 200: 'grossByDealReport' },
    },
    grossBySalesperson: {
      method: 'GET',
      path: '/api/reports/gross-by-salesperson/',
      permission: 'reports.read',
      response: { 200: 'grossBySalespersonReport' },
    },
  },
  // The deal settings the desk's payment grid computes with (the default tax rate).
  dealSettings: {
    get: {
      method: 'GET',
      path: '/api/deal-settings/',
      permission: 'sales.record',
      response: { 200: 'dealSettings' },
    },
  },
  events,
  audit,
  docs,
} as const satisfies RouteTable;

/** Every service's rows in one list each: what the access check, the metrics and the tests walk. */
export const serviceRoutes: Readonly<Record<ServiceName, readonly RouteRule[]>> = {
  'inventory-api': routeList(inventoryRoutes),
  'service-api': routeList(serviceApiRoutes),
  'sales-api': routeList(salesRoutes),
};
