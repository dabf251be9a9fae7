import {
  TRADE_IN_BATCH_MAX,
  type TradeInBatchResult,
  tradeInArrivalBody,
  tradeInBatchBody,
  tradeInRemovalQuery,
} from '@carcar/common/contract/deal';
import { type FeedPage, SOLD_BATCH_MAX, type SoldBatchResult, soldBatchBody } from '@carcar/common/contract/feed';
import type { Automobile, Manufacturer, VehicleModel } from '@carcar/common/contract/inventory';
import { reportRangeQuery } from '@carcar/common/contract/reports';
import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { pageQuery } from '@carcar/common/db/pagination';
import { eventsOperation } from '@carcar/common/events/feed';
import { auditOperation } from '@carcar/common/http/audit-routes';
import { buildOpenApi, type Operation, resourceOperations } from '@carcar/common/http/openapi';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody, importQuery } from './automobiles/schemas.js';
import { changesQuery } from './feed/routes.js';
import { manufacturerBody } from './manufacturers/schemas.js';
import { modelCreateBody, modelUpdateBody } from './models/schemas.js';

const { automobiles } = inventoryRoutes;

const manufacturer: Manufacturer = {
  href: pathTo(inventoryRoutes.manufacturers.get, { id: 1 }),
  id: 1,
  name: 'Chrysler',
};
const model: VehicleModel = {
  href: pathTo(inventoryRoutes.models.get, { id: 1 }),
  id: 1,
  name: 'Sebring',
  picture_url: 'https://example.com/sebring.jpg',
  manufacturer,
};
const automobile: Automobile = {
  href: pathTo(automobiles.get, { vin: '1C3CC5FB2AN120174' }),
  id: 1,
  color: 'red',
  year: 2012,
  vin: '1C3CC5FB2AN120174',
  model,
  sold: false,
  created_at: '2026-05-01T14:30:00.000Z',
  condition: 'new',
  odometer: 12,
  list_price: 27999.99,
  acquired_at: '2026-05-01T14:30:00.000Z',
  days_in_stock: 12,
  cost: 24500,
};
/** A trade-in as it enters stock: used, at its allowance. */
const tradeIn: Automobile = {
  ...automobile,
  href: pathTo(automobiles.get, { vin: '1HGCM82633A004352' }),
  id: 2,
  vin: '1HGCM82633A004352',
  year: 2003,
  color: 'silver',
  condition: 'used',
  odometer: 142_000,
  list_price: null,
  days_in_stock: 0,
  cost: 3500,
};

