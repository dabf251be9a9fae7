import type { AuditEntry } from '@carcar/common/contract/audit';
import { roles } from '@carcar/common/contract/permissions';
import { sampleVin } from '@carcar/common/vin/vin';
import { asService } from '@carcar/testing/credentials';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addAutomobile, inventoryWithModel } from './helpers.js';

// The sales desk's fields on inventory's automobiles: condition, odometer, list_price,
// acquired_at, days_in_stock, and cost, which only managers and administrators are answered.

const stock = inventoryWithModel();

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const seesCost = (role: string) => role === 'admin' || role === 'manager';

describe('the sales desk fields', () => {
  it('takes and answers condition, odometer, list_price, acquired_at and cost; days_in_stock counts UTC days', async () => {
    const vin = sampleVin(9001);
    const acquired = daysAgo(10);
    const created = await stock.inv
      .api('manager')
      .post('/api/automobiles/')
      .send({
        color: 'red',
        year: 2020,
        vin,
        model_id: stock.modelId,
        condition: 'used',
        odometer: '42000',
        list_price: '18999.99',
        acquired_at: acquired,
        cost: 15250.5,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      condition: 'used',
      odometer: 42000,
      list_price: 18999.99,
      acquired_at: acquired,
      days_in_stock: 10,
      cost: 15250.5,
    });
    const changed = await stock.inv
      .api('manager')
      .put(`/api/automobiles/${vin}/`)
      .send({ list_price: null, odometer: 42100, cost: '15000' })
      .expect(200);
    expect(changed.body).toMatchObject({ list_price: null, odometer: 42100, cost: 15000, condition: 'used' });
    // A classic edit leaves the new fields alone.
    const classic = await stock.inv.api('manager').put(`/api/automobiles/${vin}/`).send({ color: 'blue' }).expect(200);
    expect(classic.body).toMatchObject({ color: 'blue', odometer: 42100, cost: 15000, acquired_at: acquired });
  });

  it.each([
    [{ odometer: -1 }, 'odometer'],
    [{ odometer: 1.5 }, 'odometer'],
    [{ list_price: '19.999' }, 'list_price'],
    [{ list_price: -5 }, 'list_price'],
    [{ cost: 'lots' }, 'cost'],
    [{ condition: 'salvage' }, 'condition'],
    [{ acquired_at: 'yesterday' }, 'acquired_at'],
  ])('refuses %j with 400 on %s, writing nothing', async (extra, path) => {
    const vin = sampleVin(9010);
    const res = await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ color: 'red', year: 2020, vin, model_id: stock.modelId, ...extra })
      .expect(400);
    expect(res.body.errors.map((error: { path: string }) => error.path)).toEqual([path]);
    expect(res.body.errors[0].message).toMatch(/^[A-Z]/);
    await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(404);
  });

  it('filters by condition and by aged_over (unsold, in stock more than N days)', async () => {
    const old = sampleVin(9020);
    const oldSold = sampleVin(9021);
    const fresh = sampleVin(9022);
    await addAutomobile(stock.inv, old, stock.modelId, { condition: 'used', acquired_at: daysAgo(40) });
    await addAutomobile(stock.inv, oldSold, stock.modelId, { condition: 'used', acquired_at: daysAgo(50) });
    await stock.inv.api().put(`/api/automobiles/${oldSold}/`).send({ sold: true }).expect(200);
    await addAutomobile(stock.inv, fresh, stock.modelId, { acquired_at: daysAgo(3) });

    const aged = await stock.inv.api().get('/api/automobiles/?aged_over=30').expect(200);
    const agedVins = aged.body.autos.map((car: { vin: string }) => car.vin);
    expect(agedVins).toContain(old);
    expect(agedVins).not.toContain(oldSold);
    expect(agedVins).not.toContain(fresh);
    expect(
      aged.body.autos.every((car: { days_in_stock: number; sold: boolean }) => car.days_in_stock > 30 && !car.sold),
    ).toBe(true);
    expect(aged.headers['x-total-count']).toBe(String(agedVins.length));
    // Exactly N days is not more than N.
    const boundary = await stock.inv.api().get('/api/automobiles/?aged_over=40').expect(200);
    expect(boundary.body.autos.map((car: { vin: string }) => car.vin)).not.toContain(old);

    const used = await stock.inv.api().get('/api/automobiles/?condition=used&limit=500').expect(200);
    const usedVins = used.body.autos.map((car: { vin: string }) => car.vin);
    expect(usedVins).toEqual(expect.arrayContaining([old, oldSold]));
    expect(usedVins).not.toContain(fresh);
    expect(used.body.autos.every((car: { condition: string }) => car.condition === 'used')).toBe(true);
    expect(used.headers['x-total-count']).toBe(String(usedVins.length));
    await stock.inv.api().get('/api/automobiles/?condition=salvage').expect(400);
    await stock.inv.api().get('/api/automobiles/?aged_over=-1').expect(400);
  });
});

