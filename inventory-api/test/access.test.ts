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
import { inventoryOpenApi } from '../src/openapi.js';
import { type Inventory, startInventory } from './helpers.js';

let inv: Inventory;
beforeAll(async () => {
  inv = await startInventory();
});
afterAll(() => inv.close());

describe('who may call what', () => {
  it('has a row in the permission table for every documented route, and no row for a route that is not', () => {
    expect(tableRoutes(serviceRoutes['inventory-api']).sort()).toEqual(documentedRoutes(inventoryOpenApi).sort());
  });

  it('mounts exactly the routes of the permission table: none the table lacks, none it lists unmounted', () => {
    expect(mountedRoutes(inv.app)).toEqual(declaredRoutes(serviceRoutes['inventory-api']));
  });

  it('answers every route as the permission table says, for every role, service and bad credential', async () => {
    expect(await permissionMismatches(inv.app, 'inventory-api', serviceRoutes['inventory-api'])).toEqual([]);
  });

  it('grants nothing more to a path in other letter case, without its trailing slash or with a doubled slash', async () => {
    expect(await pathVariantMismatches(inv.app, 'inventory-api', serviceRoutes['inventory-api'])).toEqual([]);
  });
});
