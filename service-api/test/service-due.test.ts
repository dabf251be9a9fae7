import type { DueCar } from '@carcar/common/contract/service';
import { audited } from '@carcar/common/db/audit';
import { testAppOptions } from '@carcar/testing/test-app';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { serviceAutomobileStore } from '../src/automobiles/store.js';
import { serviceApiEnv } from '../src/config.js';
import { appointments } from '../src/db/schema.js';
import { addTechnician, answerCheck, type ServiceApi, startServiceApi } from './helpers.js';

// Each car has its own VIN (17 characters; the due list does not check them) and a hand-made
// history, written straight to the table: the API refuses bookings in the past, and a due list is
// all about the past.
const vin = (n: number) => `DUE${String(n).padStart(14, '0')}`;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

let svc: ServiceApi;
let technician: number;
let slot = 0;
let seq = 0;

async function history(
  car: string,
  status: 'created' | 'canceled' | 'finished',
  when: Date,
  extra: { createdAt?: Date; customer?: string } = {},
) {
  // A minute apart per appointment, so one technician never holds two overlapping `created` ones.
  slot++;
  const dateTime = new Date(when.getTime() + slot * 60_000);
  const [row] = await audited(svc.db, { actor: { service: 'service-api' }, request_id: 'test' }, (tx) =>
    tx
      .insert(appointments)
      .values({
        dateTime,
        durationMinutes: 15,
        endsAt: new Date(dateTime.getTime() + 15 * 60_000),
        reason: 'Oil change',
        status,
        vin: car,
        customer: extra.customer ?? `Owner of ${car}`,
        technicianId: technician,
        createdAt: extra.createdAt ?? dateTime,
        cancelReason: status === 'canceled' ? 'Customer called' : null,
      })
      .returning({ id: appointments.id }),
  );
  return row?.id;
}

/** Inventory's feed reaching service's copy: the car, sold or not. */
async function inventory(car: string, sold: boolean) {
  seq++;
  await serviceAutomobileStore(svc.db).apply(
    [
      {
        seq,
        deleted: false,
        vin: car,
        sold,
        year: 2024,
        color: 'blue',
        model: { name: 'Civic', manufacturer: { name: 'Honda' } },
      },
    ],
    seq,
  );
}

async function due(query = '', role: Parameters<ServiceApi['api']>[0] = 'service'): Promise<DueCar[]> {
  return (await svc.api(role).get(`/api/service-due/${query}`).expect(200)).body.cars;
}
const byVin = (cars: DueCar[]) => new Map(cars.map((car) => [car.vin, car]));

beforeAll(async () => {
  svc = await startServiceApi();
  technician = (await addTechnician(svc)).id;
});
afterAll(() => svc.close());

