// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, send, startAppHarness } from './app-harness';

// The sign-in page with single sign-on configured: the gateway's /config.js names the provider
// (read once as the app loads, so it is set before the harness imports the app), the page offers
// "Sign in with <name>" as a plain link to the gateway, and says in words why a sign-in came back refused.

let harness: AppHarness;

beforeAll(async () => {
  window.__CARCAR_CONFIG__ = { ...window.__CARCAR_CONFIG__, ssoName: 'Dealer Login' };
  harness = await startAppHarness((_req, res) =>
    send(res, 401, { message: 'Sign in to continue', code: 'unauthenticated' }),
  );
});

afterAll(() => harness.close());
afterEach(cleanup);

describe('single sign-on on the sign-in page', () => {
  it('offers the provider as a link to the gateway that comes back where the person was going', async () => {
    render(harness.mount(`/sign-in?next=${encodeURIComponent('/service/appointments')}`).ui);
    const link = await screen.findByRole('button', { name: 'Sign in with Dealer Login' });
    const href = new URL(link.getAttribute('href') ?? '', 'http://app.test');
    expect(href.pathname).toBe('/auth/sso/start');
    expect(href.searchParams.get('next')).toBe('/service/appointments');
    // Passwords still work alongside it.
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
  });

  it('says why a single sign-on was refused', async () => {
    render(harness.mount('/sign-in?sso_error=no_account').ui);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No CarCar account uses the email you signed in with. Ask an administrator to add you.',
    );
    cleanup();
    render(harness.mount('/sign-in?sso_error=something-else').ui);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sign-in could not be completed. Please try again.',
    );
  });
});
