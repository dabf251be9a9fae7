import type { z } from 'zod';
import { type StaffFilter, type StaffInput, type StaffMember, staffBody, staffUpdateBody } from '../contract/people.js';
import { type Page, pageQuery } from '../db/pagination.js';
import type { TableRepository } from '../db/table-repository.js';
import { type Operation, resourceOperations } from './openapi.js';
import type { ResourceRoutes } from './routes.js';
import { queryBoolean } from './validation.js';

// The HTTP side of db/table-repository.ts: a simple table's routes and query strings. Apart from
// the repository so the database layer imports nothing from http/.

/** What a table's routes take beyond its create body: the list's query and the update body. */
export interface TableRouteSchemas<Input, Filter extends object> {
  /** `GET /`'s query: `pageQuery` extended with the filters; `pageQuery` unless given. */
  listQuery?: z.ZodType<Page & Partial<Filter>>;
  /** `PUT /:id`'s body; without it the table has no update route. */
  update?: z.ZodType<Partial<Input>>;
}

/**
 * The classic routes of such a table (`GET /`, `POST /`, `GET /:id`, `DELETE /:id`, and `PUT /:id`
 * when given an update body), for `resourceRouter`: a feature that needs nothing more names its
 * list key and its request bodies.
 */
export function tableResourceRoutes<Input, Json, Filter extends object = object>(
  listKey: string,
  body: z.ZodType<Input>,
  repository: TableRepository<Input, Json, Filter>,
  schemas: TableRouteSchemas<Input, Filter> = {},
): ResourceRoutes<Json, number, z.ZodType<Page & Partial<Filter>>, z.ZodType<Input>, z.ZodType<Partial<Input>>> {
  const update = schemas.update;
  // Every filter is optional, so a bare page is a valid (unfiltered) list query.
  const listQuery = schemas.listQuery ?? (pageQuery as unknown as z.ZodType<Page & Partial<Filter>>);
  return {
    listKey,
    list: { query: listQuery, run: repository.list },
    create: { body, run: repository.create },
    get: repository.get,
    ...(update ? { update: { body: update, run: repository.update } } : {}),
    delete: repository.delete,
  };
}

/** `GET /api/technicians/` and `GET /api/salespeople/`: a page, and `?active=true` for the pickers. */
export const staffListQuery = pageQuery.extend({ active: queryBoolean.optional() });

/** The routes of a staff table: the classic ones, `PUT /:id` and `?active=true`. */
export function staffRoutes(listKey: string, repository: TableRepository<StaffInput, StaffMember, StaffFilter>) {
  return tableResourceRoutes(listKey, staffBody, repository, { listQuery: staffListQuery, update: staffUpdateBody });
}

/** How a service's OpenAPI document words its staff table's operations (`staffRoutes`). */
export interface StaffDocs {
  /** The collection's path, and its list envelope's key (`technicians`), which names the staff too. */
  path: string;
  listKey: string;
  example: StaffMember;
  /** One of them: `technician`. */
  one: string;
  /** What the active ones are offered for: `booking`. */
  offeredFor: string;
  /** What a retired one keeps: `their appointments`. */
  keeps: string;
  /** What refuses a delete (409): `appointments reference it`. */
  referencedBy: string;
}

/** The operations `staffRoutes` answers, as a service's OpenAPI document lists them. */
export function staffOperations(docs: StaffDocs): Operation[] {
  return resourceOperations({
    path: docs.path,
    listKey: docs.listKey,
    example: docs.example,
    list: {
      summary: `List ${docs.listKey}; ?active=true only those still working (for ${docs.offeredFor})`,
      query: staffListQuery,
    },
    create: { summary: `Add a ${docs.one} (employee_id unique)`, body: staffBody },
    get: { summary: `Get a ${docs.one}` },
    update: {
      summary: `Change a ${docs.one} (any fields); "active": false retires them, keeping ${docs.keeps}`,
      body: staffUpdateBody,
      example: { ...docs.example, active: false },
    },
    delete: { summary: `Delete a ${docs.one} (409 while ${docs.referencedBy})` },
  });
}
