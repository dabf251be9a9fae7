import { readFileSync } from 'node:fs';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { defaultWeeksRange } from '@carcar/common/contract/reports';
import { audited } from '@carcar/common/db/audit';
import { queryRows } from '@carcar/common/db/statements';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, lineClockEntries, repairOrderLabor, repairOrders } from '../src/db/schema.js';
import { addTechnician, booking, minutesFromNow, NEXT_YEAR, type ServiceApi, startServiceApi } from './helpers.js';

// A fortnight of bookings next year (bookings are refused in the past), in February so that
// Chicago keeps one offset throughout; the figures below are counted by hand.

let utc: ServiceApi;
let chicago: ServiceApi;

/** The first Monday of February next year, and the days after it, as YYYY-MM-DD. */
const firstMonday = (() => {
  const day = new Date(Date.UTC(NEXT_YEAR, 1, 1));
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day;
})();
const plus = (days: number) => new Date(firstMonday.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const week1 = plus(0);
const week2 = plus(7);
const range = `?from=${week1}&to=${plus(13)}`;

/** Ada and Grace's bookings, each finished, canceled or left open, in both services. */
async function book(svc: ServiceApi) {
  const ada = await addTechnician(svc, 'Ada');
  const grace = await addTechnician(svc, 'Grace');
  const add = async (technician: number, dateTime: string, outcome?: 'finish' | 'cancel') => {
    const res = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(technician, { date_time: dateTime }))
      .expect(201);
    if (outcome) await svc.api().put(`/api/appointments/${res.body.id}/${outcome}/`).expect(200);
  };
  await add(ada.id, `${plus(0)}T09:00:00Z`, 'finish');
  await add(ada.id, `${plus(2)}T10:00:00Z`, 'cancel');
  // Monday 03:00 UTC of the second week is still Sunday evening of the first in Chicago.
  await add(ada.id, `${plus(7)}T03:00:00Z`);
  await add(grace.id, `${plus(1)}T09:00:00Z`, 'finish');
  await add(grace.id, `${plus(8)}T09:00:00Z`);
  // Outside the range.
  await add(grace.id, `${plus(14)}T09:00:00Z`);
  return { ada, grace };
}

const row = (
  week: string,
  tech: { id: number; first_name: string; last_name: string; employee_id: string },
  counts: { booked: number; finished: number; canceled: number; open: number },
) => ({
  week,
  technician_id: tech.id,
  employee_id: tech.employee_id,
  technician: `${tech.first_name} ${tech.last_name}`,
  ...counts,
});

let techs: Awaited<ReturnType<typeof book>>;
let chicagoTechs: Awaited<ReturnType<typeof book>>;
beforeAll(async () => {
  utc = await startServiceApi('UTC');
  chicago = await startServiceApi('America/Chicago');
  techs = await book(utc);
  chicagoTechs = await book(chicago);
});
afterAll(async () => {
  await utc.close();
  await chicago.close();
});

