import type { AuditEntry } from '@carcar/common/contract/audit';
import { sampleVin } from '@carcar/common/vin/vin';
import { auditReader, refusal, rewriteAttempts } from '@carcar/testing/audit';
import { asRole, asService } from '@carcar/testing/credentials';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inventoryWithModel } from './helpers.js';

const stock = inventoryWithModel();

const MAX = { kind: 'person', id: 'test-manager', name: 'Max Manager', role: 'manager' };

const trail = auditReader((path) => stock.inv.api('manager').get(path));

/** The newest entries of the trail, as a manager reads them. */
async function newest(count = 1): Promise<AuditEntry[]> {
  return (await stock.inv.api('manager').get(`/api/audit/?limit=${count}`).expect(200)).body.entries as AuditEntry[];
}

describe('the audit trail', () => {
  it('records every kind of write once, with who, what changed and the request id', async () => {
    const manager = await asRole('manager', 'inventory-api');
    const vin = sampleVin(4201);
    const steps: Array<{
      call: () => Promise<unknown>;
      expected: Partial<AuditEntry>;
    }> = [];
    let makerId = 0;
    let modelId = 0;
    const api = () => stock.inv.api('manager');
    steps.push({
      call: async () => {
        makerId = (
          await api()
            .post('/api/manufacturers/')
            .set('X-Request-Id', 'req-1')
            .send({ name: 'Audit Motors' })
            .expect(201)
        ).body.id;
      },
      expected: { action: 'create', entity: 'manufacturer', request_id: 'req-1', actor: MAX as AuditEntry['actor'] },
    });
    steps.push({
      call: () => api().put(`/api/manufacturers/${makerId}/`).send({ name: 'Audit Motor Co' }).expect(200),
      expected: { action: 'update', entity: 'manufacturer', changes: { name: ['Audit Motors', 'Audit Motor Co'] } },
    });
    steps.push({
      call: async () => {
        modelId = (
          await api()
            .post('/api/models/')
            .send({ name: 'Ledger', picture_url: 'https://pictures.example/l.jpg', manufacturer_id: makerId })
            .expect(201)
        ).body.id;
      },
      expected: { action: 'create', entity: 'model' },
    });
    steps.push({
      call: () => api().put(`/api/models/${modelId}/`).send({ name: 'Ledger II' }).expect(200),
      expected: { action: 'update', entity: 'model', changes: { name: ['Ledger', 'Ledger II'] } },
    });
    steps.push({
      call: () =>
        api().post('/api/automobiles/').send({ vin, color: 'red', year: 2020, model_id: modelId }).expect(201),
      expected: { action: 'create', entity: 'automobile', vin },
    });
    steps.push({
      call: () => api().put(`/api/automobiles/${vin}/`).set(manager).send({ color: 'blue' }).expect(200),
      expected: { action: 'update', entity: 'automobile', vin, changes: { color: ['red', 'blue'] } },
    });
    steps.push({
      call: async () =>
        stock.inv
          .api()
          .put(`/api/automobiles/${vin}/`)
          .set(await asService('sales-api', 'inventory-api'))
          .send({ sold: true })
          .expect(200),
      expected: {
        action: 'sold',
        entity: 'automobile',
        vin,
        actor: { service: 'sales-api' },
        changes: { sold: [false, true] },
      },
    });
    steps.push({
      call: () => api().delete(`/api/automobiles/${vin}/`).expect(200),
      expected: { action: 'delete', entity: 'automobile', vin },
    });
    steps.push({
      call: () => api().delete(`/api/models/${modelId}/`).expect(200),
      expected: { action: 'delete', entity: 'model' },
    });
    steps.push({
      call: () => api().delete(`/api/manufacturers/${makerId}/`).expect(200),
      expected: {
        action: 'delete',
        entity: 'manufacturer',
        changes: { name: ['Audit Motor Co', null] },
      },
    });
    for (const step of steps) {
      const written = await trail.during(step.call);
      expect(written, JSON.stringify(step.expected)).toHaveLength(1);
      expect(written[0]).toMatchObject({ actor: MAX, ...step.expected });
      expect(written[0]?.request_id).toMatch(/\S/);
    }
    // The create names every field it set, from nothing.
    const [created] = (await stock.inv.api('manager').get(`/api/audit/?vin=${vin}`).expect(200)).body.entries.reverse();
    expect(created.changes).toMatchObject({
      vin: [null, vin],
      color: [null, 'red'],
      year: [null, 2020],
      sold: [null, false],
    });
  });

  it('records a car created by POST (its entry written by the statement) as the trigger records an imported one', async () => {
    const [posted, imported] = [sampleVin(4301), sampleVin(4302)];
    const fromPost = await trail.during(() =>
      stock.inv
        .api('manager')
        .post('/api/automobiles/')
        .send({ vin: posted, color: 'teal', year: 2021, model_id: stock.modelId })
        .expect(201),
    );
    const fromImport = await trail.during(() =>
      stock.inv
        .api('manager')
        .post('/api/automobiles/import/')
        .set('Content-Type', 'text/csv')
        .send(`vin,color,year,model_id\n${imported},teal,2021,${stock.modelId}\n`)
        .expect(200),
    );
    expect(fromPost).toHaveLength(1);
    expect(fromImport).toHaveLength(1);
    const [byStatement, byTrigger] = [fromPost[0] as AuditEntry, fromImport[0] as AuditEntry];
    // The same fields, each from nothing; only the car's own id, VIN and arrival differ.
    expect(Object.keys(byStatement.changes).sort()).toEqual(Object.keys(byTrigger.changes).sort());
    for (const [field, [before, after]] of Object.entries(byStatement.changes)) {
      expect(before, field).toBeNull();
      if (!['id', 'vin', 'created_at', 'acquired_at'].includes(field))
        expect(after, field).toEqual(byTrigger.changes[field]?.[1]);
    }
    const shape = (entry: AuditEntry) => ({ action: entry.action, entity: entry.entity, actor: entry.actor });
    expect(shape(byStatement)).toEqual(shape(byTrigger));
    expect(byStatement).toMatchObject({ vin: posted, entity_id: String(byStatement.changes.id?.[1]) });
    expect(byTrigger).toMatchObject({ vin: imported, entity_id: String(byTrigger.changes.id?.[1]) });
  });

  it('writes nothing for a refused request: bad input, no permission, unknown, conflict', async () => {
    const vin = sampleVin(4202);
    await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
      .expect(201);
    const before = await trail.lastId();
    await stock.inv
      .api()
      .post('/api/automobiles/')
      .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
      .expect(409);
    await stock.inv.api().post('/api/manufacturers/').send({ name: '' }).expect(400);
    await stock.inv.api('sales').put(`/api/automobiles/${vin}/`).send({ color: 'green' }).expect(403);
    await stock.inv
      .api()
      .put(`/api/automobiles/${sampleVin(4299)}/`)
      .send({ color: 'green' })
      .expect(404);
    await stock.inv.api().delete(`/api/models/${stock.modelId}/`).expect(409);
    expect(await trail.since(before)).toEqual([]);
  });

  it('cannot be changed, deleted or emptied, and refuses a change that does not say who makes it', async () => {
    const { db } = stock.inv;
    const entries = await newest(1);
    expect(entries).toHaveLength(1);
    expect(await rewriteAttempts(db, 'inventory')).toEqual([
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
      expect.stringMatching(/append-only/),
    ]);
    expect(await refusal(db, sql`insert into inventory.manufacturers (name) values ('Ghost Motors')`)).toMatch(
      /must say who makes it/,
    );
    expect(await newest(1)).toEqual(entries);
  });

  it('is read by managers and administrators only, filtered by VIN, entity, actor and time', async () => {
    await stock.inv.api('sales').get('/api/audit/').expect(403);
    await stock.inv.api('technician').get('/api/audit/').expect(403);
    const vin = sampleVin(4203);
    const start = new Date(Date.now() - 1000).toISOString();
    await stock.inv
      .api('admin')
      .post('/api/automobiles/')
      .send({ vin, color: 'red', year: 2020, model_id: stock.modelId })
      .expect(201);
    const byVin = await stock.inv.api('admin').get(`/api/audit/?vin=${vin.toLowerCase()}`).expect(200);
    expect(byVin.body.entries).toHaveLength(1);
    expect(byVin.headers['x-total-count']).toBe('1');
    const entry = byVin.body.entries[0] as AuditEntry;
    const byEntity = await stock.inv
      .api()
      .get(`/api/audit/?entity=automobile&entity_id=${entry.entity_id}`)
      .expect(200);
    expect(byEntity.body.entries.map((e: AuditEntry) => e.id)).toEqual([entry.id]);
    const byActor = await stock.inv.api().get(`/api/audit/?actor=test-admin&since=${start}`).expect(200);
    expect(byActor.body.entries.map((e: AuditEntry) => e.id)).toContain(entry.id);
    const later = await stock.inv
      .api()
      .get(`/api/audit/?vin=${vin}&since=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(later.body.entries).toEqual([]);
    const bad = await stock.inv.api().get('/api/audit/?since=yesterday').expect(400);
    expect(bad.body.errors[0].path).toBe('since');
  });
});
