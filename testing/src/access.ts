import type { ServiceName } from '@carcar/common/contract/permissions';
import { serviceRoutes } from '@carcar/common/contract/routes';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  declaredRoutes,
  documentedRoutes,
  mountedRoutes,
  pathVariantMismatches,
  permissionMismatches,
  tableRoutes,
} from './permission-matrix.js';

// One service's access test, the same four checks for each service: its route table against its
// OpenAPI document and against what its app mounts, then the table walked for every caller.

/**
 * The `who may call what` tests of `service`: `start` builds its app on a database of its own
 * (before the tests; closed after them), `openApi` is the document it serves.
 */
export function describeAccess(
  service: ServiceName,
  start: () => Promise<{ app: Express; close(): unknown }>,
  openApi: { paths: Record<string, object> },
): void {
  const rules = serviceRoutes[service];
  let running: { app: Express; close(): unknown };
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running.close());

  describe('who may call what', () => {
    it('has a row in the permission table for every documented route, and no row for a route that is not', () => {
      expect(tableRoutes(rules).sort()).toEqual(documentedRoutes(openApi).sort());
    });

    it('mounts exactly the routes of the permission table: none the table lacks, none it lists unmounted', () => {
      expect(mountedRoutes(running.app)).toEqual(declaredRoutes(rules));
    });

    it('answers every route as the permission table says, for every role, service and bad credential', async () => {
      expect(await permissionMismatches(running.app, service, rules)).toEqual([]);
    });

    it('grants nothing more to a path in other letter case, without its trailing slash or with a doubled slash', async () => {
      expect(await pathVariantMismatches(running.app, service, rules)).toEqual([]);
    });
  });
}
