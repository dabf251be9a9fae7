import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTechnician,
  at,
  booking,
  minutesFromNow,
  NEXT_YEAR,
  type ServiceApi,
  startServiceApi,
  weekday,
} from './helpers.js';

// Scheduling as a shop does it: times on the dealership's wall clock (Berlin here, for its DST),
// no bookings in the past, a double booking that says who is in the way and when the technician
// is next free, and the list filters of the appointment board.

const ZONE = 'Europe/Berlin';

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi(ZONE);
});
afterAll(() => svc.close());

/** The last Sunday of a month next year: when Europe's clocks change (March forward, October back). */
function lastSunday(month: number): string {
  const last = new Date(Date.UTC(NEXT_YEAR, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

/** A moment `minutes` from now as Berlin's wall clock shows it, as `<input type="datetime-local">` gives it. */
function berlinWallClock(minutes: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(Date.now() + minutes * 60_000)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function book(technician: number, overrides: Record<string, unknown> = {}) {
  return (await svc.api().post('/api/appointments/').send(booking(technician, overrides)).expect(201)).body;
}

describe('a date_time without an offset is the dealership’s wall clock (TIMEZONE), DST-correct', () => {
  it.each([
    ['a winter morning (CET, +01:00)', at('12-03T09:00'), at('12-03T08:00:00.000Z')],
    ['a summer morning (CEST, +02:00)', at('07-01T09:00'), at('07-01T07:00:00.000Z')],
    ['with seconds', at('07-01T09:00:30'), at('07-01T07:00:30.000Z')],
    ['just before clocks go forward', `${lastSunday(3)}T01:30`, `${lastSunday(3)}T00:30:00.000Z`],
    // 02:30 does not exist that night: read with the offset before the change, it is 03:30 CEST.
    ['in the hour skipped when clocks go forward', `${lastSunday(3)}T02:30`, `${lastSunday(3)}T01:30:00.000Z`],
    ['just after clocks go forward', `${lastSunday(3)}T03:30`, `${lastSunday(3)}T01:30:00.000Z`],
    // 02:30 happens twice that night: the first one (still CEST) is meant.
    ['in the hour repeated when clocks go back', `${lastSunday(10)}T02:30`, `${lastSunday(10)}T00:30:00.000Z`],
    ['after clocks went back', `${lastSunday(10)}T03:30`, `${lastSunday(10)}T02:30:00.000Z`],
  ])('%s', async (_label, local, instant) => {
    const tech = await addTechnician(svc);
    const appointment = await book(tech.id, { date_time: local });
    expect(appointment.date_time).toBe(instant);
  });

  it('takes a date_time with an offset as the instant it names', async () => {
    const tech = await addTechnician(svc);
    expect((await book(tech.id, { date_time: at('12-03T09:00:00-05:00') })).date_time).toBe(at('12-03T14:00:00.000Z'));
  });

  it('reads ?from=&to= without an offset on the same clock, start times in [from, to)', async () => {
    const tech = await addTechnician(svc);
    const nine = await book(tech.id, { date_time: at('11-20T09:00') });
    const ten = await book(tech.id, { date_time: at('11-20T10:00') });
    const list = await svc
      .api()
      .get(`/api/appointments/?technician=${tech.id}&from=${at('11-20T09:00')}&to=${at('11-20T10:00')}`)
      .expect(200);
    expect(list.body.appointments.map((a: { id: number }) => a.id)).toEqual([nine.id]);
    const utc = await svc
      .api()
      .get(`/api/appointments/?technician=${tech.id}&from=${encodeURIComponent(at('11-20T09:00:00Z'))}`)
      .expect(200);
    expect(utc.body.appointments.map((a: { id: number }) => a.id)).toEqual([ten.id]);
  });
});

describe('a booking in the past', () => {
  it('is refused more than 15 minutes back, on date_time, writing nothing', async () => {
    const tech = await addTechnician(svc);
    for (const dateTime of [minutesFromNow(-17), berlinWallClock(-60), '2020-01-01T09:00:00Z']) {
      const res = await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: dateTime }))
        .expect(400);
      expect(res.body).toEqual({
        message: 'Invalid request',
        code: 'validation_error',
        errors: [{ path: 'date_time', message: 'This time has already passed; choose a time from now on' }],
      });
    }
    const list = await svc.api().get(`/api/appointments/?technician=${tech.id}`).expect(200);
    expect(list.body.appointments).toEqual([]);
  });

  it('is taken within the 15 minutes of grace (a car that just drove in), and from now on', async () => {
    const tech = await addTechnician(svc);
    await book(tech.id, { date_time: minutesFromNow(-12), duration_minutes: 15 });
    await book(tech.id, { date_time: berlinWallClock(120), duration_minutes: 15 });
  });
});

describe('a double booking', () => {
  it('answers 409 naming the clash in the dealership’s time and when the technician is next free', async () => {
    const tech = await addTechnician(svc, 'Grace');
    // Berlin, 1 December: 09:00–10:00, 10:00–10:30, 11:00–12:00, 12:30–13:00. The gaps before 13:00
    // are 30 minutes, too short for an hour.
    const first = await book(tech.id, { date_time: at('12-01T09:00'), customer: 'Jane Doe', reason: 'Oil change' });
    await book(tech.id, { date_time: at('12-01T10:00'), duration_minutes: 30 });
    const eleven = await book(tech.id, { date_time: at('12-01T11:00') });
    await book(tech.id, { date_time: at('12-01T12:30'), duration_minutes: 30 });
    // Another technician's day and a canceled appointment do not count.
    const other = await addTechnician(svc, 'Other');
    await book(other.id, { date_time: at('12-01T13:00'), duration_minutes: 120 });
    const canceled = await book(tech.id, { date_time: at('12-01T13:15'), duration_minutes: 15 });
    await svc.api().put(`/api/appointments/${canceled.id}/cancel/`).expect(200);

    const res = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('12-01T09:30'), duration_minutes: 60 }))
      .expect(409);
    const sentence =
      `Grace Lovelace is already booked from 09:00 to 10:00 on ${weekday(NEXT_YEAR, 12, 1)} 1 Dec ${NEXT_YEAR} ` +
      'for Jane Doe (Oil change). They are next free at 13:00.';
    expect(res.body).toEqual({
      message: sentence,
      code: 'conflict',
      errors: [{ path: 'date_time', message: sentence }],
      conflicting_appointment: first,
      next_free: at('12-01T12:00:00.000Z'),
    });

    // Half an hour fits the gap at 10:30.
    const short = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('12-01T09:30'), duration_minutes: 30 }))
      .expect(409);
    expect(short.body.next_free).toBe(at('12-01T09:30:00.000Z'));
    expect(short.body.message).toMatch(/They are next free at 10:30\.$/);

    // With 11:00–12:00 canceled, an hour fits from 10:30.
    await svc.api().put(`/api/appointments/${eleven.id}/cancel/`).expect(200);
    const freed = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('12-01T09:30'), duration_minutes: 60 }))
      .expect(409);
    expect(freed.body.next_free).toBe(at('12-01T09:30:00.000Z'));
    // next_free is really free: booking it succeeds.
    await book(tech.id, { date_time: freed.body.next_free, duration_minutes: 60 });
  });

  it('names the next free time with its day when it is another day', async () => {
    const tech = await addTechnician(svc, 'Late');
    await book(tech.id, {
      date_time: at('12-08T22:00'),
      duration_minutes: 180,
      customer: 'Night Owl',
      reason: 'Tyres',
    });
    const res = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('12-08T23:00') }))
      .expect(409);
    const day = `${weekday(NEXT_YEAR, 12, 8)} 8 Dec ${NEXT_YEAR}`;
    const nextDay = `${weekday(NEXT_YEAR, 12, 9)} 9 Dec ${NEXT_YEAR}`;
    expect(res.body.message).toBe(
      `Late Lovelace is already booked from 22:00 on ${day} to 01:00 on ${nextDay} for Night Owl (Tyres). ` +
        `They are next free at 01:00 on ${nextDay}.`,
    );
    expect(res.body.next_free).toBe(at('12-09T00:00:00.000Z'));
  });
});

