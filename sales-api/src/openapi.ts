import { reportRangeQuery } from '@carcar/common/contract/reports';
import { salesRoutes } from '@carcar/common/contract/routes';
import { customerBody, type Sale, saleCreateBody } from '@carcar/common/contract/sales';
import { eventsOperation } from '@carcar/common/events/feed';
import { auditOperation } from '@carcar/common/http/audit-routes';
import { buildOpenApi, type Operation, resourceOperations } from '@carcar/common/http/openapi';
import { staffOperations } from '@carcar/common/http/table-routes';
import { automobileListQuery } from './automobiles/schemas.js';
import { customerListQuery, customerUpdateBody } from './people/schemas.js';
import { saleGetQuery, saleListQuery, saleVoidQuery } from './sales/schemas.js';

const salesperson = { id: 1, first_name: 'Sam', last_name: 'Seller', employee_id: 'S-100', active: true };
const customer = {
  id: 1,
  first_name: 'Jane',
  last_name: 'Doe',
  address: '1 Main St, Springfield',
  phone_number: '+1 555-0100',
};
const sale = {
  id: 1,
  price: 25999.99,
  sold_at: '2026-05-01T14:30:00.000Z',
  voided_at: null,
  void_reason: null,
  automobile: { vin: '1C3CC5FB2AN120174', sold: true },
  salesperson,
  customer,
  trade_in: {
    vin: '1HGCM82633A004352',
    year: 2003,
    make: 'Honda',
    model: 'Accord',
    color: 'silver',
    odometer: 142000,
    allowance: 3500,
    payoff: 1200,
  },
  fees: [{ name: 'Documentation', amount: 199 }],
  deal: {
    price: 25999.99,
    fees_total: 199,
    trade_allowance: 3500,
    trade_payoff: 1200,
    taxable: 22698.99,
    tax_rate: 7.25,
    tax: 1645.68,
    down_payment: 2000,
    amount_financed: 23544.67,
    apr: 6.99,
    term_months: 72,
    monthly_payment: 401.3,
    total_of_payments: 28893.6,
  },
  front_gross: 1499.99,
} satisfies Sale;
const auto = {
  vin: '1C3CC5FB2AN120174',
  sold: false,
  year: 2010,
  color: 'red',
  model: 'Sebring',
  manufacturer: 'Chrysler',
};

