import type { RouteRule } from '@carcar/common/contract/routes';
import { createHttpApp } from '@carcar/common/http/app';
import { createLogger } from '@carcar/common/service/logger';
import { Router } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { asRole, testVerifier } from '../src/credentials.js';
import { type AnswerMismatch, formatMismatch, type ResponseCheck, responseCheck } from '../src/response-check.js';

// The answer check the services' API tests run on every answer, on a small app built for it: what
// it must report (a body that breaks its row's schema, a route that declares nothing, an error of
// another shape) and what it must let pass.

// A thing answers as a manufacturer does (`{ href, id, name }`): rows name their answers among the
// contract's (contract/answers.ts).

const rules: RouteRule[] = [
  { method: 'GET', path: '/api/things/:id/', permission: 'signed-in', response: { 200: 'manufacturer' } },
  { method: 'POST', path: '/api/things/', permission: 'signed-in', response: { 201: 'manufacturer' } },
  // Declares nothing: a 2xx from it must fail the check.
  { method: 'GET', path: '/api/undeclared/', permission: 'signed-in' },
  { method: 'GET', path: '/api/page/', permission: 'signed-in', response: 'unchecked' },
  { method: 'DELETE', path: '/api/things/:id/', permission: 'signed-in', response: { 204: 'noContent' } },
  // Answers with res.end(), never passing through res.send: observed all the same.
  { method: 'DELETE', path: '/api/undeclared/', permission: 'signed-in' },
];

async function thingsApp() {
  const check = responseCheck(rules);
  const app = createHttpApp({
    logger: createLogger('response-check-test', 'silent'),
    access: { verifier: await testVerifier('inventory-api'), rules },
    health: async () => ({}),
    observeAnswer: check.observe,
    routes: (app) => {
      const things = Router();
      things.get('/:id', (req, res) => {
        // Thing 1 is as declared; thing 2 has its id as text and a misspelled key.
        if (req.params.id === '1') res.json({ href: '/api/things/1/', id: 1, name: 'one' });
        else if (req.params.id === '2') res.json({ href: '/api/things/2/', id: '2', name: 'two', nmae: 'two' });
        else res.status(409).json({ message: 'Taken', code: 'conflict', holder: 'someone' });
      });
      // Answers 200 where its row declares 201.
      things.post('/', (_req, res) => {
        res.json({ href: '/api/things/3/', id: 3, name: 'three' });
      });
      things.delete('/:id', (_req, res) => {
        res.status(204).end();
      });
      app.use('/api/things', things);
      app.get('/api/undeclared', (_req, res) => {
        res.json({ anything: true });
      });
      app.delete('/api/undeclared', (_req, res) => {
        res.status(204).end();
      });
      app.get('/api/page', (_req, res) => {
        res.type('html').send('<p>not JSON</p>');
      });
    },
  });
  return { app, check, headers: await asRole('admin', 'inventory-api') };
}

/**
 * The mismatches kept once `count` have come: an answer sent without `res.send` is observed when
 * the server has finished writing it, which may come just after the client has read it.
 */
async function mismatchesOnceFinished(check: ResponseCheck, count: number): Promise<AnswerMismatch[]> {
  const seen: AnswerMismatch[] = [];
  await vi.waitFor(() => {
    seen.push(...check.take());
    expect(seen).toHaveLength(count);
  });
  return seen;
}

describe('responseCheck', () => {
  it('lets pass an answer as declared, an unchecked page, and the errors of the access check', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).get('/api/things/1/').set(headers).expect(200);
    await request(app).get('/api/page/').set(headers).expect(200);
    await request(app).get('/api/things/1/').expect(401);
    await request(app).get('/api/nowhere/').set(headers).expect(404);
    expect(check.take()).toEqual([]);
    expect(() => check.assertMatched()).not.toThrow();
  });

  it('reports a body that breaks its schema, with the route, the status and the issue paths', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).get('/api/things/2/').set(headers).expect(200);
    const [mismatch, ...more] = check.take();
    expect(more).toEqual([]);
    expect(mismatch).toMatchObject({ route: 'GET /api/things/:id/', path: '/api/things/2/', status: 200 });
    expect(mismatch?.problem).toMatch(/^breaks its declared schema: /);
    // The misspelled key and the id of the wrong type, each by its path in the body.
    expect(mismatch?.problem).toMatch(/id: .* \[invalid_type, expected number\]/);
    expect(mismatch?.problem).toMatch(/\(body\): .*nmae.* \[unrecognized_keys\]/);
    expect(formatMismatch(mismatch as NonNullable<typeof mismatch>)).toMatch(
      /^GET \/api\/things\/:id\/ \(\/api\/things\/2\/\) answered 200: breaks its declared schema/,
    );
  });

  it('reports a 2xx from a route that declares no answer, or none for that status', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).get('/api/undeclared/').set(headers).expect(200);
    await request(app).post('/api/things/').set(headers).send({}).expect(200);
    expect(check.take()).toEqual([
      {
        route: 'GET /api/undeclared/',
        path: '/api/undeclared/',
        status: 200,
        problem: 'the route declares no answer (response) in contract/routes.ts',
      },
      {
        route: 'POST /api/things/',
        path: '/api/things/',
        status: 200,
        problem: 'the route declares no answer for status 200 (declared: 201)',
      },
    ]);
  });

  it('observes an answer sent without res.send (a 204 by res.end): declared passes, undeclared is reported', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).delete('/api/things/1/').set(headers).expect(204);
    await request(app).delete('/api/undeclared/').set(headers).expect(204);
    expect(await mismatchesOnceFinished(check, 1)).toEqual([
      {
        route: 'DELETE /api/undeclared/',
        path: '/api/undeclared/',
        status: 204,
        problem: 'the route declares no answer (response) in contract/routes.ts',
      },
    ]);
  });

  it('reports an error answer of another shape than the one error schema', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).get('/api/things/3/').set(headers).expect(409);
    expect(check.take()).toEqual([
      expect.objectContaining({
        route: 'GET /api/things/:id/',
        status: 409,
        problem: expect.stringMatching(/^breaks the error schema: \(body\): .*holder.* \[unrecognized_keys\]$/),
      }),
    ]);
  });

  it('fails the test naming both a broken body and an undeclared route, then starts afresh', async () => {
    const { app, check, headers } = await thingsApp();
    await request(app).get('/api/things/2/').set(headers).expect(200);
    await request(app).get('/api/undeclared/').set(headers).expect(200);
    let thrown: unknown;
    try {
      check.assertMatched();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^2 answer\(s\) disagree with the route table/);
    expect(message).toContain('GET /api/things/:id/ (/api/things/2/) answered 200: breaks its declared schema: id:');
    expect(message).toContain('GET /api/undeclared/ answered 200: the route declares no answer');
    expect(() => check.assertMatched()).not.toThrow();
  });
});