describe('cancel reason', () => {
  it('is taken from the JSON body or ?reason=, stored and answered', async () => {
    const tech = await addTechnician(svc);
    const a = await book(tech.id, { date_time: at('12-10T09:00') });
    const b = await book(tech.id, { date_time: at('12-10T10:00') });
    const c = await book(tech.id, { date_time: at('12-10T11:00') });
    expect(a.cancel_reason).toBeNull();
    const byBody = await svc
      .api()
      .put(`/api/appointments/${a.id}/cancel/`)
      .send({ reason: ' Customer called to reschedule ' })
      .expect(200);
    expect(byBody.body).toEqual({ ...a, status: 'canceled', cancel_reason: 'Customer called to reschedule' });
    const byQuery = await svc.api().put(`/api/appointments/${b.id}/cancel/?reason=Part%20not%20in%20stock`).expect(200);
    expect(byQuery.body.cancel_reason).toBe('Part not in stock');
    expect((await svc.api().get(`/api/appointments/${b.id}/`).expect(200)).body.cancel_reason).toBe(
      'Part not in stock',
    );
    const tooLong = await svc
      .api()
      .put(`/api/appointments/${c.id}/cancel/`)
      .send({ reason: 'r'.repeat(501) })
      .expect(400);
    expect(tooLong.body.errors).toEqual([{ path: 'reason', message: 'The reason can be at most 500 characters' }]);
    expect((await svc.api().get(`/api/appointments/${c.id}/`).expect(200)).body.status).toBe('created');
    // Without a reason, as classic clients cancel.
    expect((await svc.api().put(`/api/appointments/${c.id}/cancel/`).expect(200)).body.cancel_reason).toBeNull();
  });
});