describe("the technicians' weeks", () => {
  it('counts each technician’s booked, finished, canceled and open appointments per week', async () => {
    const res = await utc.api('manager').get(`/api/reports/technician-weeks/${range}`).expect(200);
    expect(res.body.rows).toEqual([
      row(week1, techs.ada, { booked: 2, finished: 1, canceled: 1, open: 0 }),
      row(week1, techs.grace, { booked: 1, finished: 1, canceled: 0, open: 0 }),
      row(week2, techs.ada, { booked: 1, finished: 0, canceled: 0, open: 1 }),
      row(week2, techs.grace, { booked: 1, finished: 0, canceled: 0, open: 1 }),
    ]);
    expect(res.headers['x-total-count']).toBe('4');
  });

  it("reads the weeks on the dealership's clock (TIMEZONE)", async () => {
    const res = await chicago.api('admin').get(`/api/reports/technician-weeks/${range}`).expect(200);
    expect(res.body.rows).toEqual([
      row(week1, chicagoTechs.ada, { booked: 3, finished: 1, canceled: 1, open: 1 }),
      row(week1, chicagoTechs.grace, { booked: 1, finished: 1, canceled: 0, open: 0 }),
      row(week2, chicagoTechs.grace, { booked: 1, finished: 0, canceled: 0, open: 1 }),
    ]);
  });

  it('answers the same rows as CSV for Accept: text/csv', async () => {
    const res = await utc
      .api('manager')
      .get(`/api/reports/technician-weeks/${range}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('week,technician_id,employee_id,technician,booked,finished,canceled,open');
    expect(lines[1]).toBe(`${week1},${techs.ada.id},${techs.ada.employee_id},Ada Lovelace,2,1,1,0`);
    expect(lines).toHaveLength(5);
  });

  it('covers the twelve weeks before this one to the four after it when no range is given', async () => {
    const soon = minutesFromNow(8 * 24 * 60);
    const later = minutesFromNow(40 * 24 * 60);
    for (const dateTime of [soon, later]) {
      await utc
        .api()
        .post('/api/appointments/')
        .send(booking(techs.grace.id, { date_time: dateTime }))
        .expect(201);
    }
    const { from, to } = defaultWeeksRange(new Date().toISOString().slice(0, 10));
    const rows = (await utc.api('manager').get('/api/reports/technician-weeks/').expect(200)).body.rows as {
      week: string;
      booked: number;
    }[];
    // Only the booking a week ahead: the one in forty days and next year's are past the range.
    expect(rows).toEqual([{ ...rows[0], booked: 1 }]);
    const week = rows[0]?.week ?? '';
    expect(week >= from && week <= to, `${week} in ${from}..${to}`).toBe(true);
  });

  it.each(['service', 'technician', 'sales'] as const)('refuses %s with 403', async (role) => {
    const res = await utc.api(role).get('/api/reports/technician-weeks/').expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});

// Repair orders invoiced in October and November 2025, at awkward rates and hours; the figures below
// are counted by hand. The clock's intervals and the invoice times are set afterwards (the API
// stamps them with the present), through the audited path as any change is.

const TEST_SETUP = { actor: { service: 'test-setup' }, request_id: 'test-setup' };
const RO_VIN = '1C3CC5FB2AN120174';

type LineSpec = {
  kind?: 'labor' | 'part';
  hours?: number;
  rate?: number;
  technician?: number;
  /** Minutes on the clock, worked by the line's technician. */
  clocked?: number;
  declined?: boolean;
};

/** An order with these lines, decided, clocked, done and invoiced at `invoicedAt`. */
async function invoicedOrder(svc: ServiceApi, invoicedAt: string | null, specs: LineSpec[]) {
  const order = (
    await svc
      .api('service')
      .post('/api/repair-orders/')
      .send({ vin: RO_VIN, customer: { name: 'Jane Doe' }, mileage: 1000, concern: 'Noise' })
      .expect(201)
  ).body as RepairOrder;
  const lines: Array<{ line: RepairOrderLine; spec: LineSpec }> = [];
  for (const spec of specs) {
    const body =
      spec.kind === 'part'
        ? { kind: 'part', description: 'Filter', quantity: 1, unit_price: 9.99 }
        : { kind: 'labor', description: 'Work', hours: spec.hours, rate: spec.rate, technician: spec.technician };
    const line = (await svc.api('service').post(`/api/repair-orders/${order.id}/lines/`).send(body).expect(201))
      .body as RepairOrderLine;
    lines.push({ line, spec });
  }
  await svc
    .api('service')
    .post(`/api/repair-orders/${order.id}/approvals/`)
    .send({
      decisions: lines.map(({ line, spec }) => ({ line: line.id, approved: !spec.declined })),
      name: 'Jane Doe',
      method: 'phone',
    })
    .expect(200);
  if (invoicedAt === null) return order;
  for (const { line, spec } of lines) {
    if (spec.declined) continue;
    if (spec.clocked) {
      const clock = `/api/repair-orders/${order.id}/lines/${line.id}/clock/`;
      await svc.api().post(clock).send({ action: 'on' }).expect(200);
      await svc.api().post(clock).send({ action: 'off' }).expect(200);
      const startedAt = new Date('2025-10-01T08:00:00Z');
      const minutes = spec.clocked;
      await audited(svc.db, TEST_SETUP, (tx) =>
        tx
          .update(lineClockEntries)
          .set({ startedAt, endedAt: new Date(startedAt.getTime() + minutes * 60_000) })
          .where(eq(lineClockEntries.lineId, line.id)),
      );
    }
    await svc.api('service').post(`/api/repair-orders/${order.id}/lines/${line.id}/done/`).expect(200);
  }
  await svc.api('service').post(`/api/repair-orders/${order.id}/invoice/`).expect(200);
  await audited(svc.db, TEST_SETUP, (tx) =>
    tx
      .update(repairOrders)
      .set({ invoicedAt: new Date(invoicedAt) })
      .where(eq(repairOrders.id, order.id)),
  );
  return order;
}

/** The same orders in a service: Ada and Grace's labor, a part-only order, declined and unfinished work. */
async function shopMonths(svc: ServiceApi) {
  const ada = await addTechnician(svc, 'Ada');
  const grace = await addTechnician(svc, 'Grace');
  // 1.3 h × 119.99 = 155.987 → 155.99; 0.7 h × 87.51 = 61.257 → 61.26; the declined 5 h and the part are not labor sales.
  await invoicedOrder(svc, '2025-10-15T12:00:00Z', [
    { hours: 1.3, rate: 119.99, technician: ada.id, clocked: 80 },
    { hours: 0.7, rate: 87.51, technician: grace.id, clocked: 35 },
    { hours: 5, rate: 120, technician: grace.id, declined: true },
    { kind: 'part' },
  ]);
  // An order of parts only still counts as an order.
  await invoicedOrder(svc, '2025-10-02T15:00:00Z', [{ kind: 'part' }]);
  // November in UTC, still October 31st in Chicago (CDT until November 2nd): 2.2 h × 120 = 264.00.
  await invoicedOrder(svc, '2025-11-01T03:00:00Z', [{ hours: 2.2, rate: 120, technician: ada.id, clocked: 120 }]);
  // 0.1 h × 99.99 = 9.999 → 10.00; 1 h × 100.01 = 100.01, never clocked.
  await invoicedOrder(svc, '2025-11-20T10:00:00Z', [
    { hours: 0.1, rate: 99.99, technician: ada.id, clocked: 10 },
    { hours: 1, rate: 100.01, technician: grace.id },
  ]);
  // Approved but not invoiced: not in any month.
  await invoicedOrder(svc, null, [{ hours: 3, rate: 120, technician: ada.id }]);
  return { ada, grace };
}

const person = (tech: { id: number; first_name: string; last_name: string }) => ({
  id: tech.id,
  first_name: tech.first_name,
  last_name: tech.last_name,
});

describe('repair orders by month and technician efficiency', () => {
  let shopUtc: ServiceApi;
  let shopChicago: ServiceApi;
  let utcTechs: Awaited<ReturnType<typeof shopMonths>>;
  beforeAll(async () => {
    shopUtc = await startServiceApi('UTC');
    shopChicago = await startServiceApi('America/Chicago');
    utcTechs = await shopMonths(shopUtc);
    await shopMonths(shopChicago);
  });
  afterAll(async () => {
    await shopUtc.close();
    await shopChicago.close();
  });

  it('sums labor sales and billed hours per month of invoice, the rate and hours per order half-up', async () => {
    const res = await shopUtc
      .api('manager')
      .get('/api/reports/repair-orders-by-month/?from=2025-09&to=2025-12')
      .expect(200);
    expect(res.body).toEqual({
      months: [
        // 217.25 ÷ 2.0 = 108.625 → 108.63 (half-up, not to even).
        {
          month: '2025-10',
          repair_orders: 2,
          labor_sales: 217.25,
          billed_hours: 2,
          effective_labor_rate: 108.63,
          hours_per_repair_order: 1,
        },
        // 374.01 ÷ 3.3 = 113.336…; 3.3 ÷ 2 = 1.65.
        {
          month: '2025-11',
          repair_orders: 2,
          labor_sales: 374.01,
          billed_hours: 3.3,
          effective_labor_rate: 113.34,
          hours_per_repair_order: 1.65,
        },
      ],
    });
    expect(res.headers['x-total-count']).toBe('2');
  });

  it("reads the months on the dealership's clock (TIMEZONE)", async () => {
    const res = await shopChicago
      .api('admin')
      .get('/api/reports/repair-orders-by-month?from=2025-10&to=2025-11')
      .expect(200);
    expect(res.body.months).toEqual([
      // 481.25 ÷ 4.2 = 114.583…; 4.2 ÷ 3 = 1.4.
      {
        month: '2025-10',
        repair_orders: 3,
        labor_sales: 481.25,
        billed_hours: 4.2,
        effective_labor_rate: 114.58,
        hours_per_repair_order: 1.4,
      },
      // 110.01 ÷ 1.1 = 100.009…
      {
        month: '2025-11',
        repair_orders: 1,
        labor_sales: 110.01,
        billed_hours: 1.1,
        effective_labor_rate: 100.01,
        hours_per_repair_order: 1.1,
      },
    ]);
  });

  it("compares each technician's billed hours with the hours they clocked", async () => {
    const { ada, grace } = utcTechs;
    const res = await shopUtc
      .api('manager')
      .get('/api/reports/technician-efficiency/?from=2025-10&to=2025-11')
      .expect(200);
    expect(res.body).toEqual({
      months: [
        // 1.3 billed over 80 minutes: 1.3 ÷ 1.333… = 0.975 → 0.98.
        { month: '2025-10', technician: person(ada), billed_hours: 1.3, clocked_hours: 1.33, efficiency: 0.98 },
        // 0.7 over 35 minutes: 1.2.
        { month: '2025-10', technician: person(grace), billed_hours: 0.7, clocked_hours: 0.58, efficiency: 1.2 },
        // 2.3 over 130 minutes: 1.0615… → 1.06.
        { month: '2025-11', technician: person(ada), billed_hours: 2.3, clocked_hours: 2.17, efficiency: 1.06 },
        // Never on the clock: no ratio.
        { month: '2025-11', technician: person(grace), billed_hours: 1, clocked_hours: 0, efficiency: null },
      ],
    });
  });

  it('answers the technicians as dotted columns in CSV', async () => {
    const res = await shopUtc
      .api('manager')
      .get('/api/reports/technician-efficiency/?from=2025-10&to=2025-10')
      .set('Accept', 'text/csv')
      .expect(200);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'month,technician.id,technician.first_name,technician.last_name,billed_hours,clocked_hours,efficiency',
    );
    expect(lines[1]).toBe(`2025-10,${utcTechs.ada.id},Ada,Lovelace,1.3,1.33,0.98`);
  });

  it('counts the orders invoiced before the invoice recorded their labor, once (migrations 0028 and 0031)', async () => {
    const reports = async () =>
      Promise.all(
        ['repair-orders-by-month', 'technician-efficiency'].map(
          async (report) =>
            (await shopUtc.api('manager').get(`/api/reports/${report}/?from=2025-10&to=2025-11`).expect(200)).body,
        ),
      );
    const count = async (table: typeof repairOrderLabor | typeof auditLog) =>
      (await queryRows<{ n: number }>(shopUtc.db, sql`select count(*)::int as n from ${table}`))[0]?.n;
    const billed = async () =>
      shopUtc.db
        .select({ id: repairOrders.id, hours: repairOrders.billedLaborHours, amount: repairOrders.billedLaborAmount })
        .from(repairOrders)
        .orderBy(repairOrders.id);
    const asInvoiced = await reports();
    const billedAsInvoiced = await billed();
    const rows = await count(repairOrderLabor);
    expect(rows).toBeGreaterThan(0);
    expect(billedAsInvoiced.filter((order) => order.hours !== null).length).toBeGreaterThan(0);
    // The store as it was before the invoice recorded the labor: the orders without their labor.
    await audited(shopUtc.db, TEST_SETUP, async (tx) => {
      await tx.delete(repairOrderLabor);
      await tx.update(repairOrders).set({ billedLaborHours: null, billedLaborAmount: null });
    });
    const [byMonth, efficiency] = await reports();
    expect(byMonth.months.map((month: { labor_sales: number }) => month.labor_sales)).toEqual([0, 0]);
    expect(efficiency.months).toEqual([]);
    // Each file as the migrator runs it: its statements one by one, in one transaction.
    const migration = (file: string) =>
      readFileSync(new URL(`../drizzle/${file}.sql`, import.meta.url), 'utf8').split('--> statement-breakpoint');
    const upgrade = async () =>
      shopUtc.db.transaction(async (tx) => {
        for (const statement of [
          ...migration('0028_repair_order_labor_filled'),
          ...migration('0031_repair_order_billed_labor_filled'),
        ]) {
          await tx.execute(sql.raw(statement));
        }
      });
    const trail = await count(auditLog);
    await upgrade();
    expect(await reports()).toEqual(asInvoiced);
    expect(await billed()).toEqual(billedAsInvoiced);
    // The billed labor is left out of the order's trail: the upgrade wrote no entry.
    expect(await count(auditLog)).toBe(trail);
    await upgrade();
    expect(await count(repairOrderLabor)).toBe(rows);
    expect(await billed()).toEqual(billedAsInvoiced);
  });

  it.each(['repair-orders-by-month', 'technician-efficiency'])(
    '%s answers no months for a range without invoices',
    async (report) => {
      const res = await shopUtc.api('manager').get(`/api/reports/${report}/?from=2024-01&to=2024-12`).expect(200);
      expect(res.body).toEqual({ months: [] });
    },
  );

  it('refuses a month that is not YYYY-MM and a range that ends before it starts', async () => {
    const bad = await shopUtc.api('manager').get('/api/reports/repair-orders-by-month/?from=2025-13').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'from' })]);
    const backwards = await shopUtc
      .api('manager')
      .get('/api/reports/technician-efficiency/?from=2025-11&to=2025-10')
      .expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
  });

  it.each(['service', 'technician', 'sales'] as const)('refuses %s with 403', async (role) => {
    await shopUtc.api(role).get('/api/reports/repair-orders-by-month/').expect(403);
    await shopUtc.api(role).get('/api/reports/technician-efficiency/').expect(403);
  });
});
