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
import { serviceOpenApi } from '../src/openapi.js';
import { type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

describe('who may call what', () => {
  it('has a row in the permission table for every documented route, and no row for a route that is not', () => {
    expect(tableRoutes(serviceRoutes['service-api']).sort()).toEqual(documentedRoutes(serviceOpenApi).sort());
  });

  it('mounts exactly the routes of the permission table: none the table lacks, none it lists unmounted', () => {
    expect(mountedRoutes(svc.app)).toEqual(declaredRoutes(serviceRoutes['service-api']));
  });

  it('answers every route as the permission table says, for every role, service and bad credential', async () => {
    expect(await permissionMismatches(svc.app, 'service-api', serviceRoutes['service-api'])).toEqual([]);
  });

  it('grants nothing more to a path in other letter case, without its trailing slash or with a doubled slash', async () => {
    expect(await pathVariantMismatches(svc.app, 'service-api', serviceRoutes['service-api'])).toEqual([]);
  });
});
