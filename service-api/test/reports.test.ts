import { defaultWeeksRange } from '@carcar/common/contract/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