describe('cost is answered to managers and administrators only', () => {
  it.each(roles)('%s: the list, the detail and the CSV export', async (role) => {
    const vin = sampleVin(9100 + roles.indexOf(role));
    await addAutomobile(stock.inv, vin, stock.modelId, { cost: '12345.67' });
    const list = await stock.inv.api(role).get('/api/automobiles/').expect(200);
    const listed = list.body.autos.find((car: { vin: string }) => car.vin === vin);
    const detail = (await stock.inv.api(role).get(`/api/automobiles/${vin}/`).expect(200)).body;
    const page = await stock.inv.api(role).get('/api/automobiles/?limit=500&sold=false').expect(200);
    const paged = page.body.autos.find((car: { vin: string }) => car.vin === vin);
    const searched = (await stock.inv.api(role).get(`/api/automobiles/?q=${vin}`).expect(200)).body.autos[0];
    const csv = await stock.inv.api(role).get('/api/automobiles/').set('Accept', 'text/csv').expect(200);
    const header = csv.text.split('\r\n')[0]?.split(',') ?? [];
    for (const car of [listed, detail, paged, searched]) {
      expect(car.days_in_stock).toBe(0);
      if (seesCost(role)) expect(car.cost).toBe(12345.67);
      else expect(car).not.toHaveProperty('cost');
    }
    expect(header.includes('cost')).toBe(seesCost(role));
    expect(csv.text.includes('12345.67')).toBe(seesCost(role));
    expect(header).toEqual(
      expect.arrayContaining(['condition', 'odometer', 'list_price', 'acquired_at', 'days_in_stock']),
    );
  });

  it('never serves a kept list answer or its ETag across roles', async () => {
    const vin = sampleVin(9120);
    await addAutomobile(stock.inv, vin, stock.modelId, { cost: 999 });
    for (const order of [
      ['manager', 'sales'],
      ['sales', 'manager'],
    ] as const) {
      for (const form of ['application/json', 'text/csv']) {
        const [first, second] = order;
        const a = await stock.inv.api(first).get('/api/automobiles/?limit=500').set('Accept', form).expect(200);
        const b = await stock.inv.api(second).get('/api/automobiles/?limit=500').set('Accept', form).expect(200);
        expect(a.headers.etag).not.toBe(b.headers.etag);
        const managerBody = first === 'manager' ? a.text : b.text;
        const salesBody = first === 'sales' ? a.text : b.text;
        expect(managerBody).toContain('999');
        expect(salesBody).not.toMatch(/cost/);
        // The manager's ETag is no 304 for the salesperson: their answers differ.
        const etag = String(first === 'manager' ? a.headers.etag : b.headers.etag);
        const again = await stock.inv
          .api('sales')
          .get('/api/automobiles/?limit=500')
          .set('Accept', form)
          .set('If-None-Match', etag)
          .expect(200);
        expect(again.text).not.toMatch(/cost/);
      }
    }
  });

  it('the changes feed carries cost to sales-api and not to service-api', async () => {
    const vin = sampleVin(9130);
    await addAutomobile(stock.inv, vin, stock.modelId, { cost: '800.10' });
    const salesHeaders = await asService('sales-api', 'inventory-api');
    const read = async (agent: request.Test) => {
      const res = await agent.expect(200);
      return res.body.changes.find((change: { vin: string }) => change.vin === vin);
    };
    const toSales = await read(request(stock.inv.app).get('/api/automobiles/changes/?limit=500').set(salesHeaders));
    const toService = await read(stock.inv.feed().get('/api/automobiles/changes/?limit=500'));
    expect(toSales).toMatchObject({ cost: 800.1, days_in_stock: 0, condition: 'new' });
    expect(toService).not.toHaveProperty('cost');
    expect(toService).toMatchObject({ days_in_stock: 0, condition: 'new' });
  });
});

describe('importing the sales desk columns', () => {
  it('reads condition, odometer, list_price, acquired_at and cost when the file has them, blank cells the defaults', async () => {
    const [a, b] = [sampleVin(9200), sampleVin(9201)];
    const acquired = '2026-01-15T10:00:00.000Z';
    const csv = `vin,color,year,manufacturer,model,condition,odometer,list_price,acquired_at,cost\n${a},red,2019,Chrysler,Sebring,used,51000,14999.50,${acquired},11000\n${b},blue,2024,Chrysler,Sebring,,,,,\n`;
    await stock.inv
      .api('manager')
      .post('/api/automobiles/import/')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200, { created: 2, valid: 2, dry_run: false });
    const first = (await stock.inv.api('manager').get(`/api/automobiles/${a}/`).expect(200)).body;
    expect(first).toMatchObject({
      condition: 'used',
      odometer: 51000,
      list_price: 14999.5,
      acquired_at: acquired,
      cost: 11000,
    });
    const second = (await stock.inv.api('manager').get(`/api/automobiles/${b}/`).expect(200)).body;
    expect(second).toMatchObject({ condition: 'new', odometer: 0, list_price: null, cost: null, days_in_stock: 0 });

    const bad = await stock.inv
      .api('manager')
      .post('/api/automobiles/import/')
      .set('Content-Type', 'text/csv')
      .send(`vin,color,year,model_id,odometer,cost\n${sampleVin(9202)},red,2019,${stock.modelId},-3,1.234\n`)
      .expect(400);
    expect(bad.body.errors.map((error: { line: number; path: string }) => [error.line, error.path])).toEqual([
      [2, 'odometer'],
      [2, 'cost'],
    ]);
  });
});

