import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { inventoryRoutes } from '../src/contract/routes.js';
import { hrefSql } from '../src/db/href.js';

const dialect = new PgDialect();

describe('hrefSql', () => {
  it("puts the column between the row's text before and after its parameter, as literals", () => {
    expect(dialect.sqlToQuery(hrefSql(inventoryRoutes.automobiles.get, sql.raw('car.vin')))).toEqual({
      sql: "'/api/automobiles/' || car.vin || '/'",
      params: [],
    });
  });

  it('doubles a quote in the text', () => {
    expect(dialect.sqlToQuery(hrefSql({ path: "/it's/:id/" }, sql.raw('id'))).sql).toBe("'/it''s/' || id || '/'");
  });

  it('refuses a path without exactly one parameter', () => {
    expect(() => hrefSql(inventoryRoutes.automobiles.list, sql.raw('id'))).toThrow('exactly one :param');
    expect(() => hrefSql({ path: '/a/:id/b/:line/' }, sql.raw('id'))).toThrow('exactly one :param');
  });
});
