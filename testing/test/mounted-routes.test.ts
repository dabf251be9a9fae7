import type { RouteRule } from '@carcar/common/contract/routes';
import express, { type RequestHandler, Router } from 'express';
import { describe, expect, it } from 'vitest';
import { declaredRoutes, mountedRoutes } from '../src/permission-matrix.js';

// The route walk the services' access tests compare with their rows of contract/routes.ts, on a
// small app built for it: what it must find, and what it must refuse to overlook.

const answer: RequestHandler = (_req, res) => {
  res.json({});
};

function things(): Router {
  const router = Router();
  router.get('/', answer);
  router.post('/', answer);
  router.get('/:key', answer);
  router.put('/:key', answer);
  const nested = Router();
  nested.post('/', answer);
  router.use('/:key/parts', nested);
  return router;
}

describe('mountedRoutes', () => {
  it('lists each method and full path through nested routers, parameters named alike, probes left out', () => {
    const app = express();
    app.get('/healthz', answer);
    app.use(express.json());
    app.use('/api/things', things());
    app.get('/api/openapi.json', answer);
    expect(mountedRoutes(app)).toEqual([
      'GET /api/openapi.json/',
      'GET /api/things/',
      'GET /api/things/:param/',
      'POST /api/things/',
      'POST /api/things/:param/parts/',
      'PUT /api/things/:param/',
    ]);
  });

  it('matches the table written with trailing slashes and its own parameter names', () => {
    const app = express();
    app.use('/api/things', things());
    const rules: RouteRule[] = [
      { method: 'GET', path: '/api/things/', permission: 'signed-in' },
      { method: 'POST', path: '/api/things/', permission: 'signed-in' },
      { method: 'GET', path: '/api/things/:id/', permission: 'signed-in' },
      { method: 'PUT', path: '/api/things/:id/', permission: 'signed-in' },
      { method: 'POST', path: '/api/things/:id/parts/', permission: 'signed-in' },
    ];
    expect(mountedRoutes(app)).toEqual(declaredRoutes(rules));
    // A row missing, or a row for a route nobody mounted: the comparison names it.
    expect(mountedRoutes(app)).not.toEqual(declaredRoutes(rules.slice(1)));
    const extra: RouteRule = { method: 'DELETE', path: '/api/things/:id/', permission: 'signed-in' };
    expect(mountedRoutes(app)).not.toEqual(declaredRoutes([...rules, extra]));
  });

  it('names what it cannot read as one method and path, so that no table can match it', () => {
    const app = express();
    const any = Router();
    any.all('/everything', answer);
    app.use('/api', any);
    app.use('/api/raw', answer);
    app.use(express());
    app.use(['/api/one', '/api/two'], things());
    app.get(/^\/api\/pattern$/, answer);
    expect(mountedRoutes(app)).toEqual([
      'ALL /api/everything/',
      'UNREADABLE /^\\/api\\/pattern$/',
      'UNREADABLE /api/one,/api/two',
      'USE /',
      'USE /api/raw/',
    ]);
  });
});