const operations: Operation[] = [
  ...resourceOperations({
    path: inventoryRoutes.manufacturers.list.path,
    listKey: 'manufacturers',
    example: manufacturer,
    list: { summary: 'List manufacturers', query: pageQuery },
    create: { summary: 'Create a manufacturer (name unique, case-insensitive)', body: manufacturerBody },
    get: { summary: 'Get a manufacturer' },
    update: { summary: 'Rename a manufacturer', body: manufacturerBody },
    delete: { summary: 'Delete a manufacturer (409 while it has models)' },
  }),
  ...resourceOperations({
    path: inventoryRoutes.models.list.path,
    listKey: 'models',
    example: model,
    list: { summary: 'List vehicle models', query: pageQuery },
    create: { summary: 'Create a vehicle model', body: modelCreateBody, errors: [] },
    get: { summary: 'Get a vehicle model' },
    update: { summary: 'Change a model name or picture', body: modelUpdateBody, errors: [404] },
    delete: { summary: 'Delete a vehicle model (409 while it has automobiles)' },
  }),
  ...resourceOperations({
    path: automobiles.list.path,
    key: 'vin',
    listKey: 'autos',
    example: automobile,
    list: {
      summary:
        'List automobiles; filter by sold, condition (new, used) and aged_over=N (unsold, more than N days in ' +
        'stock), search VIN, color, model or manufacturer with q, sort with sort. cost is answered only to ' +
        'managers and administrators (inventory.cost); days_in_stock counts UTC calendar days from acquired_at',
      query: automobileListQuery,
    },
    create: {
      summary: 'Add an automobile (VIN unique; check digit required for North American VINs)',
      body: automobileCreateBody,
    },
    get: { summary: 'Get an automobile by VIN' },
    update: {
      summary: 'Change color, year, sold, condition, odometer, list_price, cost or acquired_at',
      body: automobileUpdateBody,
      errors: [404],
    },
    delete: { summary: 'Delete an automobile', errors: [404] },
  }),
  {
    method: 'get',
    path: automobiles.changes.path,
    summary: 'The sync feed: changes after a seq, long-poll with wait (seconds, up to 30)',
    query: changesQuery,
    example: { changes: [{ ...automobile, seq: 1, deleted: false }], next: 1 } satisfies FeedPage,
  },
  {
    method: 'post',
    path: automobiles.import.path,
    summary:
      'Import new stock from a CSV file (Content-Type: text/csv; managers): a header naming vin, color, year and ' +
      'model_id, or manufacturer and model; up to 10,000 rows or 2 MB. All or nothing: any bad row answers 400 ' +
      'with every problem as {line, path, message} (the header is line 1). ?dry_run=true checks without writing.',
    query: importQuery,
    example: { created: 2, valid: 2, dry_run: false },
    errors: [409, 413],
  },
  {
    method: 'post',
    path: automobiles.sold.path,
    summary:
      `The sales outbox (its service credential only): mark up to ${SOLD_BATCH_MAX} cars sold or unsold in one ` +
      'transaction, in the order listed, one audit entry and one feed entry per car that changed; each VIN at ' +
      'most once a request. VINs inventory has no car for are answered in missing.',
    body: soldBatchBody,
    example: { updated: 2, missing: [] } satisfies SoldBatchResult,
    errors: [413],
  },
  {
    method: 'post',
    path: automobiles.tradeIn.path,
    summary:
      "The sales outbox (its service credential only): a sale's trade-in enters stock as a used car at cost = " +
      'allowance, its model and manufacturer matched by name ignoring case or created; 201, or 200 when this ' +
      "sale's trade-in is already in (a repeat delivery). 409 on vin when the VIN is in stock and unsold.",
    body: tradeInArrivalBody,
    status: 201,
    example: tradeIn,
    errors: [409],
  },
  {
    method: 'post',
    path: automobiles.tradeInBatch.path,
    summary:
      `The sales outbox (its service credential only): up to ${TRADE_IN_BATCH_MAX} trade-ins in one transaction, ` +
      'in the order listed, each as the single POST takes it, with its own audit and feed entry; each VIN at most ' +
      'once a request. One in stock and unsold is answered in refused (with the words of the 409) and changes nothing.',
    body: tradeInBatchBody,
    example: { received: [tradeIn.vin], refused: [] } satisfies TradeInBatchResult,
  },
  {
    method: 'delete',
    path: automobiles.removeTradeIn.path,
    summary:
      "The sales outbox: a voided sale's trade-in leaves stock (?sale_id= names the sale); 409 when it was sold " +
      'since or came in through another sale, 404 when it is not in stock. The audit trail keeps its history.',
    query: tradeInRemovalQuery,
    example: tradeIn,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: inventoryRoutes.vins.decode.path,
    summary: 'Decode a VIN: format, check digit, maker code, region, model years',
    example: {
      vin: '1C3CC5FB2AN120174',
      valid: true,
      check_digit_ok: true,
      expected_check_digit: '2',
      wmi: '1C3',
      region: 'North America',
      country: null,
      model_years: [2010],
      problems: [],
    },
  },
  {
    method: 'get',
    path: inventoryRoutes.reports.inventoryAging.path,
    summary:
      "Managers: every unsold car with when it arrived in stock (its acquired_at) and its days in stock (UTC calendar days, as the automobile's days_in_stock), oldest first; ?from=&to= only cars that arrived on those days (UTC); CSV with Accept: text/csv",
    query: reportRangeQuery,
    example: {
      rows: [
        {
          vin: '1C3CC5FB2AN120174',
          year: 2012,
          color: 'red',
          manufacturer: 'Chrysler',
          model: 'Sebring',
          arrived_at: '2026-05-01T14:30:00.000Z',
          days_in_stock: 213,
        },
      ],
    },
  },
  eventsOperation({
    type: 'automobile.sold',
    entity: 'automobile',
    data: { id: 1, vin: '1C3CC5FB2AN120174', sold: true, color: 'red', year: 2012, model_id: 1 },
  }),
  auditOperation({
    id: 41,
    at: '2026-05-01T14:30:00.000Z',
    actor: { kind: 'person', id: '7', name: 'Max Manager', role: 'manager' },
    action: 'update',
    entity: 'automobile',
    entity_id: '12',
    vin: '1C3CC5FB2AN120174',
    changes: { color: ['red', 'blue'] },
    request_id: '3a197fc6-71c0-4245-83a2-424341d79304',
  }),
];

export const inventoryOpenApi = buildOpenApi(
  {
    title: 'CarCar Inventory API',
    version: '1.0.0',
    description: 'Manufacturers, vehicle models and automobiles: the source of truth for cars.',
  },
  operations,
);
