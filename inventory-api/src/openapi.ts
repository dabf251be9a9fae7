import type { FeedPage } from '@carcar/common/contract/feed';
import type { Automobile, Manufacturer, VehicleModel } from '@carcar/common/contract/inventory';
import { pageQuery } from '@carcar/common/http/list';
import { buildOpenApi, type Operation } from '@carcar/common/http/openapi';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody } from './automobiles/schemas.js';
import { changesQuery } from './feed/routes.js';
import { manufacturerBody } from './manufacturers/schemas.js';
import { modelCreateBody, modelUpdateBody } from './models/schemas.js';

const manufacturer: Manufacturer = { href: '/api/manufacturers/1/', id: 1, name: 'Chrysler' };
const model: VehicleModel = {
  href: '/api/models/1/',
  id: 1,
  name: 'Sebring',
  picture_url: 'https://example.com/sebring.jpg',
  manufacturer,
};
const automobile: Automobile = {
  href: '/api/automobiles/1C3CC5FB2AN120174/',
  id: 1,
  color: 'red',
  year: 2012,
  vin: '1C3CC5FB2AN120174',
  model,
  sold: false,
};

const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/manufacturers/',
    summary: 'List manufacturers',
    query: pageQuery,
    example: { manufacturers: [manufacturer] },
  },
  {
    method: 'post',
    path: '/api/manufacturers/',
    summary: 'Create a manufacturer (name unique, case-insensitive)',
    body: manufacturerBody,
    status: 201,
    example: manufacturer,
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/manufacturers/{id}/',
    summary: 'Get a manufacturer',
    example: manufacturer,
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/manufacturers/{id}/',
    summary: 'Rename a manufacturer',
    body: manufacturerBody,
    example: manufacturer,
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/api/manufacturers/{id}/',
    summary: 'Delete a manufacturer (409 while it has models)',
    example: manufacturer,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/models/',
    summary: 'List vehicle models',
    query: pageQuery,
    example: { models: [model] },
  },
  {
    method: 'post',
    path: '/api/models/',
    summary: 'Create a vehicle model',
    body: modelCreateBody,
    status: 201,
    example: model,
  },
  { method: 'get', path: '/api/models/{id}/', summary: 'Get a vehicle model', example: model, errors: [404] },
  {
    method: 'put',
    path: '/api/models/{id}/',
    summary: 'Change a model name or picture',
    body: modelUpdateBody,
    example: model,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/models/{id}/',
    summary: 'Delete a vehicle model (409 while it has automobiles)',
    example: model,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/automobiles/',
    summary: 'List automobiles; filter by sold, search VIN, color, model or manufacturer with q',
    query: automobileListQuery,
    example: { autos: [automobile] },
  },
  {
    method: 'post',
    path: '/api/automobiles/',
    summary: 'Add an automobile (VIN unique; check digit required for North American VINs)',
    body: automobileCreateBody,
    status: 201,
    example: automobile,
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/automobiles/changes/',
    summary: 'The sync feed: changes after a seq, long-poll with wait (seconds, up to 30)',
    query: changesQuery,
    example: { changes: [{ ...automobile, seq: 1, deleted: false }], next: 1 } satisfies FeedPage,
  },
  {
    method: 'get',
    path: '/api/automobiles/{vin}/',
    summary: 'Get an automobile by VIN',
    example: automobile,
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/automobiles/{vin}/',
    summary: 'Change color, year or sold',
    body: automobileUpdateBody,
    example: automobile,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/automobiles/{vin}/',
    summary: 'Delete an automobile',
    example: automobile,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/vins/{vin}/',
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
];

export const inventoryOpenApi = buildOpenApi(
  {
    title: 'CarCar Inventory API',
    version: '1.0.0',
    description: 'Manufacturers, vehicle models and automobiles: the source of truth for cars.',
  },
  operations,
);