const operations: Operation[] = [
  ...staffOperations({
    path: salesRoutes.salespeople.list.path,
    listKey: 'salespeople',
    example: salesperson,
    one: 'salesperson',
    offeredFor: 'new sales',
    keeps: 'their sales',
    referencedBy: 'sales reference them',
  }),
  ...resourceOperations({
    path: salesRoutes.customers.list.path,
    listKey: 'customers',
    example: customer,
    list: { summary: 'List customers; ?q= part of the name or phone number', query: customerListQuery },
    create: { summary: 'Add a customer', body: customerBody, errors: [] },
    get: { summary: 'Get a customer' },
    update: { summary: 'Change a customer (any fields)', body: customerUpdateBody, errors: [404] },
    delete: { summary: 'Delete a customer (409 while sales reference them)' },
  }),
  ...resourceOperations({
    path: salesRoutes.sales.list.path,
    listKey: 'sales',
    example: sale,
    list: {
      summary:
        'List sales (live ones unless include_voided=true); filter by salesperson, customer or VIN, search with q (VIN, customer or salesperson name), sort by id or price',
      query: saleListQuery,
    },
    create: {
      summary:
        'Record a sale (unknown VIN 400, car already sold 409); inventory is told it is sold. Optionally the ' +
        'deal: trade_in {vin, year, make, model, color?, odometer, allowance, payoff?}, fees [{name, amount}], ' +
        'tax_rate (percent; SALES_TAX_RATE if left out), down_payment, financing {apr, term_months}. The answer ' +
        'carries deal (taxable, tax, amount_financed, monthly_payment half-up to the cent...); financing with ' +
        'nothing to finance is 400; a trade-in VIN in stock and unsold is 409 on trade_in.vin. The trade-in ' +
        'enters inventory as a used car at cost = allowance through the outbox. front_gross (price − the ' +
        "car's cost) is answered to managers and administrators only",
      body: saleCreateBody,
    },
    get: { summary: 'Get a sale (a voided one only with include_voided=true)', query: saleGetQuery },
    delete: {
      summary:
        'Void a sale, optionally saying why (?reason= or JSON body {"reason"}, at most 500 characters): the sale is kept with its voided_at and void_reason, and the car is available again, here and in inventory',
      // The JSON body is optional, which the document's requestBody (always required) cannot say: the query is documented.
      query: saleVoidQuery,
      example: {
        ...sale,
        automobile: { ...sale.automobile, sold: false },
        voided_at: '2026-05-02T09:00:00.000Z',
        void_reason: 'Financing fell through',
      },
      errors: [404],
    },
  }),
  {
    method: 'get',
    path: salesRoutes.automobiles.list.path,
    summary: 'The local copy of inventory (?sold=false: cars that can be sold; ?vin=: one car)',
    query: automobileListQuery,
    example: { autos: [auto] },
  },
  {
    method: 'get',
    path: salesRoutes.reports.salesByMonth.path,
    summary:
      'Managers: live sales (voided ones left out) per month from ?from= to ?to= (days on the dealership calendar, TIMEZONE; by default the last twelve months), months without a sale too; CSV with Accept: text/csv',
    query: reportRangeQuery,
    example: { rows: [{ month: '2026-11', sales: 3, revenue: 76499.5, average_price: 25499.83 }] },
  },
  {
    method: 'get',
    path: salesRoutes.reports.salesBySalesperson.path,
    summary:
      "Managers: each salesperson's live sales from ?from= to ?to=, most revenue first; active salespeople without a sale too; CSV with Accept: text/csv",
    query: reportRangeQuery,
    example: {
      rows: [
        {
          salesperson_id: 1,
          employee_id: 'S-100',
          salesperson: 'Sam Seller',
          sales: 3,
          revenue: 76499.5,
          average_price: 25499.83,
        },
      ],
    },
  },
  {
    method: 'get',
    path: salesRoutes.reports.grossByDeal.path,
    summary:
      "Managers (reports.read and inventory.cost): each live deal's front gross (price − the car's cost, null while the cost is unknown) from ?from= to ?to=, oldest first; CSV with Accept: text/csv",
    query: reportRangeQuery,
    example: {
      rows: [
        {
          sale_id: 1,
          sold_at: '2026-11-03T15:00:00.000Z',
          month: '2026-11',
          salesperson_id: 1,
          salesperson: 'Sam Seller',
          vin: '1C3CC5FB2AN120174',
          price: 25999.99,
          cost: 24500,
          front_gross: 1499.99,
        },
      ],
    },
  },
  {
    method: 'get',
    path: salesRoutes.reports.grossBySalesperson.path,
    summary:
      "Managers (reports.read and inventory.cost): each salesperson's live deals per month, revenue and front gross (deals whose car's cost is unknown counted apart) from ?from= to ?to=; CSV with Accept: text/csv",
    query: reportRangeQuery,
    example: {
      rows: [
        {
          month: '2026-11',
          salesperson_id: 1,
          employee_id: 'S-100',
          salesperson: 'Sam Seller',
          deals: 3,
          revenue: 76499.5,
          front_gross: 4499.5,
          average_front_gross: 1499.83,
          deals_without_cost: 0,
        },
      ],
    },
  },
  {
    method: 'get',
    path: salesRoutes.dealSettings.get.path,
    summary: "The sales desk's settings: tax_rate, the percent a sale is taxed at when it names none (SALES_TAX_RATE)",
    example: { tax_rate: 7.25 },
  },
  eventsOperation({
    type: 'sale.created',
    entity: 'sale',
    data: {
      id: 5,
      price: 25499.5,
      automobile_vin: '1C3CC5FB2AN120174',
      vin: '1C3CC5FB2AN120174',
      salesperson_id: 1,
      customer_id: 2,
    },
  }),
  auditOperation({
    id: 23,
    at: '2026-05-01T14:30:00.000Z',
    actor: { kind: 'person', id: '7', name: 'Max Manager', role: 'manager' },
    action: 'void',
    entity: 'sale',
    entity_id: '5',
    vin: '1C3CC5FB2AN120174',
    changes: { voided_at: [null, '2026-05-01T14:30:00.000Z'], void_reason: [null, 'customer changed mind'] },
    reason: 'customer changed mind',
    request_id: '3a197fc6-71c0-4245-83a2-424341d79304',
  }),
];

export const salesOpenApi = buildOpenApi(
  {
    title: 'CarCar Sales API',
    version: '1.0.0',
    description: 'Salespeople, customers and sales; a sale marks the car sold in inventory.',
  },
  operations,
);
