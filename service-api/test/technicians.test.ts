import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTechnician, booking, type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

describe('technicians', () => {
  it('creates, lists, reads and deletes with the classic JSON', async () => {
    const created = await svc
      .api()
      .post('/api/technicians/')
      .send({ first_name: 'Grace', last_name: 'Hopper', employee_id: 'E-1' })
      .expect(201);
    expect(created.body).toEqual({ id: created.body.id, first_name: 'Grace', last_name: 'Hopper', employee_id: 'E-1' });
    const list = await svc.api().get('/api/technicians/').expect(200);
    expect(list.body).toEqual({ technicians: [created.body] });
    expect(list.headers['x-total-count']).toBe('1');
    await svc.api().get(`/api/technicians/${created.body.id}/`).expect(200, created.body);
    await svc.api().delete(`/api/technicians/${created.body.id}`).expect(200, created.body);
    await svc
      .api()
      .get(`/api/technicians/${created.body.id}/`)
      .expect(404, { message: 'Does not exist', code: 'not_found' });
  });

  it('refuses a duplicate employee_id with 409', async () => {
    await svc
      .api()
      .post('/api/technicians/')
      .send({ first_name: 'A', last_name: 'B', employee_id: 'DUP-1' })
      .expect(201);
    const res = await svc
      .api()
      .post('/api/technicians/')
      .send({ first_name: 'C', last_name: 'D', employee_id: 'dup-1' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('dup-1') });
  });

  it('will not delete a technician that appointments reference (409), keeping the history', async () => {
    const tech = await addTechnician(svc);
    const appointment = await svc.api().post('/api/appointments/').send(booking(tech.id)).expect(201);
    await svc.api().put(`/api/appointments/${appointment.body.id}/finish/`).expect(200);
    const res = await svc.api().delete(`/api/technicians/${tech.id}/`).expect(409);
    expect(res.body.code).toBe('conflict');
    await svc.api().get(`/api/appointments/${appointment.body.id}/`).expect(200);
  });

  it.each([
    ['missing fields', {}, ['first_name', 'last_name', 'employee_id']],
    ['empty strings', { first_name: '', last_name: ' ', employee_id: '' }, ['first_name', 'last_name', 'employee_id']],
    ['names over 100 characters', { first_name: 'x'.repeat(101), last_name: 'y', employee_id: 'E-9' }, ['first_name']],
    ['wrong types', { first_name: 1, last_name: true, employee_id: [] }, ['first_name', 'last_name', 'employee_id']],
  ])('answers 400 for %s, writing nothing', async (_label, body, paths) => {
    const before = (await svc.api().get('/api/technicians/')).headers['x-total-count'];
    const res = await svc.api().post('/api/technicians/').send(body).expect(400);
    expect(res.body).toMatchObject({ message: 'Invalid request', code: 'validation_error' });
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect((await svc.api().get('/api/technicians/')).headers['x-total-count']).toBe(before);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['9999', 'abc', '-1', '0']) {
      await svc.api().get(`/api/technicians/${id}/`).expect(404);
      await svc.api().delete(`/api/technicians/${id}/`).expect(404);
    }
  });
});
