import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveLine, orderWithPartLine, type ServiceApi, startServiceApi } from './helpers.js';

// Two approvals taking the last unit of a part at the same moment, on a Postgres server (pooled
// connections, real concurrency): both count. The take is one `on_hand = on_hand - q` statement,
// so the second waits for the first's row lock and subtracts from its result: on_hand ends at -1,
// never at 0 (a lost update), and exactly one of the two lines is backordered.

let svc: ServiceApi;
beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is required for *.pg.test.ts');
  svc = await startServiceApi();
});
afterAll(() => svc?.close());

describe('two approvals racing for the last unit (Postgres)', () => {
  it('leaves on_hand at -1 and one line backordered, round after round', async () => {
    for (let round = 0; round < 8; round++) {
      const number = `LAST-${round}`;
      await svc
        .api('service')
        .post('/api/parts/')
        .send({ number, description: 'The last one on the shelf', price: 10, on_hand: 1 })
        .expect(201);
      const pair = [await orderWithPartLine(svc, number), await orderWithPartLine(svc, number)];
      const answers = await Promise.all(pair.map(({ order, line }) => approveLine(svc, order.id, line.id)));
      for (const answer of answers) expect(answer.status).toBe(200);
      const part = (await svc.api('service').get(`/api/parts/${number}/`).expect(200)).body;
      expect(part.on_hand).toBe(-1);
      const backordered = answers.map(
        (answer, index) =>
          (answer.body as RepairOrder).lines.find((line) => line.id === pair[index]?.line.id)?.backordered,
      );
      expect(backordered.sort()).toEqual([false, true]);
      const movements = (await svc.api('service').get(`/api/parts/${number}/movements/`).expect(200)).body.movements;
      expect(movements.filter((m: { reason: string }) => m.reason === 'repair_order')).toHaveLength(2);
    }
  });
});
