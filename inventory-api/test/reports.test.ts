import { audited } from '@carcar/common/db/audit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { automobiles } from '../src/db/schema.js';
import { addAutomobile, inventoryWithModel, VINS } from './helpers.js';

const stock = inventoryWithModel();
const DAY = 86_400_000;

/**
 * Sets when the dealership took a car in (`acquired_at`; its record is still created now, as for a
 * used car bought before it was entered); the audit trigger needs to know who.
 */
async function acquired(vin: string, at: Date) {
  await audited(stock.inv.db, { actor: { service: 'inventory-api' }, request_id: 'reports-test' }, (tx) =>
    tx.update(automobiles).set({ acquiredAt: at }).where(eq(automobiles.vin, vin)),
  );
}

/** Noon UTC `days` calendar days ago: `days_in_stock` counts UTC days, whatever the hour now. */
const daysAgo = (days: number) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(12, 0, 0, 0);
  return at;
};

const [old = '', recent = '', fresh = '', sold = ''] = VINS;
const arrivals = {
  old: daysAgo(40),
  recent: daysAgo(10),
  // Today at 00:00 UTC: never in the future, and today's cars have been in stock 0 days.
  fresh: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`),
};

beforeAll(async () => {
  const { inv, modelId } = stock;
  await addAutomobile(inv, recent, modelId, { color: 'blue', year: 2020 });
  await addAutomobile(inv, old, modelId);
  await addAutomobile(inv, fresh, modelId, { color: 'white', year: 2024 });
  await addAutomobile(inv, sold, modelId);
  await acquired(old, arrivals.old);
  await acquired(recent, arrivals.recent);
  await acquired(fresh, arrivals.fresh);
  await acquired(sold, daysAgo(100));
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
  it('lists every unsold car from when it was acquired, with its days in stock, oldest first', async () => {
    const res = await stock.inv.api('manager').get('/api/reports/inventory-aging/').expect(200);
    expect(res.body.rows).toEqual([
      car(old, arrivals.old, 40),
      car(recent, arrivals.recent, 10, { color: 'blue', year: 2020 }),
      car(fresh, arrivals.fresh, 0, { color: 'white', year: 2024 }),
    ]);
    expect(res.headers['x-total-count']).toBe('3');
  });

  it("counts the days as the car's own days_in_stock does, not from when its record was made", async () => {
    const report = await stock.inv.api('manager').get('/api/reports/inventory-aging/').expect(200);
    for (const row of report.body.rows as { vin: string; days_in_stock: number }[]) {
      const one = await stock.inv.api('manager').get(`/api/automobiles/${row.vin}/`).expect(200);
      expect(row.days_in_stock).toBe(one.body.days_in_stock);
      // Every record was made today; the old car's 40 days come from its acquired_at.
      expect(one.body.created_at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    }
  });

  it('keeps to the cars acquired from ?from= to ?to= (UTC days)', async () => {
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

describe("an automobile's record (created_at)", () => {
  it('is in the automobile JSON, its list and its feed entries, apart from acquired_at', async () => {
    const recorded = new Date(Date.now() - 3 * DAY);
    await audited(stock.inv.db, { actor: { service: 'inventory-api' }, request_id: 'reports-test' }, (tx) =>
      tx.update(automobiles).set({ createdAt: recorded }).where(eq(automobiles.vin, old)),
    );
    const one = await stock.inv.api().get(`/api/automobiles/${old}/`).expect(200);
    expect(one.body).toMatchObject({ created_at: recorded.toISOString(), acquired_at: arrivals.old.toISOString() });
    const list = await stock.inv.api().get('/api/automobiles/?limit=10').expect(200);
    expect(list.body.autos.find((auto: { vin: string }) => auto.vin === old).created_at).toBe(recorded.toISOString());
    const changed = await stock.inv.api().put(`/api/automobiles/${old}/`).send({ color: 'green' }).expect(200);
    expect(changed.body.created_at).toBe(recorded.toISOString());
    const feed = await stock.inv.feed().get('/api/automobiles/changes/?after=0&limit=500').expect(200);
    const entries = feed.body.changes.filter((entry: { vin: string }) => entry.vin === old);
    expect(entries.at(-1)).toMatchObject({ color: 'green', created_at: recorded.toISOString() });
  });
});
