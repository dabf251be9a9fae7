import { describe, expect, it } from 'vitest';
import {
  inventoryRoutes,
  mountPath,
  pathTo,
  routeList,
  salesRoutes,
  serviceApiRoutes,
  serviceRoutes,
} from '../src/contract/routes.js';

describe('pathTo', () => {
  it('fills each parameter, URI-encoded', () => {
    expect(pathTo(inventoryRoutes.automobiles.get, { vin: '1C3CC5FB2AN120174' })).toBe(
      '/api/automobiles/1C3CC5FB2AN120174/',
    );
    expect(pathTo(serviceApiRoutes.inspection.photo, { id: 7, item: 'a/b', photo: 'x y' })).toBe(
      '/api/repair-orders/7/inspection/a%2Fb/photos/x%20y/',
    );
  });

  it('answers a path without parameters as it is', () => {
    expect(pathTo(salesRoutes.sales.list)).toBe('/api/sales/');
  });

  it('refuses a missing parameter rather than calling a wrong path', () => {
    const loose = { path: '/api/sales/:id/' as string };
    expect(() => pathTo(loose)).toThrow('no value for :id');
  });

  it('is checked by the compiler: a route with a parameter needs its value', () => {
    // @ts-expect-error the VIN is missing
    expect(() => pathTo(inventoryRoutes.automobiles.get)).toThrow(':vin');
    // @ts-expect-error `id` is not this route's parameter
    expect(() => pathTo(inventoryRoutes.automobiles.get, { id: 1 })).toThrow(':vin');
  });
});

describe('routeList', () => {
  it("lists a table's rows depth first in its keys' order, which is the order the access check tries", () => {
    const paths = routeList(inventoryRoutes).map((rule) => `${rule.method} ${rule.path}`);
    // The feed's and the import's rows come before the `:vin` rows they would otherwise fall under.
    expect(paths.indexOf('GET /api/automobiles/changes/')).toBeLessThan(paths.indexOf('GET /api/automobiles/:vin/'));
    expect(paths.slice(0, 2)).toEqual(['GET /api/manufacturers/', 'POST /api/manufacturers/']);
    expect(serviceRoutes['inventory-api']).toEqual(routeList(inventoryRoutes));
  });

  it('holds each method and path once per service', () => {
    for (const rules of Object.values(serviceRoutes)) {
      const keys = rules.map((rule) => `${rule.method} ${rule.path}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('mountPath', () => {
  it("is the segments a table's rows share, where its router is mounted", () => {
    expect(mountPath(inventoryRoutes.automobiles)).toBe('/api/automobiles');
    expect(mountPath(salesRoutes.reports)).toBe('/api/reports');
    expect(mountPath(inventoryRoutes.docs)).toBe('/api');
    expect(mountPath(serviceApiRoutes.repairOrders)).toBe('/api/repair-orders');
  });

  it("is a row's own path for one row", () => {
    expect(mountPath(inventoryRoutes.automobiles.changes)).toBe('/api/automobiles/changes');
    expect(mountPath(inventoryRoutes.reports)).toBe('/api/reports/inventory-aging');
  });
});
