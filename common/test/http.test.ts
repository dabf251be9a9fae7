import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createHttpApp, type HttpPolicy } from '../src/http/app.js';
import { createLogger } from '../src/service/logger.js';

// The front door every service shares, on a tiny app: headers, CORS, limits, errors.
function app(policy: HttpPolicy = {}) {
  return createHttpApp({
    logger: createLogger('http-test', 'silent'),
    health: async () => ({}),
    ...policy,
    routes: (express) => {
      express.post('/api/things', (_req, res) => {
        res.status(201).json({ ok: true });
      });
      express.get('/api/broken', () => {
        throw new Error('select * from customers where password = $1');
      });
    },
  });
}

describe('the shared HTTP app', () => {
  it('sends security headers', async () => {
    const res = await request(app()).get('/healthz').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only from the configured origins', async () => {
    const allowed = await request(app()).get('/healthz').set('Origin', 'http://localhost:3000');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Total-Count');
    const other = await request(app()).get('/healthz').set('Origin', 'http://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const custom = await request(app({ corsOrigins: ['https://carcar.example.com'] }))
      .options('/api/things')
      .set('Origin', 'https://carcar.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(custom.headers['access-control-allow-origin']).toBe('https://carcar.example.com');
  });

  it('limits writes per client address with a JSON 429, and never limits reads', async () => {
    const limited = app({ writesPerMinute: 3 });
    for (let i = 0; i < 3; i++) await request(limited).post('/api/things').send({}).expect(201);
    const res = await request(limited).post('/api/things').send({}).expect(429);
    expect(res.body).toEqual({ message: expect.any(String), code: 'rate_limited' });
    for (let i = 0; i < 10; i++) await request(limited).get('/healthz').expect(200);
    const unlimited = app({ writesPerMinute: 0 });
    for (let i = 0; i < 10; i++) await request(unlimited).post('/api/things').send({}).expect(201);
  });

  it('answers an unexpected failure with a bare 500: no stack trace, no SQL', async () => {
    const res = await request(app()).get('/api/broken').expect(500);
    expect(res.body).toEqual({ message: 'Internal server error', code: 'internal_error' });
    expect(res.text).not.toMatch(/select|password|at .*\.ts/i);
  });
});
