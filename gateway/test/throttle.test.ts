import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, CSRF, gatewayForFile, signedIn } from './helpers.js';

const gw = await gatewayForFile({
  LOGIN_FAILURES_PER_ACCOUNT: '3',
  LOGIN_FAILURES_PER_ADDRESS: '6',
  RATE_LIMIT_WRITES_PER_MINUTE: '3',
});

const login = (email: string, password: string) => gw.api().post('/auth/login').set(CSRF).send({ email, password });

describe('throttles', () => {
  it('limits writes per signed-in person or token, not per address', async () => {
    const admin = await addUser(gw, 'admin');
    const agent = await signedIn(gw, admin.email, admin.password);
    const token = (await agent.post('/auth/tokens').set(CSRF).send({ name: 'second', role: 'admin' }).expect(201)).body
      .token as string;
    await agent.post('/auth/tokens').set(CSRF).send({ name: 'two', role: 'sales' }).expect(201);
    await agent.post('/auth/tokens').set(CSRF).send({ name: 'three', role: 'sales' }).expect(201);
    const limited = await agent.post('/auth/tokens').set(CSRF).send({ name: 'four', role: 'sales' }).expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited' });
    // Reads are not limited; another caller from the same address has a budget of its own.
    await agent.get('/auth/tokens').expect(200);
    await gw
      .api()
      .post('/auth/tokens')
      .auth(token, { type: 'bearer' })
      .send({ name: 'five', role: 'sales' })
      .expect(201);
  });

  it('answers 429 after repeated failures for one account, even with the right password', async () => {
    for (let i = 0; i < 3; i++) await login(ADMIN.email, `wrong password ${i}`).expect(401);
    const res = await login(ADMIN.email, ADMIN.password).expect(429);
    expect(res.body).toMatchObject({ code: 'rate_limited' });
  });

  it('answers 429 after repeated failures from one address, across accounts', async () => {
    const other = await addUser(gw, 'sales');
    let status = 401;
    let attempts = 0;
    while (status === 401 && attempts < 10) {
      status = (await login(`nobody${attempts}@dealer.test`, 'wrong password')).status;
      attempts += 1;
    }
    expect(status).toBe(429);
    expect(attempts).toBeLessThanOrEqual(6);
    await login(other.email, other.password).expect(429);
  });
});
