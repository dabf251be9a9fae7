import type { AuditEntry } from '@carcar/common/contract/audit';
import { auditReader, refusal, rewriteAttempts } from '@carcar/testing/audit';
import { asRole } from '@carcar/testing/credentials';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTechnician, at, booking, NEXT_YEAR, type ServiceApi, startServiceApi } from './helpers.js';

let svc: ServiceApi;
let trail: ReturnType<typeof auditReader>;
beforeAll(async () => {
  svc = await startServiceApi();
  trail = auditReader((path) => svc.api('manager').get(path));
});
afterAll(() => svc.close());

const SID = { kind: 'person', id: 'test-service', name: 'Sid Service', role: 'service' };
const ADA = { kind: 'person', id: 'test-admin', name: 'Ada Admin', role: 'admin' } as const;

describe('the audit trail of the service API', () => {
  it('records each write once: technicians, bookings, cancel with its reason, finish, delete', async () => {
    let techId = 0;
    let appointmentId = 0;
    let secondId = 0;
    const advisor = () => svc.api('service');
    const steps: Array<[() => Promise<unknown>, () => Partial<AuditEntry>]> = [
      [
        async () => {
          techId = (await addTechnician(svc, 'Audit')).id;
        },
        () => ({
          action: 'create',
          entity: 'technician',
          entity_id: String(techId),
          actor: ADA,
        }),
      ],
      [
        () => svc.api().put(`/api/technicians/${techId}/`).send({ active: false }).expect(200),
        () => ({ action: 'update', entity: 'technician', changes: { active: [true, false] }, actor: ADA }),
      ],
      [
        () => svc.api().put(`/api/technicians/${techId}/`).send({ active: true }).expect(200),
        () => ({ action: 'update', entity: 'technician', changes: { active: [false, true] }, actor: ADA }),
      ],
      [
        async () => {
          appointmentId = (
            await advisor()
              .post('/api/appointments/')
              .send(booking(techId, { date_time: at('06-01T09:00:00Z') }))
              .expect(201)
          ).body.id;
        },
        () => ({
          action: 'create',
          entity: 'appointment',
          entity_id: String(appointmentId),
          vin: '1C3CC5FB2AN120174',
          actor: SID as AuditEntry['actor'],
        }),
      ],
      [
        () =>
          advisor().put(`/api/appointments/${appointmentId}/cancel/`).send({ reason: 'customer called' }).expect(200),
        () => ({
          action: 'cancel',
          entity: 'appointment',
          reason: 'customer called',
          changes: { status: ['created', 'canceled'], cancel_reason: [null, 'customer called'] },
        }),
      ],
      [
        async () => {
          secondId = (
            await advisor()
              .post('/api/appointments/')
              .send(booking(techId, { date_time: at('06-02T09:00:00Z') }))
              .expect(201)
          ).body.id;
        },
        () => ({ action: 'create', entity: 'appointment', entity_id: String(secondId) }),
      ],
      [
        async () =>
          svc
            .api()
            .put(`/api/appointments/${secondId}/finish/`)
            .set(await asRole('technician', 'service-api', { id: 'tess', technician_id: techId }))
            .expect(200),
        () => ({
          action: 'finish',
          entity: 'appointment',
          actor: { kind: 'person', id: 'tess', name: 'Tess Technician', role: 'technician' },
          changes: { status: ['created', 'finished'] },
        }),
      ],
      [
        () => advisor().delete(`/api/appointments/${appointmentId}/`).expect(200),
        () => ({ action: 'delete', entity: 'appointment', entity_id: String(appointmentId) }),
      ],
    ];
    for (const [step, expected] of steps) {
      const written = await trail.during(step);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({ actor: SID, ...expected() });
    }
  });

  it('records a booking made by POST (its entry written by the statement) as the trigger records one', async () => {
    const techId = (await addTechnician(svc, 'Inline')).id;
    const fromPost = await trail.during(() =>
      svc
        .api('service')
        .post('/api/appointments/')
        .send(booking(techId, { date_time: at('07-01T09:00:00Z'), duration_minutes: 90 }))
        .expect(201),
    );
    // The same booking written by SQL, the way no route writes one: the audit trigger records it.
    const fromTrigger = await trail.during(() =>
      svc.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('carcar.audit', ${JSON.stringify({ actor: SID, request_id: 'sql' })}, true)`,
        );
        await tx.execute(sql`insert into service.appointments
          (date_time, duration_minutes, ends_at, reason, vin, customer, technician_id)
          values (${at('07-01T13:00:00Z')}, 90, ${at('07-01T14:30:00Z')}, 'Oil change', '1C3CC5FB2AN120174', 'Jane Doe', ${techId})`);
      }),
    );
    expect(fromPost).toHaveLength(1);
    expect(fromTrigger).toHaveLength(1);
    const [byStatement, byTrigger] = [fromPost[0] as AuditEntry, fromTrigger[0] as AuditEntry];
    // The same fields (no cancel reason, which is empty), each from nothing; only the id and the time differ.
    expect(Object.keys(byStatement.changes).sort()).toEqual(Object.keys(byTrigger.changes).sort());
    expect(byStatement.changes).not.toHaveProperty('cancel_reason');
    for (const [field, [before, after]] of Object.entries(byStatement.changes)) {
      expect(before, field).toBeNull();
      if (!['id', 'date_time'].includes(field)) expect(after, field).toEqual(byTrigger.changes[field]?.[1]);
    }
    // A timestamp in the trigger's own form.
    expect(byStatement.changes.date_time?.[1]).toBe(`${NEXT_YEAR}-07-01T09:00:00+00:00`);
    expect(byStatement).toMatchObject({
      action: 'create',
      entity: 'appointment',
      vin: '1C3CC5FB2AN120174',
      actor: SID,
    });
    expect(byStatement.entity_id).toBe(String(byStatement.changes.id?.[1]));
  });

  it('writes nothing for a refused request: double booking, no permission, not created, finished history', async () => {
    const tech = await addTechnician(svc, 'Busy');
    const first = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('07-01T09:00:00Z') }))
        .expect(201)
    ).body.id;
    await svc.api().put(`/api/appointments/${first}/finish/`).expect(200);
    const second = (
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('07-02T09:00:00Z') }))
        .expect(201)
    ).body.id;
    const written = await trail.during(async () => {
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { date_time: at('07-02T09:30:00Z') }))
        .expect(409);
      await svc
        .api()
        .post('/api/appointments/')
        .send(booking(tech.id, { reason: '' }))
        .expect(400);
      await svc.api('technician').put(`/api/appointments/${second}/cancel/`).expect(403);
      await svc.api().put(`/api/appointments/${first}/cancel/`).expect(409);
      await svc.api().delete(`/api/appointments/${first}/`).expect(409);
      await svc.api().delete('/api/technicians/999999/').expect(404);
    });
    expect(written).toEqual([]);
  });

  it('cannot be rewritten, and refuses a change that does not say who makes it', async () => {
    expect(await rewriteAttempts(svc.db, 'service')).toEqual([
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
    ]);
    expect(
      await refusal(
        svc.db,
        sql`insert into service.technicians (first_name, last_name, employee_id) values ('No', 'Body', 'X-1')`,
      ),
    ).toMatch(/must say who makes it/);
  });
});
