import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDatabase } from './helpers.js';

// A photo upload holds a key-share lock on its finding (the photo's foreign key) while it waits for
// the order; removing a line made from that finding clears the finding's `line_id` while holding
// the order. That clearing must not wait for the upload's lock, or the two deadlock. Only a server
// has concurrent transactions, so this runs on Postgres.
let opened: Awaited<ReturnType<typeof openServerDatabase>>;

beforeAll(async () => {
  opened = await openServerDatabase();
});
afterAll(() => opened?.close());

const audit = `'{"actor":{"service":"locks-test"},"request_id":"locks-test"}'`;

describe("a finding's line removed while a photo of the finding is being stored", () => {
  it("clears the finding's line without waiting for the photo's lock on the finding", async () => {
    if (!opened) throw new Error('a Postgres server is needed: set TEST_DATABASE_URL');
    const upload = new pg.Client({ connectionString: opened.url });
    const removal = new pg.Client({ connectionString: opened.url });
    await upload.connect();
    await removal.connect();
    try {
      await removal.query('begin');
      await removal.query(`select set_config('carcar.audit', ${audit}, true)`);
      const order = await removal.query<{ id: number }>(
        `insert into service.repair_orders (vin, customer_name, mileage, concern)
         values ('1C3CC5FB2AN120174', 'Lock Customer', 1, 'Noise') returning id`,
      );
      const orderId = order.rows[0]?.id;
      const line = await removal.query<{ id: number }>(
        `insert into service.repair_order_lines (repair_order_id, kind, description, quantity, unit_price, amount, status)
         values ($1, 'fee', 'Wipers', 1, 10, 10, 'proposed') returning id`,
        [orderId],
      );
      const lineId = line.rows[0]?.id;
      const item = await removal.query<{ id: number }>(
        `insert into service.inspection_items (repair_order_id, name, condition, line_id)
         values ($1, 'Wipers', 'red', $2) returning id`,
        [orderId, lineId],
      );
      await removal.query('commit');

      // What a photo's insert takes on its finding until it commits.
      await upload.query('begin');
      await upload.query('select 1 from service.inspection_items where id = $1 for key share', [item.rows[0]?.id]);

      await removal.query('begin');
      await removal.query(`select set_config('carcar.audit', ${audit}, true)`);
      await removal.query("set local lock_timeout = '2s'");
      // The line's delete sets the finding's line_id to null (on delete set null).
      await expect(
        removal.query('delete from service.repair_order_lines where id = $1', [lineId]),
      ).resolves.toBeDefined();
      await removal.query('commit');
      const after = await removal.query('select line_id from service.inspection_items where id = $1', [
        item.rows[0]?.id,
      ]);
      expect(after.rows).toEqual([{ line_id: null }]);
    } finally {
      await upload.query('rollback').catch(() => undefined);
      await upload.end();
      await removal.end();
    }
  });
});
