import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Inventory, startInventory } from './helpers.js';

let inv: Inventory;
beforeAll(async () => {
  inv = await startInventory();
});
afterAll(() => inv.close());

describe('GET /api/vins/:vin/', () => {
  it('decodes a valid VIN', async () => {
    const res = await inv.api().get('/api/vins/1hgcm82633a004352/').expect(200);
    expect(res.body).toMatchObject({
      vin: '1HGCM82633A004352',
      valid: true,
      check_digit_ok: true,
      wmi: '1HG',
      region: 'North America',
      model_years: [2003],
    });
  });

  it('reports a wrong check digit', async () => {
    const na = await inv.api().get('/api/vins/1G1YZ23J9P5800003/').expect(200);
    expect(na.body).toMatchObject({ valid: false, check_digit_ok: false, expected_check_digit: '7' });
    const korea = await inv.api().get('/api/vins/KLATF08Y1VB363636').expect(200);
    expect(korea.body).toMatchObject({ valid: true, check_digit_ok: false, region: 'Asia', country: 'South Korea' });
  });

  it('explains a malformed VIN', async () => {
    const res = await inv.api().get('/api/vins/ABC/').expect(200);
    expect(res.body).toMatchObject({ vin: 'ABC', valid: false, check_digit_ok: false, wmi: null, model_years: [] });
    expect(res.body.problems[0]).toContain('17 characters');
    await inv
      .api()
      .get(`/api/vins/${'A'.repeat(100)}/`)
      .expect(400);
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document built from the request schemas', async () => {
    const res = await inv.api().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const post = res.body.paths['/api/automobiles/'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['color', 'year', 'vin', 'model_id']),
    );
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/manufacturers/{id}/',
        '/api/models/',
        '/api/automobiles/changes/',
        '/api/vins/{vin}/',
      ]),
    );
  });

  it('serves a readable reference page', async () => {
    const res = await inv.api().get('/api/docs/').expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('POST /api/automobiles/');
    // Relative, so the link holds below the gateway's /inventory prefix too.
    expect(res.text).toContain('<a href="../openapi.json">');
    const bare = await inv.api().get('/api/docs').expect(301);
    expect(bare.headers.location).toBe('docs/');
  });
});
