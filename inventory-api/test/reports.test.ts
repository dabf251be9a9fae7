import { audited } from '@carcar/common/db/audit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { automobiles } from '../src/db/schema.js';
import { addAutomobile, inventoryWithModel, VINS } from './helpers.js';

const stock = inventoryWithModel();
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Moves a car's arrival back (inventory always records now); the audit trigger needs to know who. */
async function arrived(vin: string, at: Date) {
  await audited(stock.inv.db, { actor: { service: 'inventory-api' }, request_id: 'reports-test' }, (tx) =>
    tx.update(automobiles).set({ createdAt: at }).where(eq(automobiles.vin, vin)),
  );
}

const [old = '', recent = '', fresh = '', sold = ''] = VINS;
const arrivals = {
  old: new Date(Date.now() - 40 * DAY - HOUR),
  recent: new Date(Date.now() - 10 * DAY - HOUR),
  fresh: new Date(Date.now() - 2 * HOUR),
};

beforeAll(async () => {
  const { inv, modelId } = stock;
  await addAutomobile(inv, recent, modelId, { color: 'blue', year: 2020 });
  await addAutomobile(inv, old, modelId);
  await addAutomobile(inv, fresh, modelId, { color: 'white', year: 2024 });
  await addAutomobile(inv, sold, modelId);
  await arrived(old, arrivals.old);
  await arrived(recent, arrivals.recent);
  await arrived(fresh, arrivals.fresh);
  await arrived(sold, new Date(Date.now() - 100 * DAY));
  await inv.api().put(`/api/automobiles/${sold}/`).send({ sold: true }).expect(200);
});

const car = (vin: string, at: Date, days: number, extra: { color?: string; year?: number } = {}) => ({
  vin,
  year: 2012,
  color: 'red',
  manufacturer: 'Chrysler',
  model: 'Sebring',
  arrived_at: at.toISOString(),
  days_in_stock: days,
  ...extra,
});

describe('inventory aging', () => {
  it('lists every unsold car with its arrival and whole days in stock, oldest first', async () => {
    const res = await stock.inv.api('manager').get('/api/reports/inventory-aging/').expect(200);
    expect(res.body.rows).toEqual([
      car(old, arrivals.old, 40),
      car(recent, arrivals.recent, 10, { color: 'blue', year: 2020 }),
      car(fresh, arrivals.fresh, 0, { color: 'white', year: 2024 }),
    ]);
    expect(res.headers['x-total-count']).toBe('3');
  });

  it('keeps to the cars that arrived from ?from= to ?to= (UTC days)', async () => {
    const day = arrivals.recent.toISOString().slice(0, 10);
    const res = await stock.inv.api('admin').get(`/api/reports/inventory-aging/?from=${day}&to=${day}`).expect(200);
    expect(res.body.rows.map((row: { vin: string }) => row.vin)).toEqual([recent]);
  });

  it('answers the same rows as CSV for Accept: text/csv', async () => {
    const res = await stock.inv
      .api('manager')
      .get('/api/reports/inventory-aging/')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toEqual([
      'vin,year,color,manufacturer,model,arrived_at,days_in_stock',
      `${old},2012,red,Chrysler,Sebring,${arrivals.old.toISOString()},40`,
      `${recent},2020,blue,Chrysler,Sebring,${arrivals.recent.toISOString()},10`,
      `${fresh},2024,white,Chrysler,Sebring,${arrivals.fresh.toISOString()},0`,
    ]);
  });

  it.each(['sales', 'service', 'technician'] as const)('refuses %s with 403', async (role) => {
    const res = await stock.inv.api(role).get('/api/reports/inventory-aging/').expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe("an automobile's arrival (created_at)", () => {
  it('is in the automobile JSON, its list and its feed entries', async () => {
    const one = await stock.inv.api().get(`/api/automobiles/${old}/`).expect(200);
    expect(one.body.created_at).toBe(arrivals.old.toISOString());
    const list = await stock.inv.api().get('/api/automobiles/?limit=10').expect(200);
    expect(list.body.autos.find((auto: { vin: string }) => auto.vin === old).created_at).toBe(
      arrivals.old.toISOString(),
    );
    const changed = await stock.inv.api().put(`/api/automobiles/${old}/`).send({ color: 'green' }).expect(200);
    expect(changed.body.created_at).toBe(arrivals.old.toISOString());
    const feed = await stock.inv.feed().get('/api/automobiles/changes/?after=0&limit=500').expect(200);
    const entries = feed.body.changes.filter((entry: { vin: string }) => entry.vin === old);
    expect(entries.at(-1)).toMatchObject({ color: 'green', created_at: arrivals.old.toISOString() });
  });
});
