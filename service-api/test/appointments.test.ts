import { asRole } from '@carcar/testing/credentials';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceAutomobileStore } from '../src/automobiles/store.js';
import { addTechnician, at, booking, NEXT_YEAR, type ServiceApi, startServiceApi, weekday } from './helpers.js';

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi('America/Chicago');
});
afterAll(() => svc.close());

const total = async () => Number((await svc.api().get('/api/appointments/').expect(200)).headers['x-total-count']);

describe('appointments', () => {
  it('books an appointment with the classic JSON', async () => {
    const tech = await addTechnician(svc);
    const res = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('05-01T09:30:00-05:00'), vin: '1c3cc5fb2an120174' }))
      .expect(201);
    expect(res.body).toEqual({
      id: res.body.id,
      date_time: at('05-01T14:30:00.000Z'),
      duration_minutes: 60,
      reason: 'Oil change',
      status: 'created',
      vin: '1C3CC5FB2AN120174',
      customer: 'Jane Doe',
      technician: tech,
      vip: false,
      cancel_reason: null,
    });
    await svc.api().get(`/api/appointments/${res.body.id}/`).expect(200, res.body);
    const deleted = await svc.api().delete(`/api/appointments/${res.body.id}/`).expect(200);
    expect(deleted.body).toEqual(res.body);
    await svc.api().get(`/api/appointments/${res.body.id}/`).expect(404);
  });

  it('cancels and finishes only created appointments', async () => {
    const tech = await addTechnician(svc);
    const a = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('06-01T10:00:00Z') }))
        .expect(201)
    ).body;
    const b = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('06-01T12:00:00Z') }))
        .expect(201)
    ).body;
    expect((await svc.api().put(`/api/appointments/${a.id}/cancel/`).expect(200)).body).toEqual({
      ...a,
      status: 'canceled',
    });
    expect((await svc.api().put(`/api/appointments/${b.id}/finish`).expect(200)).body).toEqual({
      ...b,
      status: 'finished',
    });
    for (const [id, action] of [
      [a.id, 'cancel'],
      [a.id, 'finish'],
      [b.id, 'cancel'],
      [b.id, 'finish'],
    ]) {
      const res = await svc.api().put(`/api/appointments/${id}/${action}/`).expect(409);
      expect(res.body).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('Only a created appointment'),
      });
    }
    expect((await svc.api().get(`/api/appointments/${a.id}/`)).body.status).toBe('canceled');
    await svc.api().put('/api/appointments/99999/cancel/').expect(404);
    await svc.api().put('/api/appointments/99999/finish/').expect(404);
  });

  it('refuses an overlapping booking of the same technician with 409 naming the appointment', async () => {
    const tech = await addTechnician(svc);
    const other = await addTechnician(svc);
    const first = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('07-01T10:00:00Z'), duration_minutes: 90 }))
        .expect(201)
    ).body;
    const before = await total();
    const clash = await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('07-01T11:00:00Z') }))
      .expect(409);
    expect(clash.body).toMatchObject({ code: 'conflict', conflicting_appointment: { id: first.id } });
    expect(clash.body.message).toBe(
      `Ada Lovelace is already booked from 05:00 to 06:30 on ${weekday(NEXT_YEAR, 7, 1)} 1 Jul ${NEXT_YEAR} for Jane Doe (Oil change). ` +
        'They are next free at 06:30.',
    );
    expect(await total()).toBe(before);
    // Back to back is fine, and so is another technician at the same time.
    await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('07-01T11:30:00Z') }))
      .expect(201);
    await svc
      .api()
      .post('/api/appointments/')
      .send(booking(other.id, { date_time: at('07-01T10:30:00Z') }))
      .expect(201);
    // A canceled appointment frees its slot.
    await svc.api().put(`/api/appointments/${first.id}/cancel/`).expect(200);
    await svc
      .api()
      .post('/api/appointments/')
      .send(booking(tech.id, { date_time: at('07-01T10:00:00Z'), duration_minutes: 30 }))
      .expect(201);
  });

  it('gives exactly one of 20 concurrent overlapping bookings of one technician', async () => {
    const tech = await addTechnician(svc);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        svc
          .api()
          .post('/api/appointments/')
          .send(
            booking(tech.id, {
              date_time: at(`08-01T10:${String(i).padStart(2, '0')}:00Z`),
              customer: `Customer ${i}`,
            }),
          ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const stored = await svc.api().get(`/api/appointments/?technician=${tech.id}&status=created`).expect(200);
    expect(stored.body.appointments).toHaveLength(1);
  });

  it('returns the service history of a VIN, all statuses, newest first', async () => {
    const tech = await addTechnician(svc);
    const vin = '1GC4K0C87FF132904';
    const ids: number[] = [];
    for (const day of [at('01-10'), at('03-10'), at('02-10')]) {
      ids.push(
        (
          await svc
            .api()
            .post('/api/appointments/')
            .send(booking(tech.id, { vin, date_time: `${day}T09:00:00Z` }))
            .expect(201)
        ).body.id,
      );
    }
    await svc.api().put(`/api/appointments/${ids[0]}/finish/`).expect(200);
    await svc.api().put(`/api/appointments/${ids[2]}/cancel/`).expect(200);
    const res = await svc.api().get(`/api/appointments/?vin=${vin.toLowerCase()}`).expect(200);
    expect(res.body.appointments.map((a: { id: number; status: string }) => [a.id, a.status])).toEqual([
      [ids[1], 'created'],
      [ids[2], 'canceled'],
      [ids[0], 'finished'],
    ]);
  });

  it('filters by status, technician and the dealership-local date', async () => {
    const tech = await addTechnician(svc);
    // 23:30 in Chicago on 1 September is 04:30 UTC on 2 September.
    const late = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('09-01T23:30:00-05:00') }))
        .expect(201)
    ).body;
    const next = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('09-02T08:00:00-05:00') }))
        .expect(201)
    ).body;
    const ids = async (query: string) =>
      ((await svc.api().get(`/api/appointments/?${query}`).expect(200)).body.appointments as { id: number }[]).map(
        (a) => a.id,
      );
    expect(await ids(`technician=${tech.id}&date=${at('09-01')}`)).toEqual([late.id]);
    expect(await ids(`technician=${tech.id}&date=${at('09-02')}`)).toEqual([next.id]);
    await svc.api().put(`/api/appointments/${next.id}/cancel/`).expect(200);
    expect(await ids(`technician=${tech.id}&status=canceled`)).toEqual([next.id]);
    expect(await ids(`technician=${tech.id}&status=created`)).toEqual([late.id]);
    const page = await svc.api().get(`/api/appointments/?technician=${tech.id}&limit=1`).expect(200);
    expect(page.body.appointments).toHaveLength(1);
    expect(page.headers['x-total-count']).toBe('2');
  });

  it('marks appointments VIP from the moment the VIN is in the local AutomobileVO copy', async () => {
    const tech = await addTechnician(svc);
    const vin = '1FTMW1T88MFA00001';
    const appt = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { vin, date_time: at('10-01T09:00:00Z') }))
        .expect(201)
    ).body;
    expect(appt.vip).toBe(false);
    const change = {
      seq: 5,
      deleted: false,
      vin,
      sold: true,
      year: 2021,
      color: 'red',
      model: { name: 'F-150', manufacturer: { name: 'Ford' } },
    };
    await serviceAutomobileStore(svc.db).apply([change], 5);
    expect((await svc.api().get(`/api/appointments/${appt.id}/`).expect(200)).body.vip).toBe(true);
    // Still VIP after the car leaves inventory: it was ours once.
    await serviceAutomobileStore(svc.db).apply([{ ...change, seq: 6, deleted: true }], 6);
    expect((await svc.api().get(`/api/appointments/?vin=${vin}`).expect(200)).body.appointments[0].vip).toBe(true);
    expect(await serviceAutomobileStore(svc.db).readCursor()).toBe(6);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    it.each([
      ['a date_time on a day that does not exist', { date_time: at('02-30T14:30') }, 'date_time'],
      ['a date_time that is not a date', { date_time: 'tomorrow' }, 'date_time'],
      ['a non-integer duration', { duration_minutes: 30.5 }, 'duration_minutes'],
      ['a duration under 15', { duration_minutes: 10 }, 'duration_minutes'],
      ['a duration over 480', { duration_minutes: 481 }, 'duration_minutes'],
      ['a duration of the wrong type', { duration_minutes: 'long' }, 'duration_minutes'],
      ['an empty reason', { reason: '' }, 'reason'],
      ['a reason over 200 characters', { reason: 'r'.repeat(201) }, 'reason'],
      ['a customer over 100 characters', { customer: 'c'.repeat(101) }, 'customer'],
      ['a malformed VIN', { vin: '1C3CC5FB2AN12017' }, 'vin'],
      ['a VIN with O', { vin: '1C3CC5FB2AN12O174' }, 'vin'],
      ['a North American VIN with a wrong check digit', { vin: '1G1YZ23J9P5800003' }, 'vin'],
      ['a technician of the wrong type', { technician: 'Ada' }, 'technician'],
      ['an unknown technician', { technician: 424242 }, 'technician'],
    ])('%s', async (_label, change, path) => {
      const tech = await addTechnician(svc);
      const before = await total();
      const res = await svc
        .api()
        .post('/api/appointments/')
        .send({ ...booking(tech.id, { date_time: at('12-01T10:00:00Z') }), ...change })
        .expect(400);
      expect(res.body).toMatchObject({ message: 'Invalid request', code: 'validation_error' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await total()).toBe(before);
    });

    it.each(['status=open', 'technician=abc', 'date=2026-13-45', 'date=yesterday', 'limit=0', `vin=${'A'.repeat(18)}`])(
      'the list query %s',
      async (query) => {
        const res = await svc.api().get(`/api/appointments/?${query}`).expect(400);
        expect(res.body.code).toBe('validation_error');
      },
    );

    it('malformed JSON', async () => {
      await svc.api().post('/api/appointments/').set('Content-Type', 'application/json').send('{"vin":').expect(400);
    });
  });
});

