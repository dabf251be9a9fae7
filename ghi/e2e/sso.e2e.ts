import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGateway, TEST_ADMIN } from '@carcar/testing/gateway';
import { freePorts } from '@carcar/testing/ports';
import type { SpawnedService } from '@carcar/testing/processes';
import Provider from 'oidc-provider';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser.js';

// Single sign-on in Chromium: a gateway process of its own (the stack's has no provider), serving
// the built app, with a real OpenID provider (oidc-provider, its development login and consent
// pages) on another origin. The person clicks "Sign in with Dealer Login", signs in at the
// provider and lands in CarCar as the account with that verified email, with its role.

const ghiDist = process.env.E2E_GHI_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
const accounts: Record<string, { email: string; email_verified: boolean }> = {
  boss: { email: TEST_ADMIN.email.toUpperCase(), email_verified: true },
  stranger: { email: 'stranger@elsewhere.test', email_verified: true },
};

let browser: Browser;
let idp: Server;
let gateway: SpawnedService;
let appUrl: string;
let dataDir: string;

beforeAll(async () => {
  const [gatewayPort, idpPort, unusedPort] = await freePorts(3);
  appUrl = `http://localhost:${gatewayPort}`;
  const issuer = `http://127.0.0.1:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'carcar-e2e',
        client_secret: 'an e2e client secret',
        redirect_uris: [`${appUrl}/auth/sso/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['an e2e cookie key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, id) => {
      const account = accounts[id];
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
  });
  idp = createServer(provider.callback());
  idp.listen(idpPort, '127.0.0.1');
  await once(idp, 'listening');

  dataDir = mkdtempSync(path.join(tmpdir(), 'carcar-sso-e2e-'));
  // No service is needed on the pages this journey opens; nothing answers at these addresses.
  const nowhere = `http://127.0.0.1:${unusedPort}`;
  gateway = await spawnGateway(
    { inventory: nowhere, service: nowhere, sales: nowhere },
    {
      PORT: String(gatewayPort),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLIC_ORIGIN: appUrl,
      GHI_DIST: ghiDist,
      GHI_DEV_URL: '',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'carcar-e2e',
      OIDC_CLIENT_SECRET: 'an e2e client secret',
      OIDC_NAME: 'Dealer Login',
    },
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('single sign-on', () => {
  it('signs an administrator in through the provider, back to the page they asked for', async () => {
    const { page, problems } = await openPage(browser);
    try {
      await page.goto(`${appUrl}/sign-in?next=${encodeURIComponent('/admin/users')}`);
      await page.getByRole('heading', { name: 'Sign in to CarCar' }).waitFor();
      // Passwords still work beside it: the form is there too.
      await page.getByLabel('Password').waitFor();
      await page.getByRole('button', { name: 'Sign in with Dealer Login' }).click();

      // The provider's own pages, on its own origin.
      await page.waitForURL((url) => url.origin !== appUrl);
      await page.locator('input[name="login"]').fill('boss');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]', { hasText: /continue/i }).click();

      await page.waitForURL(`${appUrl}/admin/users`);
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      const me = await page.request.get(`${appUrl}/auth/me`);
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({ email: TEST_ADMIN.email, role: 'admin' });
      // No script error. (Console errors are expected here: the provider's development pages load
      // fonts from the internet, and no service answers behind this gateway.)
      expect(problems.filter((problem) => problem.startsWith('page error'))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('tells someone without a CarCar account so, on the sign-in page', async () => {
    const { page } = await openPage(browser);
    try {
      await page.goto(`${appUrl}/sign-in`);
      await page.getByRole('button', { name: 'Sign in with Dealer Login' }).click();
      await page.waitForURL((url) => url.origin !== appUrl);
      await page.locator('input[name="login"]').fill('stranger');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
      await page.waitForURL(`${appUrl}/sign-in?sso_error=no_account`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        'No CarCar account uses the email you signed in with. Ask an administrator to add you.',
      );
      expect((await page.request.get(`${appUrl}/auth/me`)).status()).toBe(401);
    } finally {
      await page.context().close();
    }
  });
});
