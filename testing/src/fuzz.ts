import { type Role, roles } from '@carcar/common/contract/permissions';
import type { Db } from '@carcar/common/db/database';
import { queryRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import type { Express } from 'express';
import fc from 'fast-check';
import request from 'supertest';

/** One endpoint of a service; `:param` in the path is filled with hostile values. */
export interface FuzzEndpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
}

// Keys of every request body in the contract, so generated bodies reach the validators' inner rules.
const bodyKeys = [
  'name',
  'picture_url',
  'manufacturer_id',
  'color',
  'year',
  'vin',
  'model_id',
  'sold',
  'first_name',
  'last_name',
  'employee_id',
  'date_time',
  'reason',
  'customer',
  'technician',
  'duration_minutes',
  'address',
  'phone_number',
  'automobile',
  'salesperson',
  'price',
];
// `wait` is left out: a valid one holds the request open for up to 30 s by design.
const queryKeys = [
  'limit',
  'offset',
  'sold',
  'q',
  'vin',
  'status',
  'technician',
  'date',
  'salesperson',
  'customer',
  'after',
  'from',
  'to',
  'sort',
  'active',
  'include_voided',
  'reason',
];

const hostile = fc.constantFrom(
  "'; drop table automobiles; --",
  "1' or '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uffff\ud800',
  '🚗🔧'.repeat(30),
  'Ω≈ç√∫'.repeat(50),
  ' ',
  '',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999',
  '2147483648',
  '1HGCM82633A004352',
  '1hgcm82633a004352',
  '1G1YZ23J9P5800003',
  '2026-05-01T14:30:00Z',
  '2026-05-01T14:30:00',
  'true',
  'null',
);

const scalar = fc.oneof(
  hostile,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.nat({ max: 20 }),
);

const bodyArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...bodyKeys), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant('x'.repeat(120_000)).map((s) => ({ name: s })),
);
const rawBodyArb = fc.oneof(fc.constant('{"name": '), fc.string({ maxLength: 100 }), fc.constant('{"a":1}}'));
const paramArb = fc.oneof(
  hostile,
  fc.integer().map(String),
  fc.nat({ max: 30 }).map(String),
  fc.string({ maxLength: 40 }),
);
const queryArb = fc.dictionary(
  fc.constantFrom(...queryKeys),
  fc.oneof(hostile, fc.string({ maxLength: 30 }), fc.integer().map(String)),
  {
    maxKeys: 4,
  },
);

/** A URL cannot carry a lone surrogate (encodeURIComponent throws), so those become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Row counts and an md5 of every row of the service's tables: equal means nothing was written. */
async function checksum(db: Db, schema: string): Promise<string> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = ${schema} order by table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: string; digest: string | null }>(
      db,
      sql`select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(schema)}.${sql.identifier(table_name)} t`,
    );
    parts.push(`${table_name}:${row?.n}:${row?.digest}`);
  }
  return parts.join(',');
}

// Mostly an administrator, so requests get past the permission check to the validators; every
// other role too, so refusals (403) are fuzzed as well.
const roleArb = fc.oneof(
  { arbitrary: fc.constant<Role>('admin'), weight: 3 },
  { arbitrary: fc.constantFrom(...roles), weight: 2 },
);

/**
 * Sends random, malformed and hostile requests to every endpoint, as a person of a random role.
 * For each: no 5xx; every 4xx is the contract's error JSON; a rejected request leaves the database
 * exactly as it was.
 */
export async function fuzzService(options: {
  app: Express;
  /** The credential of a role, for this service's audience. */
  headers: (role: Role) => Record<string, string>;
  db: Db;
  schema: string;
  endpoints: FuzzEndpoint[];
  numRuns: number;
  seed?: number;
}): Promise<void> {
  const caseArb = fc.record({
    endpoint: fc.constantFrom(...options.endpoints),
    param: paramArb,
    query: queryArb,
    body: fc.oneof({ arbitrary: bodyArb, weight: 4 }, { arbitrary: rawBodyArb.map((raw) => ({ raw })), weight: 1 }),
    role: roleArb,
  });
  // The state after a refused request is the state before the next one: no need to read it twice.
  let known: string | undefined;
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ endpoint, param, query, body, role }) => {
      const before = known ?? (await checksum(options.db, options.schema));
      known = undefined;
      const path = endpoint.path.replace(/:\w+/, encodeURIComponent(wellFormed(param)));
      const search = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, wellFormed(value)]));
      let req = request(options.app)[endpoint.method](path).set(options.headers(role)).query(search);
      if (endpoint.method === 'post' || endpoint.method === 'put') {
        const isRaw = typeof body === 'object' && body !== null && 'raw' in body && typeof body.raw === 'string';
        // Sent as text, so any JSON value (a bare number, null) and malformed JSON alike reach the server.
        req = req
          .set('Content-Type', 'application/json')
          .send(isRaw ? (body.raw as string) : wellFormed(JSON.stringify(body) ?? 'null'));
      }
      const res = await req;
      if (res.status >= 500)
        throw new Error(`${endpoint.method.toUpperCase()} ${path} answered ${res.status}: ${res.text}`);
      if (res.status >= 400) {
        if (typeof res.body?.message !== 'string' || typeof res.body?.code !== 'string') {
          throw new Error(
            `${endpoint.method.toUpperCase()} ${path} answered ${res.status} without the error JSON: ${res.text}`,
          );
        }
        const after = await checksum(options.db, options.schema);
        if (after !== before)
          throw new Error(`${endpoint.method.toUpperCase()} ${path} was refused (${res.status}) but wrote`);
        known = after;
      }
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }), verbose: 1 },
  );
}

/**
 * `FUZZ_RUNS` and `FUZZ_SEED` (printed by a failing run) make a longer campaign or a replay. On a
 * Postgres server (`TEST_DATABASE_URL`, CI's second pass) a quarter of the default runs: what the
 * fuzzer finds is in the validators and the refusals, the same on both databases, and the first
 * pass ran the full count on the same code.
 */
export function fuzzSettings(defaultRuns: number): { numRuns: number; seed?: number } {
  const byDefault = process.env.TEST_DATABASE_URL ? Math.ceil(defaultRuns / 4) : defaultRuns;
  const runs = Number(process.env.FUZZ_RUNS ?? byDefault);
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns: runs, ...(seed === undefined ? {} : { seed }) };
}