describe('finishing as a technician', () => {
  it("finishes only the technician's own appointments; an advisor finishes anyone's", async () => {
    const ada = await addTechnician(svc, 'Ada');
    const grace = await addTechnician(svc, 'Grace');
    const book = async (technician: number, time: string) =>
      (
        await svc
          .api()
          .post('/api/appointments/')
          .send(booking(technician, { date_time: at(time) }))
          .expect(201)
      ).body.id as number;
    const adas = await book(ada.id, '09-01T09:00:00Z');
    const graces = await book(grace.id, '09-01T09:00:00Z');
    const asAda = await asRole('technician', 'service-api', { id: 'ada', technician_id: ada.id });

    const refused = await svc.api().put(`/api/appointments/${graces}/finish/`).set(asAda).expect(403);
    expect(refused.body).toEqual({
      message: 'You do not have permission to finish appointments',
      code: 'forbidden',
    });
    expect((await svc.api().get(`/api/appointments/${graces}/`).expect(200)).body.status).toBe('created');
    const mine = await svc.api().put(`/api/appointments/${adas}/finish/`).set(asAda).expect(200);
    expect(mine.body.status).toBe('finished');
    // Not linked to any technician: nothing is theirs.
    const unlinked = await asRole('technician', 'service-api', { id: 'new-hire' });
    await svc.api().put(`/api/appointments/${graces}/finish/`).set(unlinked).expect(403);
    // A missing appointment is a 404 for them too, not a 403 that hints it might exist.
    await svc.api().put('/api/appointments/999999/finish/').set(asAda).expect(404);
    // Technicians never cancel or book.
    await svc.api().put(`/api/appointments/${graces}/cancel/`).set(asAda).expect(403);
    const advisor = await svc.api('service').put(`/api/appointments/${graces}/finish/`).expect(200);
    expect(advisor.body.status).toBe('finished');
  });
});
