// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Webhook, WebhookDelivery } from '@carcar/common/contract/webhooks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// The webhooks page against a stand-in gateway over real HTTP: what the app sends /auth/webhooks to
// subscribe, test, redeliver and delete, and that the secret is shown once.

const EVENT = '5b1f6c9e-0d2a-4c1b-9f3e-7a8b9c0d1e2f';
const state = {
  webhooks: [] as Webhook[],
  deliveries: [] as WebhookDelivery[],
  requests: [] as { method: string; path: string; body: unknown }[],
};

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  const method = req.method ?? 'GET';
  const body = await bodyOf(req);
  state.requests.push({ method, path, body });
  if (path === '/auth/me') return send(res, 200, staffMember('admin', { name: 'Ada Admin' }));
  if (path === '/auth/webhooks' && method === 'GET') return send(res, 200, { webhooks: state.webhooks });
  if (path === '/auth/webhooks' && method === 'POST') {
    const input = body as { url: string; events: string[] };
    if (input.url.includes('169.254')) {
      return send(res, 400, {
        message: 'Invalid request',
        code: 'validation_error',
        errors: [{ path: 'url', message: 'The receiver URL points to a link-local or reserved address' }],
      });
    }
    const webhook = { id: 7, url: input.url, events: input.events, created_at: '2027-01-01T10:00:00Z' } as Webhook;
    state.webhooks.push(webhook);
    return send(res, 201, { ...webhook, secret: 'whsec_shown_once' });
  }
  if (path === '/auth/webhooks/7/test') {
    state.deliveries.push({
      event_id: EVENT,
      type: 'webhook.test',
      at: '2027-01-01T10:01:00Z',
      status: 'pending',
      response_status: 500,
      attempts: 1,
      last_attempt_at: '2027-01-01T10:01:00Z',
      next_attempt_at: '2027-01-01T10:01:10Z',
      last_error: 'the receiver answered 500',
    });
    return send(res, 202, { event_id: EVENT, type: 'webhook.test' });
  }
  if (path === '/auth/webhooks/7/deliveries') return send(res, 200, { deliveries: state.deliveries });
  if (path === `/auth/webhooks/7/deliveries/${EVENT}/redeliver`) return send(res, 202, state.deliveries[0]);
  if (path === '/auth/webhooks/7' && method === 'DELETE') {
    const [removed] = state.webhooks.splice(0, 1);
    return send(res, 200, removed);
  }
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = appHarness(handle);

describe('the webhooks page', () => {
  it('subscribes a receiver, shows the secret once, sends a test event, redelivers and deletes', async () => {
    const user = userEvent.setup();
    render(harness().mount('/admin/webhooks').ui);
    await user.click(await screen.findByRole('button', { name: 'Create webhook' }, { timeout: 10_000 }));
    const form = await screen.findByRole('form', { name: 'Create a webhook' }, { timeout: 10_000 });

    await user.type(within(form).getByLabelText('Receiver URL'), 'http://169.254.169.254/');
    await user.click(within(form).getByRole('checkbox', { name: 'sale.created' }));
    await user.click(within(form).getByRole('button', { name: 'Create webhook' }));
    expect(await within(form).findByText('The receiver URL points to a link-local or reserved address')).toBeTruthy();

    await user.clear(within(form).getByLabelText('Receiver URL'));
    await user.type(within(form).getByLabelText('Receiver URL'), 'https://crm.example.com/carcar');
    await user.click(within(form).getByRole('checkbox', { name: 'sale.voided' }));
    await user.click(within(form).getByRole('button', { name: 'Create webhook' }));
    const secret = (await screen.findByLabelText('Signing secret')) as HTMLInputElement;
    expect(secret.value).toBe('whsec_shown_once');
    expect(state.requests.filter((r) => r.method === 'POST' && r.path === '/auth/webhooks').at(-1)?.body).toEqual({
      url: 'https://crm.example.com/carcar',
      events: ['sale.created', 'sale.voided'],
    });
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();

    const table = await screen.findByRole('table', { name: 'Webhooks' });
    await within(table).findByText('https://crm.example.com/carcar');
    await user.click(
      within(table).getByRole('button', { name: 'Send a test event to https://crm.example.com/carcar' }),
    );
    const log = await screen.findByRole(
      'table',
      { name: 'Deliveries to https://crm.example.com/carcar' },
      { timeout: 5_000 },
    );
    expect(await within(log).findByText('Retrying (the receiver answered 500)')).toBeTruthy();
    await user.click(within(log).getByRole('button', { name: `Send webhook.test ${EVENT} again` }));
    await waitFor(() =>
      expect(state.requests.some((r) => r.path === `/auth/webhooks/7/deliveries/${EVENT}/redeliver`)).toBe(true),
    );

    await user.click(
      within(table).getByRole('button', { name: 'Delete the webhook to https://crm.example.com/carcar…' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Delete webhook' }));
    await waitFor(() =>
      expect(state.requests.some((r) => r.method === 'DELETE' && r.path === '/auth/webhooks/7')).toBe(true),
    );
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
  });
});
