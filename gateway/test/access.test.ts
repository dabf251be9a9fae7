import { gatewayRoutes } from '@carcar/common/contract/gateway-routes';
import { mountPath, type RouteRule, type RouteTable, routeList } from '@carcar/common/contract/routes';
import { declaredRoutes, mountedRoutes } from '@carcar/testing/permission-matrix';
import { describe, expect, it } from 'vitest';
import { gatewayForFile } from './helpers.js';

const gw = await gatewayForFile();

/** `/auth/users/` for `/auth/users`: the slashed form `mountedRoutes` writes paths in. */
const slashed = (path: string) => `${path}/`;

/**
 * What the gateway mounts under its own API's path (`/auth`), as `mountedRoutes` reads it: not what
 * it forwards (/inventory, /service, /sales), its probes, pages and files, which are no rows of the
 * table (common/src/contract/gateway-routes.ts). The middleware mounted where the table's routers
 * are (the body parser, session and caller at `/auth`, the write limit at `/auth/users` and the
 * like, the trail's permission check at `/auth/audit`) reads as `USE` there and is left out: it
 * answers no route of its own.
 */
function ownApiRoutes(): string[] {
  const api = slashed(mountPath(gatewayRoutes));
  const groups: ReadonlyArray<RouteRule | RouteTable> = [gatewayRoutes, ...Object.values(gatewayRoutes)];
  const middleware = new Set(groups.map((group) => `USE ${slashed(mountPath(group))}`));
  return mountedRoutes(gw.app).filter((route) => route.split(' ')[1]?.startsWith(api) && !middleware.has(route));
}

describe("the gateway's own API", () => {
  it('mounts exactly the routes of its table under /auth: none the table lacks, none it lists unmounted', () => {
    expect(ownApiRoutes()).toEqual(declaredRoutes(routeList(gatewayRoutes)));
  });

  // Last: it adds a route to the gateway the file's tests share.
  it('fails when a route is mounted under /auth without a row', () => {
    gw.app.get(`${mountPath(gatewayRoutes.users)}/:id/sessions`, (_req, res) => {
      res.json({ sessions: [] });
    });
    expect(ownApiRoutes()).not.toEqual(declaredRoutes(routeList(gatewayRoutes)));
    expect(ownApiRoutes()).toContain('GET /auth/users/:param/sessions/');
  });
});