describe('GET /api/service-due/', () => {
  it('lists a car whose last finished service is older than six months, with its customer', async () => {
    await history(vin(1), 'finished', daysAgo(400));
    await history(vin(1), 'finished', daysAgo(200), { customer: 'Grace Hopper' });
    await history(vin(2), 'finished', daysAgo(45)); // serviced six weeks ago: not due
    await history(vin(3), 'finished', daysAgo(300));
    await history(vin(3), 'created', daysAgo(-3)); // already booked: not listed
    await history(vin(4), 'canceled', daysAgo(-5));
    const cars = byVin(await due());
    const overdue = cars.get(vin(1));
    expect(overdue).toMatchObject({ kind: 'overdue', customer: 'Grace Hopper', canceled_appointment: null, car: null });
    expect(new Date(overdue?.last_service_at ?? 0).getTime()).toBeLessThan(daysAgo(199).getTime());
    expect(new Date(overdue?.due_since ?? 0).getTime()).toBeGreaterThan(daysAgo(30).getTime());
    expect(cars.has(vin(2))).toBe(false);
    expect(cars.has(vin(3))).toBe(false);
  });

  it('takes the interval from ?months= and from SERVICE_DUE_MONTHS', async () => {
    expect(byVin(await due('?months=1')).get(vin(2))?.kind).toBe('overdue');
    expect(byVin(await due('?months=12')).has(vin(1))).toBe(false);
    const res = await svc.api().get('/api/service-due/?months=0').expect(400);
    expect(res.body.errors).toEqual([{ path: 'months', message: 'Enter a whole number of months from 1 to 60' }]);
    await svc.api().get('/api/service-due/?months=61').expect(400);
    await svc.api().get('/api/service-due/?kind=late').expect(400);

    // A dealership that services yearly: the car serviced 200 days ago is not due.
    const yearly = createApp({
      db: svc.db,
      timezone: 'UTC',
      ...(await testAppOptions('service-api', answerCheck)),
      serviceDueMonths: 12,
    });
    const cars = (await request(yearly).get('/api/service-due/').set(svc.headers('service')).expect(200)).body
      .cars as DueCar[];
    expect(byVin(cars).has(vin(1))).toBe(false);
    expect(serviceApiEnv.parse({}).SERVICE_DUE_MONTHS).toBe(6);
    expect(serviceApiEnv.parse({ SERVICE_DUE_MONTHS: '12' }).SERVICE_DUE_MONTHS).toBe(12);
    expect(serviceApiEnv.safeParse({ SERVICE_DUE_MONTHS: '0' }).success).toBe(false);
    expect(serviceApiEnv.safeParse({ SERVICE_DUE_MONTHS: 'six' }).success).toBe(false);
  });

  it('lists a car sold here and not serviced since the sale, and drops it once serviced or unsold', async () => {
    const sold = vin(10);
    const servicedBefore = vin(11);
    const servicedAfter = vin(12);
    const unsold = vin(13);
    for (const car of [sold, servicedBefore, servicedAfter, unsold]) await inventory(car, false);
    // A shop visit while still in stock does not count as service after the sale.
    await history(servicedBefore, 'finished', daysAgo(20));
    for (const car of [sold, servicedBefore, servicedAfter, unsold]) await inventory(car, true);
    await history(servicedAfter, 'finished', daysAgo(-1));
    await inventory(unsold, false); // the sale was voided
    const cars = byVin(await due());
    expect(cars.get(sold)).toMatchObject({
      kind: 'sold_not_serviced',
      customer: null,
      last_service_at: null,
      car: { year: 2024, color: 'blue', model: 'Civic', manufacturer: 'Honda' },
    });
    expect(Math.abs(new Date(cars.get(sold)?.sold_at ?? 0).getTime() - Date.now())).toBeLessThan(60_000);
    expect(cars.get(servicedBefore)?.kind).toBe('sold_not_serviced');
    expect(cars.has(servicedAfter)).toBe(false);
    expect(cars.has(unsold)).toBe(false);
    expect((await due('?kind=sold_not_serviced')).every((car) => car.kind === 'sold_not_serviced')).toBe(true);
  });

  it('counts a car first copied as already sold as sold at an unknown time: due until serviced at all', async () => {
    const old = vin(20);
    const oldServiced = vin(21);
    await history(oldServiced, 'finished', daysAgo(10));
    await inventory(old, true);
    await inventory(oldServiced, true);
    const cars = byVin(await due('?kind=sold_not_serviced'));
    expect(cars.get(old)).toMatchObject({ sold_at: null, due_since: null });
    expect(cars.has(oldServiced)).toBe(false);
  });

  it('lists a canceled appointment nothing was booked or done after, with why it was canceled', async () => {
    const never = vin(30);
    const rebooked = vin(31);
    const doneLater = vin(32);
    const canceledAgain = vin(33);
    const id = await history(never, 'canceled', daysAgo(15), { customer: 'Alan Turing' });
    await history(rebooked, 'canceled', daysAgo(-2));
    await history(rebooked, 'created', daysAgo(-9));
    await history(doneLater, 'canceled', daysAgo(40));
    await history(doneLater, 'finished', daysAgo(35));
    await history(canceledAgain, 'canceled', daysAgo(50));
    await history(canceledAgain, 'canceled', daysAgo(25), { customer: 'Ada Byron' });
    const cars = byVin(await due('?kind=canceled'));
    expect(cars.get(never)).toMatchObject({
      kind: 'canceled',
      customer: 'Alan Turing',
      canceled_appointment: { id, reason: 'Oil change', cancel_reason: 'Customer called' },
    });
    expect(cars.has(rebooked)).toBe(false);
    expect(cars.has(doneLater)).toBe(false);
    expect(cars.get(canceledAgain)?.customer).toBe('Ada Byron');
    // The still-due canceled car (4) from the first test is listed too, once.
    expect([...cars.keys()].filter((car) => car === vin(4))).toHaveLength(1);
  });

  it('lists each car once, for a cancellation before a sale before an old service, oldest first', async () => {
    const both = vin(40);
    await history(both, 'finished', daysAgo(300));
    await history(both, 'canceled', daysAgo(100));
    const cars = await due();
    expect(cars.filter((car) => car.vin === both)).toEqual([expect.objectContaining({ kind: 'canceled' })]);
    expect(new Set(cars.map((car) => car.vin)).size).toBe(cars.length);
    const known = cars.filter((car) => car.due_since !== null).map((car) => car.due_since ?? '');
    expect(known).toEqual([...known].sort());
    expect(cars.at(-1)?.due_since).toBeNull();
  });

  it('pages with limit and offset and counts every match', async () => {
    const all = await due();
    const res = await svc.api('service').get('/api/service-due/?limit=2&offset=1').expect(200);
    expect(res.headers['x-total-count']).toBe(String(all.length));
    expect(res.body.cars).toEqual(all.slice(1, 3));
    const past = await svc
      .api('service')
      .get(`/api/service-due/?limit=2&offset=${all.length + 5}`)
      .expect(200);
    expect(past.body.cars).toEqual([]);
    expect(past.headers['x-total-count']).toBe(String(all.length));
  });

  it('is for those who read appointments: advisors and technicians, not salespeople', async () => {
    await due('', 'technician');
    await due('', 'manager');
    const res = await svc.api('sales').get('/api/service-due/').expect(403);
    expect(res.body.message).toBe('You do not have permission to read appointments and service history');
  });
});