describe('trade-ins from the sales outbox', () => {
  const tradeIn = (vin: string, saleId: number, extra: Record<string, unknown> = {}) => ({
    sale_id: saleId,
    vin,
    year: 2016,
    make: 'HONDA',
    model: 'civic',
    color: 'silver',
    odometer: 88000,
    allowance: '6500.00',
    ...extra,
  });

  it('enters a trade-in as a used car at its allowance, once, matching or creating its model', async () => {
    const sales = await asService('sales-api', 'inventory-api');
    const vin = sampleVin(9300);
    const post = (body: object) => request(stock.inv.app).post('/api/automobiles/trade-ins/').set(sales).send(body);
    const created = await post(tradeIn(vin, 501)).expect(201);
    expect(created.body).toMatchObject({
      vin,
      condition: 'used',
      odometer: 88000,
      sold: false,
      color: 'silver',
      days_in_stock: 0,
      model: { name: 'civic', manufacturer: { name: 'HONDA' } },
    });
    // The service is not a manager: no cost in its answer; a manager sees the allowance as cost.
    expect(created.body).not.toHaveProperty('cost');
    const asManager = (await stock.inv.api('manager').get(`/api/automobiles/${vin}/`).expect(200)).body;
    expect(asManager.cost).toBe(6500);
    // A repeat delivery changes nothing.
    const again = await post(tradeIn(vin, 501)).expect(200);
    expect(again.body.id).toBe(created.body.id);
    // Another trade-in of the same make and model, in other cases, reuses them.
    const other = await post(tradeIn(sampleVin(9301), 502, { make: 'Honda', model: 'CIVIC' })).expect(201);
    expect(other.body.model.id).toBe(created.body.model.id);
    // A VIN in stock and unsold is refused on vin.
    const taken = await post(tradeIn(vin, 503)).expect(409);
    expect(taken.body.errors).toEqual([{ path: 'vin', message: expect.stringMatching(/already in stock/) }]);
    const feed = await request(stock.inv.app).get('/api/automobiles/changes/?limit=500').set(sales).expect(200);
    expect(feed.body.changes.filter((change: { vin: string }) => change.vin === vin)).toHaveLength(1);
  });

  it('takes a voided sale’s trade-in out if unsold (404 after, history kept), 409 if sold', async () => {
    const sales = await asService('sales-api', 'inventory-api');
    const [kept, sold] = [sampleVin(9310), sampleVin(9311)];
    const post = (body: object) => request(stock.inv.app).post('/api/automobiles/trade-ins/').set(sales).send(body);
    const remove = (vin: string, saleId: number) =>
      request(stock.inv.app).delete(`/api/automobiles/trade-ins/${vin}/?sale_id=${saleId}`).set(sales);
    await post(tradeIn(kept, 601)).expect(201);
    await post(tradeIn(sold, 602)).expect(201);
    await stock.inv.api().put(`/api/automobiles/${sold}/`).send({ sold: true }).expect(200);

    await remove(kept, 999).expect(409);
    const removed = await remove(kept, 601).expect(200);
    expect(removed.body.vin).toBe(kept);
    await stock.inv.api().get(`/api/automobiles/${kept}/`).expect(404);
    await remove(kept, 601).expect(404);
    const refused = await remove(sold, 602).expect(409);
    expect(refused.body.message).toMatch(/sold since/);
    await stock.inv.api().get(`/api/automobiles/${sold}/`).expect(200);

    const trail = await stock.inv.api('manager').get(`/api/audit/?vin=${kept}`).expect(200);
    expect(trail.body.entries.map((entry: AuditEntry) => [entry.action, entry.reason])).toEqual([
      ['trade_in_removed', 'sale 601 voided'],
      ['trade_in', 'trade-in of sale 601'],
    ]);
    const feed = await request(stock.inv.app).get('/api/automobiles/changes/?limit=500').set(sales).expect(200);
    expect(
      feed.body.changes
        .filter((change: { vin: string }) => change.vin === kept)
        .map((change: { deleted: boolean }) => change.deleted),
    ).toEqual([false, true]);
  });

  it('brings a car the dealership once sold back onto the lot as a used trade-in', async () => {
    const sales = await asService('sales-api', 'inventory-api');
    const vin = sampleVin(9320);
    await addAutomobile(stock.inv, vin, stock.modelId);
    await stock.inv.api().put(`/api/automobiles/${vin}/`).send({ sold: true }).expect(200);
    const back = await request(stock.inv.app)
      .post('/api/automobiles/trade-ins/')
      .set(sales)
      .send(tradeIn(vin, 701, { make: 'Chrysler', model: 'Sebring' }))
      .expect(201);
    expect(back.body).toMatchObject({ vin, sold: false, condition: 'used', model: { id: stock.modelId } });
  });

  it('takes the outbox’s trade-ins as a batch, each with its audit and feed entry, naming the one refused', async () => {
    const sales = await asService('sales-api', 'inventory-api');
    const [first, second, taken] = [sampleVin(9350), sampleVin(9351), sampleVin(9352)];
    await addAutomobile(stock.inv, taken, stock.modelId);
    const batch = (trade_ins: object[]) =>
      request(stock.inv.app).post('/api/automobiles/trade-ins/batch/').set(sales).send({ trade_ins });
    const answer = await batch([tradeIn(first, 901), tradeIn(taken, 902), tradeIn(second, 903)]).expect(200);
    expect(answer.body).toEqual({
      received: [first, second],
      refused: [{ vin: taken, message: `An automobile with VIN ${taken} is already in stock and unsold` }],
    });
    // A repeat of the batch (its answer lost on the way back) changes nothing.
    expect((await batch([tradeIn(first, 901), tradeIn(second, 903)]).expect(200)).body).toEqual({
      received: [first, second],
      refused: [],
    });
    for (const [vin, saleId] of [
      [first, 901],
      [second, 903],
    ] as const) {
      const car = (await stock.inv.api('manager').get(`/api/automobiles/${vin}/`).expect(200)).body;
      expect(car).toMatchObject({ condition: 'used', cost: 6500, sold: false, model: { name: 'civic' } });
      const trail = await stock.inv.api('manager').get(`/api/audit/?vin=${vin}`).expect(200);
      expect(trail.body.entries.map((entry: AuditEntry) => [entry.action, entry.reason])).toEqual([
        ['trade_in', `trade-in of sale ${saleId}`],
      ]);
    }
    const refusedCar = (await stock.inv.api('manager').get(`/api/automobiles/${taken}/`).expect(200)).body;
    expect(refusedCar.condition).toBe('new');
    const feed = await request(stock.inv.app).get('/api/automobiles/changes/?limit=500').set(sales).expect(200);
    const vins = feed.body.changes.map((change: { vin: string }) => change.vin);
    // One feed entry each (their order between two VINs is not the feed's promise).
    expect(vins.filter((vin: string) => vin === first || vin === second).sort()).toEqual([first, second].sort());
    // The same VIN twice, or an empty list, is the caller's mistake.
    const twice = await batch([tradeIn(first, 904), tradeIn(first, 905)]).expect(400);
    expect(JSON.stringify(twice.body)).toMatch(/listed twice/);
    await batch([]).expect(400);
    for (const role of roles) {
      await stock.inv
        .api(role)
        .post('/api/automobiles/trade-ins/batch/')
        .send({ trade_ins: [tradeIn(first, 1)] })
        .expect(403);
    }
  });

  it('gives sales’ credential no way to change a car’s cost or other fields through PUT', async () => {
    const sales = await asService('sales-api', 'inventory-api');
    const vin = sampleVin(9340);
    await addAutomobile(stock.inv, vin, stock.modelId, { cost: 100 });
    for (const body of [{ cost: 1 }, { condition: 'used' }, { list_price: 5 }, { sold: true, odometer: 3 }]) {
      await request(stock.inv.app).put(`/api/automobiles/${vin}/`).set(sales).send(body).expect(403);
    }
    const car = (await stock.inv.api('manager').get(`/api/automobiles/${vin}/`).expect(200)).body;
    expect(car).toMatchObject({ cost: 100, condition: 'new', list_price: null, sold: false, odometer: 0 });
  });

  it('is for sales’ credential only', async () => {
    const vin = sampleVin(9330);
    for (const role of roles) {
      await stock.inv.api(role).post('/api/automobiles/trade-ins/').send(tradeIn(vin, 801)).expect(403);
      await stock.inv.api(role).delete(`/api/automobiles/trade-ins/${vin}/?sale_id=801`).expect(403);
    }
    await stock.inv.feed().post('/api/automobiles/trade-ins/').send(tradeIn(vin, 801)).expect(403);
    await stock.inv.api().get(`/api/automobiles/${vin}/`).expect(404);
  });
});
