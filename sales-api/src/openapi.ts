import { staffBody, staffUpdateBody } from '@carcar/common/contract/people';
import { customerBody, saleCreateBody } from '@carcar/common/contract/sales';
import { staffListQuery } from '@carcar/common/db/table-repository';
import { buildOpenApi, type Operation } from '@carcar/common/http/openapi';
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
};
const auto = {
  vin: '1C3CC5FB2AN120174',
  sold: false,
  year: 2010,
  color: 'red',
  model: 'Sebring',
  manufacturer: 'Chrysler',
};

const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/salespeople/',
    summary: 'List salespeople; ?active=true only those still working (for new sales)',
    query: staffListQuery,
    example: { salespeople: [salesperson] },
  },
  {
    method: 'post',
    path: '/api/salespeople/',
    summary: 'Add a salesperson (employee_id unique)',
    body: staffBody,
    status: 201,
    example: salesperson,
    errors: [409],
  },
  { method: 'get', path: '/api/salespeople/{id}/', summary: 'Get a salesperson', example: salesperson, errors: [404] },
  {
    method: 'put',
    path: '/api/salespeople/{id}/',
    summary: 'Change a salesperson (any fields); "active": false retires them, keeping their sales',
    body: staffUpdateBody,
    example: { ...salesperson, active: false },
    errors: [404, 409],
  },
  {
    method: 'delete',
    path: '/api/salespeople/{id}/',
    summary: 'Delete a salesperson (409 while sales reference them)',
    example: salesperson,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/customers/',
    summary: 'List customers; ?q= part of the name or phone number',
    query: customerListQuery,
    example: { customers: [customer] },
  },
  {
    method: 'post',
    path: '/api/customers/',
    summary: 'Add a customer',
    body: customerBody,
    status: 201,
    example: customer,
  },
  { method: 'get', path: '/api/customers/{id}/', summary: 'Get a customer', example: customer, errors: [404] },
  {
    method: 'put',
    path: '/api/customers/{id}/',
    summary: 'Change a customer (any fields)',
    body: customerUpdateBody,
    example: customer,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/customers/{id}/',
    summary: 'Delete a customer (409 while sales reference them)',
    example: customer,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/sales/',
    summary:
      'List sales (live ones unless include_voided=true); filter by salesperson, customer or VIN, search with q (VIN, customer or salesperson name), sort by id or price',
    query: saleListQuery,
    example: { sales: [sale] },
  },
  {
    method: 'post',
    path: '/api/sales/',
    summary: 'Record a sale (unknown VIN 400, car already sold 409); inventory is told it is sold',
    body: saleCreateBody,
    status: 201,
    example: sale,
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/sales/{id}/',
    summary: 'Get a sale (a voided one only with include_voided=true)',
    query: saleGetQuery,
    example: sale,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/api/sales/{id}/',
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
  {
    method: 'get',
    path: '/api/automobiles/',
    summary: 'The local copy of inventory (?sold=false: cars that can be sold; ?vin=: one car)',
    query: automobileListQuery,
    example: { autos: [auto] },
  },
];

export const salesOpenApi = buildOpenApi(
  {
    title: 'CarCar Sales API',
    version: '1.0.0',
    description: 'Salespeople, customers and sales; a sale marks the car sold in inventory.',
  },
  operations,
);
