// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { automobileCreateBody, manufacturerBody, modelCreateBody } from '@carcar/common/contract/inventory';
import { passwordSchema } from '@carcar/common/contract/passwords';
import { staffBody } from '@carcar/common/contract/people';
import { customerBody } from '@carcar/common/contract/sales';
import { webhookCreateBody } from '@carcar/common/contract/webhooks';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { send, spanishAppHarness, staffMember } from './app-harness';

// The shared contract's English field messages, shown in Spanish: from the form's own check and
// from the API's 400 alike, while the API itself keeps answering English.

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://stub').pathname;
  if (path === '/auth/me') return send(res, 200, staffMember('admin', { name: 'Marta Ruiz' }));
  if (path === '/auth/webhooks') return send(res, 200, { webhooks: [] });
  if (path === '/inventory/api/manufacturers/' && req.method === 'POST')
    return send(res, 400, {
      message: 'Check the fields',
      errors: [{ path: 'name', message: 'The name can be at most 100 characters' }],
    });
  if (path === '/inventory/api/manufacturers/') return send(res, 200, { manufacturers: [] });
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

const harness = spanishAppHarness(handle);
const slow = { timeout: 10_000 };

// Imported once Spanish is chosen: lib/i18n reads the choice as it loads.
async function lookup() {
  const { i18nReady } = await import('../src/lib/i18n');
  await i18nReady;
  return (await import('../src/lib/contract-messages')).contractMessage;
}

describe('contract messages in Spanish', () => {
  it('a field left empty, and a field the API refused, say so in Spanish', async () => {
    render(harness().mount('/inventory/manufacturers').ui);
    fireEvent.click(await screen.findByRole('button', { name: 'Añadir fabricante' }, slow));
    const add = within(await screen.findByRole('dialog', {}, slow)).getByRole('button', { name: 'Añadir fabricante' });
    fireEvent.click(add);
    expect(await screen.findByText('Ingrese el nombre', {}, slow)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: 'Toyota' } });
    fireEvent.click(add);
    expect(await screen.findByText('El nombre puede tener como máximo 100 caracteres', {}, slow)).toBeTruthy();
  });

  it('a refusal reaches any page in Spanish: the API client says the sentences it knows', async () => {
    harness();
    const say = await lookup();
    const { ApiError, inventoryApi } = await import('../src/lib/api-client');
    const refused = await inventoryApi.post('/api/manufacturers/', { name: 'x' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ApiError);
    const english = 'The name can be at most 100 characters';
    expect(say(english)).not.toBe(english);
    expect((refused as InstanceType<typeof ApiError>).fieldErrors).toEqual([{ path: 'name', message: say(english) }]);
  });

  it('the webhook form’s URL and events', async () => {
    render(harness().mount('/admin/webhooks').ui);
    fireEvent.click(await screen.findByRole('button', { name: 'Crear webhook' }, slow));
    const dialog = await screen.findByRole('dialog', {}, slow);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Crear webhook' }));
    expect(await screen.findByText('Una URL de receptor debe ser una URL http(s)', {}, slow)).toBeTruthy();
    expect(screen.getByText('Indique al menos un evento')).toBeTruthy();
  });

  it('carries a number or a VIN over, and leaves an unknown sentence as it came', async () => {
    const contractMessage = await lookup();
    expect(contractMessage('A VIN has 17 characters; this one has 12', 'es')).toBe(
      'Un VIN tiene 17 caracteres; este tiene 12',
    );
    expect(contractMessage('Enter a year from 1900 to 2028', 'es')).toBe('Ingrese un año de 1900 a 2028');
    expect(contractMessage('Remove the unknown fields a, b', 'es')).toBe('Quite los campos desconocidos a, b');
    expect(contractMessage('VIN 1C3CC5FB0AN000001 is listed twice', 'es')).toBe(
      'El VIN 1C3CC5FB0AN000001 aparece dos veces',
    );
    expect(contractMessage('A manufacturer named "Ford. Inc: 2" already exists', 'es')).toBe(
      'Ya existe un fabricante llamado "Ford. Inc: 2"',
    );
    // Unknown, or only almost a known one: as it came.
    expect(contractMessage('Something new went wrong: 42', 'es')).toBe('Something new went wrong: 42');
    expect(contractMessage('Enter the name.', 'es')).toBe('Enter the name.');
    expect(contractMessage('Enter the name', 'en')).toBe('Enter the name');
    expect(contractMessage('A VIN has 17 characters; this one has 12', 'en')).toBe(
      'A VIN has 17 characters; this one has 12',
    );
  });

  it('knows every message the leftover forms’ schemas give for empty and wrong input', async () => {
    const contractMessage = await lookup();
    const tries: Array<[{ safeParse: (value: unknown) => { error?: { issues: { message: string }[] } } }, unknown[]]> =
      [
        [manufacturerBody, [{}, { name: ' ' }, { name: 'x'.repeat(101) }]],
        [modelCreateBody, [{}, { name: '', picture_url: 'ftp://x', manufacturer_id: '' }]],
        [automobileCreateBody, [{}, { vin: '', color: '', year: '', model_id: '' }, { vin: 'ABC', year: '1800' }]],
        [staffBody, [{}, { first_name: '', last_name: '', employee_id: '' }]],
        [
          customerBody,
          [{}, { first_name: '', last_name: '', address: '', phone_number: '' }, { phone_number: '12ab' }],
        ],
        [
          webhookCreateBody,
          [
            { url: '', events: [] },
            { url: 'ftp://x', events: ['nope'] },
          ],
        ],
        [passwordSchema({ capitalize: true }), ['', 'short', 'aaaaaaaaaaaaaa', 'x'.repeat(300)]],
      ];
    const unknown = new Set<string>();
    for (const [schema, values] of tries)
      for (const value of values)
        for (const issue of schema.safeParse(value).error?.issues ?? [])
          if (contractMessage(issue.message, 'es') === issue.message) unknown.add(issue.message);
    expect([...unknown]).toEqual([]);
  });
});
