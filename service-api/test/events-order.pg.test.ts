import { emitEvent } from '@carcar/common/events/table';
import { asGateway } from '@carcar/testing/credentials';
import { heldOpen } from '@carcar/testing/database';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../src/db/schema.js';
import { type ServiceApi, startServiceApi } from './helpers.js';

// The gateway never reads below the last seq it queued, so the webhook events feed's seq order must
// be commit order with several connections writing at once: only a Postgres server has those.
let svc: ServiceApi;
beforeAll(async () => {
  svc = await startServiceApi();
});
afterAll(() => svc.close());

interface Page {
  events: Array<{ seq: number; entity_id: string }>;
  next: number;
}

async function feedAfter(after: number): Promise<Page> {
  return (
    await request(svc.app)
      .get(`/api/events/?after=${after}&limit=500`)
      .set(await asGateway('service-api'))
      .expect(200)
  ).body as Page;
}

const event = (id: number) => ({
  type: 'appointment.created' as const,
  entity: 'appointment',
  entityId: id,
  data: { id },
});

describe('the webhook events feed under concurrent writers', () => {
  it('numbers events in commit order', async () => {
    const { next: start } = await feedAfter(0);
    // The first writer appends, then stays open until the second one has committed.
    const first = await heldOpen(svc.db, (tx) => emitEvent(tx, events, event(1)));
    await svc.db.transaction((tx) => emitEvent(tx, events, event(2)));

    // A reader now sees the second event only and moves past it ...
    const seen = await feedAfter(start);
    expect(seen.events.map((e) => e.entity_id)).toEqual(['2']);
    await first.commit();
    // ... and still gets the first, which committed later, on its next read.
    const later = await feedAfter(seen.next);
    expect(later.events.map((e) => e.entity_id)).toEqual(['1']);
  });
});
