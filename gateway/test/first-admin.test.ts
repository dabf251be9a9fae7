import { openTestDatabase } from '@carcar/testing/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/identity/auth/passwords.js';
import { ensureFirstAdmin, GENERATED_ADMIN_EMAIL } from '../src/identity/users/first-admin.js';
import { usersRepository } from '../src/identity/users/repository.js';
import { createGatewayLogger } from '../src/logger.js';
import { LogCapture, migrationsFolder, TEST_SETUP } from './helpers.js';

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

let databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.close();
});

async function freshUsers() {
  const database = await openTestDatabase({ schemaName: 'identity', migrationsFolder });
  databases.push(database);
  return usersRepository(database.db);
}

function run(users: ReturnType<typeof usersRepository>, configured?: { email: string; password: string }) {
  const printed: string[] = [];
  const log = new LogCapture();
  const done = ensureFirstAdmin({
    users,
    logger: createGatewayLogger('info', log),
    configured,
    publicOrigin: 'http://localhost:3000',
    print: (text) => printed.push(text),
  });
  return done.then(() => ({ printed, log: log.text() }));
}

beforeAll(() => {
  databases = [];
});

describe('the first administrator', () => {
  it('is made from CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD, once', async () => {
    const users = await freshUsers();
    const configured = { email: 'Boss@Dealer.test', password: 'the boss password' };
    const first = await run(users, configured);
    expect(first.printed).toEqual([]);
    expect(first.log).not.toContain(configured.password);
    const [admin, ...others] = await users.list();
    expect(others).toEqual([]);
    expect(admin).toMatchObject({ email: 'boss@dealer.test', role: 'admin', disabled: false });
    const stored = await users.findForSignIn('boss@dealer.test');
    expect(await verifyPassword(stored?.passwordHash ?? '', configured.password)).toBe(true);

    await run(users, { email: 'other@dealer.test', password: 'another password' });
    expect((await users.list()).map((u) => u.email)).toEqual(['boss@dealer.test']);
  });

  it('without settings, gets a generated password printed once, plainly', async () => {
    const users = await freshUsers();
    const first = await run(users);
    expect(first.printed).toHaveLength(1);
    const notice = first.printed[0] as string;
    expect(notice).toContain('http://localhost:3000');
    expect(notice).toContain(GENERATED_ADMIN_EMAIL);
    const password = /Password:\s+(\S+)/.exec(notice)?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(first.log).not.toContain(password);
    const stored = await users.findForSignIn(GENERATED_ADMIN_EMAIL);
    expect(await verifyPassword(stored?.passwordHash ?? '', password)).toBe(true);

    const again = await run(users);
    expect(again.printed).toEqual([]);
    expect(await users.list()).toHaveLength(1);
  });

  it('does nothing when users exist', async () => {
    const users = await freshUsers();
    await users.create({ email: 'someone@dealer.test', name: 'Someone', role: 'sales', passwordHash: 'x' }, TEST_SETUP);
    const result = await run(users, { email: 'boss@dealer.test', password: 'the boss password' });
    expect(result.printed).toEqual([]);
    expect((await users.list()).map((u) => u.email)).toEqual(['someone@dealer.test']);
  });
});
