import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createPgliteTemplate } from '../src/db/pglite-template.js';
import { queryRows } from '../src/db/statements.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'carcar-template-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const migrationsFolder = new URL('../../inventory-api/drizzle', import.meta.url).pathname;

describe('the PGlite template npm start makes once', () => {
  it('is made once and left alone after that', async () => {
    const template = path.join(root, 'made-once');
    await createPgliteTemplate(template);
    expect(existsSync(path.join(template, 'PG_VERSION'))).toBe(true);
    const madeAt = statSync(template).mtimeMs;
    await createPgliteTemplate(template);
    expect(statSync(template).mtimeMs).toBe(madeAt);
  });

  it('starts a new data folder as its copy, migrates it, and never touches an existing folder again', async () => {
    const template = path.join(root, 'marked');
    await createPgliteTemplate(template);
    // A mark in the template shows that the service's folder came from it and not from initdb.
    const marking = await PGlite.create({ dataDir: template });
    await marking.exec('create table public.template_mark (id int); insert into public.template_mark values (7)');
    await marking.close();

    const dataDir = path.join(root, 'data');
    const first = await openDatabase({ schemaName: 'inventory', migrationsFolder, dataDir, pgliteTemplate: template });
    const marks = await queryRows<{ id: number }>(first.db, sql`select id from public.template_mark`);
    expect(marks).toEqual([{ id: 7 }]);
    await first.db.execute(sql`delete from public.template_mark`);
    const tables = await queryRows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'inventory'`,
    );
    expect(tables[0]?.n).toBeGreaterThan(0);
    await first.close();

    const again = await openDatabase({ schemaName: 'inventory', migrationsFolder, dataDir, pgliteTemplate: template });
    expect(await queryRows(again.db, sql`select id from public.template_mark`)).toEqual([]);
    await again.close();
  });

  it('falls back to initdb when the template named is missing', async () => {
    const dataDir = path.join(root, 'no-template');
    const database = await openDatabase({
      schemaName: 'inventory',
      migrationsFolder,
      dataDir,
      pgliteTemplate: path.join(root, 'missing'),
    });
    const rows = await queryRows<{ ok: number }>(database.db, sql`select 1 as ok`);
    expect(rows).toEqual([{ ok: 1 }]);
    await database.close();
  });
});
