import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, migrationsUpTo } from './helpers.js';

// Migration 0013: cars in stock before `acquired_at` existed were acquired when inventory recorded
// them, not when the column was added. A database migrated up to 0012 with an old car, then to the end.

const work = mkdtempSync(path.join(tmpdir(), 'carcar-backfill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('migration 0013', () => {
  it('backfills acquired_at of the cars already in stock from their created_at', async () => {
    const dataDir = path.join(work, 'data');
    const before = await openDatabase({ schemaName: 'inventory', migrationsFolder: migrationsUpTo(work, 11), dataDir });
    await before.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('carcar.audit', '{"actor": {"service": "inventory-api"}, "request_id": "test"}', true)`,
      );
      await tx.execute(sql`insert into inventory.manufacturers (name) values ('Chrysler')`);
      await tx.execute(
        sql`insert into inventory.vehicle_models (name, picture_url, manufacturer_id) values ('Sebring', '', 1)`,
      );
      await tx.execute(sql`insert into inventory.automobiles (vin, color, year, model_id, created_at)
        values ('1C3CC5FB2AN120174', 'red', 2012, 1, '2025-03-04T05:06:07Z')`);
    });
    await before.close();

    const after = await openDatabase({ schemaName: 'inventory', migrationsFolder, dataDir });
    try {
      const [car] = await queryRows<{ acquired: string; created: string; condition: string; odometer: number }>(
        after.db,
        sql`select acquired_at::text as acquired, created_at::text as created, condition, odometer
          from inventory.automobiles where vin = '1C3CC5FB2AN120174'`,
      );
      expect(car).toMatchObject({ condition: 'new', odometer: 0 });
      expect(car?.acquired).toBe(car?.created);
      expect(new Date(car?.acquired ?? '').toISOString()).toBe('2025-03-04T05:06:07.000Z');
    } finally {
      await after.close();
    }
  });
});
