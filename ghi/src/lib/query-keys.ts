// Every query's key, by the API resource it reads (TanStack Query's "query key factory"). Several
// features read one resource (the vehicle page reads sales and repair orders, admin links accounts
// to technicians and salespeople), so the keys are data kept here, not in any one feature. Each key
// starts with its resource's `all`: a mutation invalidating `all` refreshes every view of the
// resource, whichever feature shows it. Two hooks with one key must ask the same request.

type Params = object | undefined;

const automobiles = ['inventory', 'automobiles'] as const;
const manufacturers = ['inventory', 'manufacturers'] as const;
const models = ['inventory', 'models'] as const;

export const inventoryKeys = {
  /** `GET /inventory/api/automobiles/` and `/automobiles/:vin/`. */
  automobiles: {
    all: automobiles,
    page: (params: Params) => [...automobiles, 'page', params] as const,
    counts: (q: string) => [...automobiles, 'counts', q] as const,
    byVin: (vin: string) => [...automobiles, 'one', vin] as const,
    /** The car by VIN, or null where inventory has none (a trade-in bought elsewhere). */
    byVinOrNone: (vin: string | undefined) => [...automobiles, 'one-or-none', vin] as const,
    unsoldAges: () => [...automobiles, 'unsold-ages'] as const,
    stockCount: () => [...automobiles, 'stock-count'] as const,
    agingCounts: () => [...automobiles, 'aging-counts'] as const,
  },
  manufacturers: { all: manufacturers, list: () => [...manufacturers, 'list'] as const },
  models: { all: models, list: () => [...models, 'list'] as const },
};

const appointments = ['service', 'appointments'] as const;
const technicians = ['service', 'technicians'] as const;
const repairOrders = ['service', 'repair-orders'] as const;
const parts = ['service', 'parts'] as const;
const serviceReports = ['service', 'reports'] as const;

export const serviceKeys = {
  /** `GET /service/api/appointments/` (and the service-due list, which booking and finishing change). */
  appointments: {
    all: appointments,
    /** The list as answered (`{ appointments }`) for these query parameters. */
    list: (params: Params) => [...appointments, 'list', params] as const,
    /** A page of the board; `statuses` and `filters` stay the key's 4th and 5th items. */
    page: (statuses: readonly string[], filters: Params) => [...appointments, 'page', statuses, filters] as const,
    one: (id: number) => [...appointments, 'one', id] as const,
    byCar: (vin: string) => [...appointments, 'car', vin] as const,
    day: (date: string) => [...appointments, 'day', date] as const,
    due: (filters: Params) => [...appointments, 'due', filters] as const,
  },
  /** `GET /service/api/technicians/`. */
  technicians: {
    all: technicians,
    list: (filters: Params) => [...technicians, 'list', filters] as const,
    one: (id: number) => [...technicians, 'one', id] as const,
  },
  /** `GET /service/api/repair-orders/` and `/repair-orders/:id/` (lines, inspection, payments included). */
  repairOrders: {
    all: repairOrders,
    page: (filters: Params) => [...repairOrders, 'page', filters] as const,
    count: (filters: Params) => [...repairOrders, 'count', filters] as const,
    one: (id: number) => [...repairOrders, 'one', id] as const,
    byCar: (vin: string) => [...repairOrders, 'car', vin] as const,
    byTechnician: (technicianId: number) => [...repairOrders, 'technician', technicianId] as const,
  },
  /** `GET /service/api/parts/`. */
  parts: {
    all: parts,
    page: (filters: Params) => [...parts, 'page', filters] as const,
    lowCount: (q: string) => [...parts, 'low-count', q] as const,
    search: (q: string) => [...parts, 'search', q] as const,
    one: (number: string) => [...parts, 'one', number] as const,
    movements: (number: string, limit: number, offset: number) =>
      [...parts, 'movements', number, limit, offset] as const,
  },
  inspectionTemplate: ['service', 'inspection-template'] as const,
  shopSettings: ['service', 'shop-settings'] as const,
  reports: {
    repairOrdersByMonth: (months: Params) => [...serviceReports, 'repair-orders-by-month', months] as const,
    technicianEfficiency: (months: Params) => [...serviceReports, 'technician-efficiency', months] as const,
    technicianWeeks: (range: Params) => [...serviceReports, 'technician-weeks', range] as const,
  },
};

const sales = ['sales', 'sales'] as const;
const salespeople = ['sales', 'salespeople'] as const;
const customers = ['sales', 'customers'] as const;
const saleCars = ['sales', 'automobiles'] as const;
const salesReports = ['sales', 'reports'] as const;

export const salesKeys = {
  /** `GET /sales/api/sales/` and `/sales/:id/`. */
  sales: {
    all: sales,
    list: (filters: Params) => [...sales, 'list', filters] as const,
    page: (params: Params) => [...sales, 'page', params] as const,
    one: (id: number) => [...sales, 'one', id] as const,
    byCar: (vin: string) => [...sales, 'car', vin] as const,
    recent: () => [...sales, 'recent'] as const,
  },
  /** `GET /sales/api/salespeople/`. */
  salespeople: {
    all: salespeople,
    list: (filter: Params) => [...salespeople, 'list', filter] as const,
    one: (id: number) => [...salespeople, 'one', id] as const,
  },
  /** `GET /sales/api/customers/`. */
  customers: {
    all: customers,
    list: () => [...customers, 'list'] as const,
    one: (id: number) => [...customers, 'one', id] as const,
    /** The customer of this exact name, for a phone number. */
    byName: (name: string | null) => [...customers, 'contact', name] as const,
    /** The buyer of a sold car (`?vin=`). */
    buyerOf: (vin: string) => [...customers, 'buyer', vin] as const,
  },
  /** `GET /sales/api/automobiles/`: the sales service's copy of inventory. */
  automobiles: {
    all: saleCars,
    unsold: () => [...saleCars, 'unsold'] as const,
    byVin: (vin: string | undefined) => [...saleCars, 'vin', vin] as const,
  },
  vinDecoding: (vin: string) => ['sales', 'vin-decoding', vin] as const,
  dealSettings: ['sales', 'deal-settings'] as const,
  reports: {
    byMonth: (range: Params) => [...salesReports, 'by-month', range] as const,
    bySalesperson: (range: Params) => [...salesReports, 'by-salesperson', range] as const,
    grossByDeal: (range: Params) => [...salesReports, 'gross-by-deal', range] as const,
    grossBySalesperson: (range: Params) => [...salesReports, 'gross-by-salesperson', range] as const,
  },
};

const audit = ['audit'] as const;

export const auditKeys = {
  all: audit,
  activity: (filters: Params, sources: readonly string[]) => [...audit, 'activity', filters, sources] as const,
  byVin: (vin: string) => [...audit, 'vin', vin] as const,
  /** Technicians, salespeople and customers by id, for the trail's sentences. */
  peopleNames: () => [...audit, 'people-names'] as const,
};

const users = ['admin', 'users'] as const;
const tokens = ['admin', 'tokens'] as const;
const webhooks = ['admin', 'webhooks'] as const;

export const adminKeys = {
  /** `GET /auth/users` and `/auth/users/:id`. */
  users: {
    all: users,
    list: () => [...users, 'list'] as const,
    one: (id: number) => [...users, 'one', id] as const,
  },
  tokens: { all: tokens, list: () => [...tokens, 'list'] as const },
  webhooks: {
    all: webhooks,
    list: () => [...webhooks, 'list'] as const,
    deliveries: (webhookId: number) => [...webhooks, webhookId, 'deliveries'] as const,
  },
};

/** Signing in drops every cached query but these. */
export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
};
