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
    expect(created.body).toEqual({
      id: created.body.id,
      first_name: 'Grace',
      last_name: 'Hopper',
      employee_id: 'E-1',
      active: true,
    });
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
    expect(res.body).toEqual({
      code: 'conflict',
      message: 'Another technician already has employee id dup-1',
      errors: [{ path: 'employee_id', message: 'Another technician already has employee id dup-1' }],
    });
  });

  it('changes any of the fields with PUT, checking each as on create', async () => {
    const tech = await addTechnician(svc, 'Katherine');
    const renamed = await svc
      .api()
      .put(`/api/technicians/${tech.id}/`)
      .send({ last_name: 'Johnson', employee_id: 'KJ-1' })
      .expect(200);
    expect(renamed.body).toEqual({ ...tech, last_name: 'Johnson', employee_id: 'KJ-1' });
    await svc.api().get(`/api/technicians/${tech.id}/`).expect(200, renamed.body);
    // An empty body changes nothing.
    await svc.api().put(`/api/technicians/${tech.id}`).send({}).expect(200, renamed.body);
    const bad = await svc.api().put(`/api/technicians/${tech.id}/`).send({ first_name: ' ', active: 'no' }).expect(400);
    expect(bad.body.errors).toEqual([
      { path: 'first_name', message: 'Enter the first name' },
      { path: 'active', message: 'Say whether they still work here (true or false)' },
    ]);
    await svc.api().get(`/api/technicians/${tech.id}/`).expect(200, renamed.body);
  });

  it('answers PUT of a duplicate employee id with 409 naming employee_id, changing nothing', async () => {
    await svc
      .api()
      .post('/api/technicians/')
      .send({ first_name: 'Tom', last_name: 'Taken', employee_id: 'T-100' })
      .expect(201);
    const tech = await addTechnician(svc);
    const res = await svc
      .api()
      .put(`/api/technicians/${tech.id}/`)
      .send({ first_name: 'Changed', employee_id: 'T-100' })
      .expect(409);
    expect(res.body).toEqual({
      message: 'Another technician already has employee id T-100',
      code: 'conflict',
      errors: [{ path: 'employee_id', message: 'Another technician already has employee id T-100' }],
    });
    await svc.api().get(`/api/technicians/${tech.id}/`).expect(200, tech);
  });

  it('answers PUT of an unknown or malformed id with 404', async () => {
    for (const id of ['9999', 'abc', '0']) {
      await svc
        .api()
        .put(`/api/technicians/${id}/`)
        .send({ first_name: 'Nobody' })
        .expect(404, { message: 'Does not exist', code: 'not_found' });
    }
  });

  it('retires a technician: gone from ?active=true, still in the full list and on their appointments', async () => {
    const tech = await addTechnician(svc, 'Retiring');
    expect(tech.active).toBe(true);
    const appointment = (await svc.api().post('/api/appointments/').send(booking(tech.id)).expect(201)).body;
    const retired = await svc.api().put(`/api/technicians/${tech.id}/`).send({ active: false }).expect(200);
    expect(retired.body).toEqual({ ...tech, active: false });

    const activeList = await svc.api().get('/api/technicians/?active=true').expect(200);
    const activeIds = activeList.body.technicians.map((t: { id: number }) => t.id);
    expect(activeIds).not.toContain(tech.id);
    expect(activeList.body.technicians.every((t: { active: boolean }) => t.active)).toBe(true);
    expect(activeList.headers['x-total-count']).toBe(String(activeIds.length));

    const full = await svc.api().get('/api/technicians/').expect(200);
    expect(full.body.technicians).toContainEqual(retired.body);
    expect(full.headers['x-total-count']).toBe(String(full.body.technicians.length));
    expect(full.body.technicians.length).toBeGreaterThan(activeIds.length);
    expect((await svc.api().get(`/api/appointments/${appointment.id}/`).expect(200)).body.technician).toEqual(
      retired.body,
    );
    // ?active=false is no filter: history keeps every technician.
    expect((await svc.api().get('/api/technicians/?active=false').expect(200)).body).toEqual(full.body);

    const back = await svc.api().put(`/api/technicians/${tech.id}/`).send({ active: true }).expect(200);
    expect(back.body.active).toBe(true);
    const again = await svc.api().get('/api/technicians/?active=true&limit=500').expect(200);
    expect(again.body.technicians.map((t: { id: number }) => t.id)).toContain(tech.id);
    await svc.api().get('/api/technicians/?active=yes').expect(400);
  });

  it('will not delete a technician that appointments reference (409), keeping the history', async () => {
    const tech = await addTechnician(svc);
    const appointment = await svc.api().post('/api/appointments/').send(booking(tech.id)).expect(201);
    await svc.api().put(`/api/appointments/${appointment.body.id}/finish/`).expect(200);
    const res = await svc.api().delete(`/api/technicians/${tech.id}/`).expect(409);
    expect(res.body.code).toBe('conflict');
    await svc.api().get(`/api/appointments/${appointment.body.id}/`).expect(200);
  });

  it('says in words what is missing or too long', async () => {
    const missing = await svc.api().post('/api/technicians/').send({}).expect(400);
    expect(missing.body.errors).toEqual([
      { path: 'first_name', message: 'Enter the first name' },
      { path: 'last_name', message: 'Enter the last name' },
      { path: 'employee_id', message: 'Enter the employee id' },
    ]);
    const long = await svc
      .api()
      .post('/api/technicians/')
      .send({ first_name: 'x'.repeat(101), last_name: 'y', employee_id: 'E-'.padEnd(51, '9') })
      .expect(400);
    expect(long.body.errors).toEqual([
      { path: 'first_name', message: 'The first name can be at most 100 characters' },
      { path: 'employee_id', message: 'The employee id can be at most 50 characters' },
    ]);
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
