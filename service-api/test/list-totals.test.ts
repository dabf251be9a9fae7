import { queryRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTechnician, at, booking, type ServiceApi, startServiceApi } from './helpers.js';

// The unfiltered lists' totals come from counters kept by triggers (common/src/db/row-counts.ts),
// not from a count of every row: they must still equal the tables, whatever writes them.

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

const totalOf = async (path: string) => Number((await svc.api().get(path).expect(200)).headers['x-total-count']);

async function rowsIn(table: 'appointments' | 'repair_orders'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    svc.db,
    sql`select count(*)::int as n from ${sql.identifier('service')}.${sql.identifier(table)}`,
  );
  return row?.n ?? -1;
}

describe("the whole list's total", () => {
  it('follows appointments booked at once, deleted, and written by statements of many rows', async () => {
    const tech = await addTechnician(svc);
    const hours = Array.from({ length: 12 }, (_, i) => i);
    const booked = await Promise.all(
      hours.map((hour) =>
        svc
          .api()
          .post('/api/appointments/')
          .send(
            booking(tech.id, {
              date_time: at(`07-01T${String(hour + 8).padStart(2, '0')}:00:00Z`),
              duration_minutes: 30,
            }),
          )
          .expect(201),
      ),
    );
    expect(await totalOf('/api/appointments/')).toBe(12);
    expect(await totalOf('/api/appointments/?limit=5')).toBe(12);
    await svc.api().delete(`/api/appointments/${booked[0]?.body.id}/`).expect(200);
    await svc.api().delete(`/api/appointments/${booked[1]?.body.id}/`).expect(200);
    expect(await totalOf('/api/appointments/?limit=5')).toBe(10);

    // Three rows in one statement, then four removed by one (in transactions that say who acts,
    // as the audit trigger asks).
    const asMaintenance = (statement: ReturnType<typeof sql>) =>
      svc.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('carcar.audit', '{"actor": {"service": "service-api"}, "request_id": "test"}', true)`,
        );
        await tx.execute(statement);
      });
    await asMaintenance(
      sql`insert into service.appointments (date_time, duration_minutes, ends_at, reason, vin, customer, technician_id)
        select t, 30, t + interval '30 minutes', 'Bulk', '1C3CC5FB2AN120174', 'Bulk Customer', ${tech.id}::int
        from generate_series(timestamptz '2099-01-01 08:00Z', timestamptz '2099-01-01 09:00Z', interval '30 minutes') t`,
    );
    expect(await totalOf('/api/appointments/?limit=5')).toBe(13);
    await asMaintenance(
      sql`delete from service.appointments where id in (select id from service.appointments order by id limit 4)`,
    );
    expect(await rowsIn('appointments')).toBe(9);
    expect(await totalOf('/api/appointments/?limit=5')).toBe(9);
    // A page past the end has no row to carry the total: it is read on its own, and still right.
    const past = await svc.api().get('/api/appointments/?limit=5&offset=50').expect(200);
    expect(past.body.appointments).toEqual([]);
    expect(past.headers['x-total-count']).toBe('9');
    // A filtered list is still counted by its filter.
    expect(await totalOf('/api/appointments/?limit=5&status=created')).toBe(9);
    expect(await totalOf(`/api/appointments/?limit=5&q=Bulk`)).toBe(3);
  });

  it('follows repair orders written up at once', async () => {
    const before = await rowsIn('repair_orders');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        svc
          .api('service')
          .post('/api/repair-orders/')
          .send({ vin: '1C3CC5FB2AN120174', customer: { name: `Walk-in ${i}` }, mileage: 1000 + i, concern: 'Brakes' })
          .expect(201),
      ),
    );
    expect(await rowsIn('repair_orders')).toBe(before + 8);
    expect(await totalOf('/api/repair-orders/?limit=3')).toBe(before + 8);
    expect(await totalOf('/api/repair-orders/?limit=3&q=Walk-in 7')).toBe(1);
    const past = await svc.api().get('/api/repair-orders/?limit=3&offset=500').expect(200);
    expect(past.body.repair_orders).toEqual([]);
    expect(past.headers['x-total-count']).toBe(String(before + 8));
  });

  it('is emptied by a TRUNCATE, which no statement trigger of rows sees', async () => {
    expect(await rowsIn('appointments')).toBeGreaterThan(0);
    await svc.db.execute(sql`truncate service.appointments, service.repair_orders cascade`);
    expect(await totalOf('/api/appointments/?limit=5')).toBe(0);
    expect(await totalOf('/api/repair-orders/?limit=5')).toBe(0);
    const tech = await addTechnician(svc, 'After');
    await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('08-01T09:00:00Z') }))
      .expect(201);
    expect(await totalOf('/api/appointments/?limit=5')).toBe(1);
  });
});
