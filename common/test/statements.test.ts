import { createTestDatabaseUrl } from '@carcar/testing/database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditContext, audited } from '../src/db/audit.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { translatePgError } from '../src/db/pg-errors.js';
import { prepareRows, queryRows, statementName, statementsByFilters } from '../src/db/statements.js';
import { AppError } from '../src/errors.js';

// Inventory's migrations give the test real tables with unique and foreign-key constraints.
const migrationsFolder = new URL('../../inventory-api/drizzle', import.meta.url).pathname;
let database: Database;
let server: Awaited<ReturnType<typeof createTestDatabaseUrl>>;

beforeAll(async () => {
  server = await createTestDatabaseUrl();
  // One connection, so a statement prepared by one query is visible to the next.
  database = await openDatabase({ schemaName: 'inventory', migrationsFolder, databaseUrl: server?.url, poolSize: 1 });
});
afterAll(async () => {
  await database?.close();
  await server?.drop();
});

describe('prepareRows (the one call into Drizzle internals)', () => {
  it('runs raw SQL with placeholders, again and again with new values', async () => {
    const square = prepareRows<{ n: number }, { x: number }>(
      database.db,
      'test_square',
      sql`select (${sql.placeholder('x')}::int * ${sql.placeholder('x')}::int) as n`,
    );
    expect(await square({ x: 3 })).toEqual([{ n: 9 }]);
    expect(await square({ x: 12 })).toEqual([{ n: 144 }]);
  });

  it('is a named statement on a Postgres server, planned once per connection', async () => {
    if (database.kind !== 'postgres') return;
    const one = prepareRows<{ one: number }, Record<string, never>>(
      database.db,
      'test_named_one',
      sql`select 1 as one`,
    );
    await one({});
    const names = await queryRows<{ name: string }>(database.db, sql`select name from pg_prepared_statements`);
    expect(names.map((row) => row.name)).toContain('test_named_one');
  });
});

describe('statementsByFilters', () => {
  it('names each combination by the filters it has and builds it once', () => {
    const built: Array<{ name: string; present: Record<string, boolean> }> = [];
    const statementFor = statementsByFilters(
      'cars',
      { color: (q: { color?: string; limit?: number }) => q.color !== undefined, limit: (q) => q.limit !== undefined },
      (name, present) => {
        built.push({ name, present: { ...present } });
        return name;
      },
    );
    expect(statementFor({})).toBe('cars');
    expect(statementFor({ color: 'red' })).toBe('cars_color');
    expect(statementFor({ color: 'blue', limit: 5 })).toBe('cars_color_limit');
    expect(statementFor({ limit: 1 })).toBe('cars_limit');
    expect(statementFor({ color: 'green' })).toBe('cars_color');
    expect(built).toEqual([
      { name: 'cars', present: { color: false, limit: false } },
      { name: 'cars_color', present: { color: true, limit: false } },
      { name: 'cars_color_limit', present: { color: true, limit: true } },
      { name: 'cars_limit', present: { color: false, limit: true } },
    ]);
  });
});

describe('statementName', () => {
  it('keeps short names and makes long ones distinct within the 63 bytes Postgres keeps', async () => {
    expect(statementName('sales_vin_limit')).toBe('sales_vin_limit');
    const long = `list_${'filter_'.repeat(10)}`;
    const a = statementName(`${long}a`);
    const b = statementName(`${long}b`);
    expect(a).not.toBe(b);
    expect(`${a}_count`.length).toBeLessThanOrEqual(63);
    // Both prepared on one connection: with names cut by Postgres they would collide.
    const first = prepareRows<{ n: number }, Record<string, never>>(database.db, a, sql`select 1 as n`);
    const second = prepareRows<{ n: number }, Record<string, never>>(database.db, b, sql`select 2 as n`);
    expect(await first({})).toEqual([{ n: 1 }]);
    expect(await second({})).toEqual([{ n: 2 }]);
  });
});

const TEST_AUDIT: AuditContext = { actor: { service: 'statements-test' }, request_id: 'statements-test' };

describe('translatePgError', () => {
  const meanings = {
    unique: { path: 'name', message: 'A manufacturer with this name already exists' },
    missingReference: { path: 'manufacturer_id', message: 'Choose a manufacturer that exists' },
    stillReferenced: 'This manufacturer still has vehicle models; delete them first',
  };
  // An insert or update passes `unique` and `missingReference`; a delete passes `stillReferenced`.
  // Inventory's tables are audited: each statement says who runs it, as the service's do.
  const asTest = (query: ReturnType<typeof sql>) => audited(database.db, TEST_AUDIT, (tx) => tx.execute(query));
  const failure = (query: ReturnType<typeof sql>, kind: 'write' | 'delete' = 'write') =>
    asTest(query).then(
      () => Promise.reject(new Error('the statement should have failed')),
      translatePgError(
        kind === 'write'
          ? { unique: meanings.unique, missingReference: meanings.missingReference }
          : { stillReferenced: meanings.stillReferenced },
      ),
    );

  beforeAll(async () => {
    await asTest(sql`insert into inventory.manufacturers (name) values ('Ford')`);
    await asTest(sql`insert into inventory.vehicle_models (name, picture_url, manufacturer_id)
      select 'F-150', 'https://pictures.example/f150.jpg', id from inventory.manufacturers where name = 'Ford'`);
  });

  it('answers 409 naming the field for a unique value already taken', async () => {
    const error = await failure(sql`insert into inventory.manufacturers (name) values ('Ford')`).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.toJSON()).toEqual({
      message: meanings.unique.message,
      code: 'conflict',
      errors: [meanings.unique],
    });
    expect(error.status).toBe(409);
  });

  it('answers 400 on the field for a reference to nothing', async () => {
    const error = await failure(
      sql`insert into inventory.vehicle_models (name, picture_url, manufacturer_id) values ('X', 'https://x.example/', 999999)`,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.toJSON()).toMatchObject({ code: 'validation_error', errors: [meanings.missingReference] });
  });

  it('answers 409 for deleting a row others still reference, and rethrows anything else', async () => {
    const error = await failure(sql`delete from inventory.manufacturers where name = 'Ford'`, 'delete').catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.toJSON()).toEqual({ message: meanings.stillReferenced, code: 'conflict' });
    const other = await failure(sql`select 1 / 0`).catch((e) => e);
    expect(other).not.toBeInstanceOf(AppError);
  });
});