describe('deleting', () => {
  it('refuses a finished appointment (service history) with 409 and keeps it; created and canceled may go', async () => {
    const tech = await addTechnician(svc);
    const done = await book(tech.id, { date_time: at('12-11T09:00') });
    const canceled = await book(tech.id, { date_time: at('12-11T10:00') });
    await svc.api().put(`/api/appointments/${done.id}/finish/`).expect(200);
    await svc.api().put(`/api/appointments/${canceled.id}/cancel/`).expect(200);
    const res = await svc.api().delete(`/api/appointments/${done.id}/`).expect(409);
    expect(res.body).toMatchObject({
      code: 'conflict',
      message: "A finished appointment is part of the car's service history and cannot be deleted",
    });
    expect((await svc.api().get(`/api/appointments/${done.id}/`).expect(200)).body.status).toBe('finished');
    await svc.api().delete(`/api/appointments/${canceled.id}/`).expect(200);
    await svc.api().get(`/api/appointments/${canceled.id}/`).expect(404);
    await svc.api().delete('/api/appointments/99999/').expect(404);
  });
});

describe('the list filters', () => {
  it('finds by ?q= in the VIN, customer, reason or technician name, ignoring case', async () => {
    const tech = await addTechnician(svc, 'Quincy');
    const vinMatch = await book(tech.id, { date_time: at('12-12T09:00'), vin: '1GC4K0C87FF132904', customer: 'A' });
    const customerMatch = await book(tech.id, { date_time: at('12-12T10:00'), customer: 'Zelda 100% Fitzgerald' });
    const reasonMatch = await book(tech.id, { date_time: at('12-12T11:00'), reason: 'Brake_pads squeal' });
    const ids = async (q: string) =>
      (
        await svc
          .api()
          .get(`/api/appointments/?technician=${tech.id}&sort=id&q=${encodeURIComponent(q)}`)
          .expect(200)
      ).body.appointments.map((a: { id: number }) => a.id);
    expect(await ids('ff1329')).toEqual([vinMatch.id]);
    expect(await ids('zELDA')).toEqual([customerMatch.id]);
    expect(await ids('brake_')).toEqual([reasonMatch.id]);
    // % and _ are the letters typed, not wildcards.
    expect(await ids('100%')).toEqual([customerMatch.id]);
    expect(await ids('e_p')).toEqual([reasonMatch.id]);
    expect(await ids('quincy LOVE')).toEqual([vinMatch.id, customerMatch.id, reasonMatch.id]);
    expect(await ids('no such thing')).toEqual([]);
    const total = await svc.api().get(`/api/appointments/?technician=${tech.id}&q=zelda&limit=1`).expect(200);
    expect(total.headers['x-total-count']).toBe('1');
  });

  it('sorts by ?sort= id, -id, date_time or -date_time, paging with the total', async () => {
    const tech = await addTechnician(svc);
    const late = await book(tech.id, { date_time: at('12-13T15:00') });
    const early = await book(tech.id, { date_time: at('12-13T09:00') });
    const middle = await book(tech.id, { date_time: at('12-13T12:00') });
    const order = async (sort: string) =>
      (await svc.api().get(`/api/appointments/?technician=${tech.id}&sort=${sort}`).expect(200)).body.appointments.map(
        (a: { id: number }) => a.id,
      );
    expect(await order('id')).toEqual([late.id, early.id, middle.id]);
    expect(await order('-id')).toEqual([middle.id, early.id, late.id]);
    expect(await order('date_time')).toEqual([early.id, middle.id, late.id]);
    expect(await order('-date_time')).toEqual([late.id, middle.id, early.id]);
    const page = await svc
      .api()
      .get(`/api/appointments/?technician=${tech.id}&sort=date_time&limit=1&offset=1`)
      .expect(200);
    expect(page.body.appointments.map((a: { id: number }) => a.id)).toEqual([middle.id]);
    expect(page.headers['x-total-count']).toBe('3');
  });

  it('combines from, to, q and sort', async () => {
    const tech = await addTechnician(svc);
    const a = await book(tech.id, { date_time: at('12-14T09:00'), customer: 'Combo One' });
    await book(tech.id, { date_time: at('12-14T10:00'), customer: 'Someone Else' });
    const c = await book(tech.id, { date_time: at('12-14T11:00'), customer: 'Combo Two' });
    await book(tech.id, { date_time: at('12-15T09:00'), customer: 'Combo Late' });
    const res = await svc
      .api()
      .get(
        `/api/appointments/?technician=${tech.id}&from=${at('12-14T00:00')}&to=${at('12-15T00:00')}&q=combo&sort=-date_time`,
      )
      .expect(200);
    expect(res.body.appointments.map((x: { id: number }) => x.id)).toEqual([c.id, a.id]);
    expect(res.headers['x-total-count']).toBe('2');
  });

  it.each(['sort=price', 'from=yesterday', `to=${at('02-30T09:00')}`, `q=${'q'.repeat(101)}`])(
    'refuses the list query %s with 400',
    async (query) => {
      const res = await svc.api().get(`/api/appointments/?${query}`).expect(400);
      expect(res.body.code).toBe('validation_error');
    },
  );
});

