import { serviceRoutes } from '@carcar/common/contract/routes';
import {
  declaredRoutes,
  documentedRoutes,
  mountedRoutes,
  pathVariantMismatches,
  permissionMismatches,
  tableRoutes,
} from '@carcar/testing/permission-matrix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesOpenApi } from '../src/openapi.js';
import { type SalesApi, startSalesApi } from './helpers.js';

let sales: SalesApi;
beforeAll(async () => {
  sales = await startSalesApi();
});
afterAll(() => sales.close());

describe('who may call what', () => {
  it('has a row in the permission table for every documented route, and no row for a route that is not', () => {
    expect(tableRoutes(serviceRoutes['sales-api']).sort()).toEqual(documentedRoutes(salesOpenApi).sort());
  });

  it('mounts exactly the routes of the permission table: none the table lacks, none it lists unmounted', () => {
    expect(mountedRoutes(sales.app)).toEqual(declaredRoutes(serviceRoutes['sales-api']));
  });

  it('answers every route as the permission table says, for every role, service and bad credential', async () => {
    expect(await permissionMismatches(sales.app, 'sales-api', serviceRoutes['sales-api'])).toEqual([]);
  });

  it('grants nothing more to a path in other letter case, without its trailing slash or with a doubled slash', async () => {
    expect(await pathVariantMismatches(sales.app, 'sales-api', serviceRoutes['sales-api'])).toEqual([]);
  });
});
