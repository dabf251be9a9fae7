import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gatewayRoutes } from '@carcar/common/contract/gateway-routes';
import type { Role } from '@carcar/common/contract/permissions';
import { routeList } from '@carcar/common/contract/routes';
import type { AuditContext } from '@carcar/common/db/audit';
import { testSigner } from '@carcar/testing/credentials';
import { openTestDatabase } from '@carcar/testing/database';
import { responseCheck } from '@carcar/testing/response-check';
import request from 'supertest';
import { afterAll, afterEach } from 'vitest';
import { createGateway } from '../src/app.js';
import { gatewayEnv } from '../src/config.js';
import { hashPassword } from '../src/identity/auth/passwords.js';
import { usersRepository } from '../src/identity/users/repository.js';
import { createGatewayLogger } from '../src/logger.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

export const ADMIN = { email: 'ada@dealer.test', password: 'correct horse battery', name: 'Ada Admin' };
export const CSRF = { 'X-CarCar-CSRF': '1' };

/** Who the trail says made the accounts a test sets up straight in the database. */
export const TEST_SETUP: AuditContext = { actor: { service: 'test-setup' }, request_id: 'test-setup' };

/** Everything the gateway logs, as text, so a test can look for what must never be there. */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  text(): string {
    return this.chunks.join('');
  }
}

/**
 * Every answer of the gateway's own API (`/auth/...`) in the file's tests, checked against the schema
 * its row of the gateway's table declares (common/src/contract/gateway-routes.ts;
 * testing/src/response-check.ts): a test fails on an answer that breaks it, on an error that is not
 * the error answer, or on a 2xx from a route with no row. `startGateway` passes `answerCheck.observe`
 * as the gateway's `observeAnswer`; what it forwards to a service is not observed.
 */
export const answerCheck = responseCheck(routeList(gatewayRoutes), 'common/src/contract/gateway-routes.ts');
afterEach(() => answerCheck.assertMatched());
// What the file's `beforeAll` and `afterAll` hooks were answered, after its last test.
afterAll(() => answerCheck.assertMatched());

/**
 * The gateway on a fresh database (PGlite in memory, or TEST_DATABASE_URL) with one administrator,
 * the test signing key and a captured log. `env` overrides settings as the environment would.
 */
export async function startGateway(env: Record<string, string> = {}, options: { ghiDist?: string } = {}) {
  const database = await openTestDatabase({ schemaName: 'identity', migrationsFolder });
  const log = new LogCapture();
  const logger = createGatewayLogger('info', log);
  const config = gatewayEnv.parse(env);
  const gateway = createGateway({
    db: database.db,
    logger,
    config,
    signer: await testSigner('carcar-gateway'),
    sessionSecret: 'a test secret that is long enough to sign cookies',
    ghiDist: options.ghiDist,
    observeAnswer: answerCheck.observe,
  });
  const users = usersRepository(database.db);
  const admin = await users.create(
    {
      email: ADMIN.email,
      name: ADMIN.name,
      role: 'admin',
      passwordHash: await hashPassword(ADMIN.password),
    },
    TEST_SETUP,
  );
  return {
    ...gateway,
    db: database.db,
    database,
    users,
    admin,
    log,
    api: () => request(gateway.app),
    close: async () => {
      gateway.close();
      await database.close();
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof startGateway>>;

/**
 * One gateway (as `startGateway`) for all the tests of a file, awaited at its top level: it is
 * closed after the file's last test.
 */
export async function gatewayForFile(env: Record<string, string> = {}): Promise<TestGateway> {
  const gw = await startGateway(env);
  afterAll(() => gw.close());
  return gw;
}

let counter = 0;

/** A user made straight in the database (fast), with a unique email. */
export async function addUser(
  gw: TestGateway,
  role: Role,
  extra: { technicianId?: number; salespersonId?: number } = {},
) {
  counter += 1;
  const password = `password-${role}-${counter}-long`;
  const user = await gw.users.create(
    {
      email: `${role}${counter}@dealer.test`,
      name: `Test ${role} ${counter}`,
      role,
      passwordHash: await hashPassword(password),
      technicianId: extra.technicianId ?? null,
      salespersonId: extra.salespersonId ?? null,
    },
    TEST_SETUP,
  );
  return { ...user, password };
}

/** A supertest agent (it keeps cookies) signed in as `email`. */
export async function signedIn(gw: TestGateway, email: string, password: string) {
  const agent = request.agent(gw.app);
  await agent.post('/auth/login').set(CSRF).send({ email, password }).expect(200);
  return agent;
}

/** The `carcar.sid` value a response set, if any. */
export function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = res.headers['set-cookie'];
  const list = Array.isArray(cookies) ? (cookies as string[]) : [];
  const found = list.find((cookie) => cookie.startsWith('carcar.sid='));
  return found?.split(';')[0];
}