describe('validation reads as sentences', () => {
  it.each([
    ['no technician', { technician: undefined }, 'technician', 'Choose a technician'],
    ['an empty technician', { technician: '' }, 'technician', 'Choose a technician'],
    ['no customer', { customer: undefined }, 'customer', "Enter the customer's name"],
    ['an empty customer', { customer: '  ' }, 'customer', "Enter the customer's name"],
    ['no reason', { reason: undefined }, 'reason', 'Say what the appointment is for'],
    ['an empty reason', { reason: '' }, 'reason', 'Say what the appointment is for'],
    ['no date_time', { date_time: undefined }, 'date_time', 'Enter a date and time, such as 2026-12-03T09:00'],
    [
      'a duration of 5 minutes',
      { duration_minutes: 5 },
      'duration_minutes',
      'An appointment lasts from 15 to 480 minutes, in whole minutes',
    ],
    ['an unknown technician', { technician: 987654 }, 'technician', 'Choose a technician from the list'],
  ])('%s', async (_label, change, path, message) => {
    const tech = await addTechnician(svc);
    const res = await svc
      .api()
      .post('/api/appointments/')
      .send({ ...booking(tech.id, { date_time: at('12-20T09:00') }), ...change })
      .expect(400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });
});

describe('the classic CarCar React app', () => {
  it('books with date_time from datetime-local (no offset) and the technician id as text', async () => {
    const tech = await addTechnician(svc);
    // What its form posts: every input's value as a string.
    const res = await svc
      .api()
      .post('/api/appointments/')
      .send({
        date_time: at('12-03T09:00'),
        reason: 'Oil change',
        vin: '1C3CC5FB2AN120174',
        customer: 'Jane Doe',
        technician: String(tech.id),
      })
      .expect(201);
    expect(res.body).toMatchObject({
      date_time: at('12-03T08:00:00.000Z'),
      duration_minutes: 60,
      status: 'created',
      technician: tech,
    });
  });

  it('cancels with DELETE /api/appointments/:id/', async () => {
    const tech = await addTechnician(svc);
    const appointment = await book(tech.id, { date_time: at('12-04T09:00') });
    const deleted = await svc.api().delete(`/api/appointments/${appointment.id}/`).expect(200);
    expect(deleted.body).toEqual(appointment);
    await svc.api().get(`/api/appointments/${appointment.id}/`).expect(404);
    // The slot is free again.
    await book(tech.id, { date_time: at('12-04T09:00') });
  });
});
