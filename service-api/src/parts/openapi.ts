import { partAdjustmentBody, partCreateBody, partReceiptBody, partUpdateBody } from '@carcar/common/contract/parts';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { importQuery } from '@carcar/common/http/csv-import';
import { type Operation, resourceOperations } from '@carcar/common/http/openapi';
import { movementListQuery, partListQuery } from './schemas.js';

const { parts } = serviceApiRoutes;

const part = {
  number: 'OF-4459',
  description: 'Oil filter',
  price: 12.5,
  cost: 4.1,
  on_hand: 14,
  reorder_point: 5,
};

/** The parts counter's operations, for the service's OpenAPI document. */
export const partOperations: Operation[] = [
  ...resourceOperations({
    path: parts.list.path,
    key: 'number',
    listKey: 'parts',
    example: part,
    list: {
      summary:
        'List parts by number; ?q= number or description contains it, ?low=true those at or under their reorder point; CSV with Accept: text/csv',
      query: partListQuery,
    },
    create: {
      summary:
        'Add a part (number unique ignoring case: 409 naming number); on_hand is the opening stock, recorded as a receipt',
      body: partCreateBody,
    },
    get: { summary: 'Get a part by number (any case)' },
    update: {
      summary:
        'Change a part (description, price, cost, reorder_point); stock moves only by receipts, adjustments and repair orders',
      body: partUpdateBody,
    },
  }),
  {
    method: 'post',
    path: parts.import.path,
    summary:
      'Import parts from a CSV body (Content-Type: text/csv; header number, description, price and optionally cost, on_hand, reorder_point): all or nothing, errors [{"line","path","message"}]; ?dry_run=true checks without writing; up to 10,000 rows or 2 MB',
    query: importQuery,
    example: { created: 2, valid: 2, dry_run: false },
    errors: [413],
  },
  {
    method: 'post',
    path: parts.receive.path,
    summary: "Receive stock from a supplier: on_hand goes up by quantity; cost, when given, becomes the part's cost",
    body: partReceiptBody,
    status: 201,
    example: { ...part, on_hand: 26, cost: 3.95 },
    errors: [404],
  },
  {
    method: 'post',
    path: parts.adjust.path,
    summary: 'Managers: correct the count (signed quantity, with a reason): a count, damage, loss',
    body: partAdjustmentBody,
    status: 201,
    example: { ...part, on_hand: 12 },
    errors: [404],
  },
  {
    method: 'get',
    path: parts.movements.path,
    summary:
      "The part's stock movements, newest first: receipts, adjustments, repair orders' takes (negative) and voids' put-backs",
    query: movementListQuery,
    example: {
      movements: [
        {
          id: 7,
          at: '2026-05-01T14:30:00.000Z',
          quantity: -1,
          reason: 'repair_order',
          repair_order: 42,
          actor: { kind: 'person', id: '4', name: 'Sid Service', role: 'service' },
          cost: null,
          reference: null,
          note: null,
        },
      ],
    },
    errors: [404],
  },
];
