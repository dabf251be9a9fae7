// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Appointment } from '@carcar/common/contract/service';
import { sampleVin } from '@carcar/common/vin/vin';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../src/lib/i18n';
import english from '../src/locales/en/service.json';
import spanish from '../src/locales/es/service.json';
import { type AppHarness, send, staffMember, startAppHarness } from './app-harness';

// The service pages in Spanish: the board's lists, columns and statuses, an appointment's facts,
// and the call list's reasons come from the catalogues, not from English left in the code.

const VIN = sampleVin(820_001);
const ada = { id: 4, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-4', active: true };
const booked: Appointment = {
  id: 7,
  date_time: '2099-03-01T09:00:00Z',
  duration_minutes: 60,
  reason: 'Cambio de aceite',
  status: 'created',
  vin: VIN,
  customer: 'Jane Doe',
  technician: ada,
  vip: true,
  cancel_reason: null,
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  if (url.pathname === '/auth/me') return send(res, 200, staffMember('manager', { name: 'Marta Ruiz' }));
  if (url.pathname === '/service/api/technicians/') return send(res, 200, { technicians: [ada] });
  if (url.pathname === '/service/api/appointments/') {
    const rows = url.searchParams.get('status') === 'created' ? [booked] : [];
    return send(res, 200, { appointments: rows }, { 'X-Total-Count': String(rows.length) });
  }
  if (url.pathname === '/service/api/appointments/7/') return send(res, 200, booked);
  if (url.pathname === '/service/api/service-due/') {
    const car = {
      vin: VIN,
      kind: 'sold_not_serviced',
      customer: 'Jane Doe',
      last_service_at: null,
      sold_at: null,
      due_since: null,
      canceled_appointment: null,
      car: null,
    };
    return send(res, 200, { cars: [car] }, { 'X-Total-Count': '1' });
  }
  if (url.pathname === '/sales/api/customers/') return send(res, 200, { customers: [] }, { 'X-Total-Count': '0' });
  if (url.pathname === '/service/api/audit/') {
    const finished = {
      id: 1,
      at: '2027-12-01T10:00:00Z',
      actor: { kind: 'person', id: '8', name: 'Ada Lovelace', role: 'technician' },
      action: 'finish',
      entity: 'appointment',
      entity_id: '7',
      vin: VIN,
      changes: { status: ['created', 'finished'] },
      request_id: 'r',
    };
    return send(res, 200, { entries: [finished] }, { 'X-Total-Count': '1' });
  }
  if (url.pathname.endsWith('/api/audit/') || url.pathname === '/auth/audit') {
    return send(res, 200, { entries: [] }, { 'X-Total-Count': '0' });
  }
  return send(res, 404, { message: `Nothing at ${url.pathname}.` });
}

let harness: AppHarness;
beforeAll(async () => {
  window.localStorage.clear();
  harness = await startAppHarness(handle);
  await setLanguage('es');
});
afterAll(async () => {
  await setLanguage('en');
  window.localStorage.clear();
  await harness.close();
});
afterEach(cleanup);

const slow = { timeout: 10_000 };

/** Every text of a catalogue group without placeholders, flattened. */
const texts = (group: object): string[] =>
  Object.values(group).flatMap((value) =>
    typeof value === 'string' ? (value.includes('{{') ? [] : [value]) : texts(value as object),
  );

/** The text as whole words: "Cancel" is not in "Cancelar". */
const wholeWords = (text: string) =>
  new RegExp(`(^|[^\\p{L}])${text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

/** The English words of these groups the page still shows (words both languages spell alike aside). */
function englishLeft(groups: (keyof typeof english)[]): string[] {
  const same = new Set(groups.flatMap((group) => texts(spanish[group])));
  const shown = document.querySelector('main')?.textContent ?? '';
  return groups
    .flatMap((group) => texts(english[group]))
    .filter((text) => text.trim().length > 3 && !same.has(text) && wholeWords(text).test(shown));
}

describe('the service pages in Spanish', () => {
  it('shows the board’s lists, columns and statuses in Spanish', async () => {
    render(harness.mount('/service/appointments').ui);
    expect(await screen.findByRole('heading', { name: 'Tablero de citas', level: 1 }, slow)).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Citas próximas' }, slow);
    await within(table).findByText('Reservada', {}, slow);
    expect(within(table).getByRole('columnheader', { name: 'Técnico' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Abrir orden de reparación para Jane Doe' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Listas de citas' }).textContent).toContain('Vencidas');
    expect(englishLeft(['board', 'columns', 'status', 'actions'])).toEqual([]);
  });

  it('says an appointment’s facts in Spanish', async () => {
    render(harness.mount('/service/appointments/7').ui);
    expect(await screen.findByRole('heading', { name: 'Jane Doe: Cambio de aceite', level: 1 }, slow)).toBeTruthy();
    expect(screen.getByText('Cuándo')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Terminar…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Imprimir orden de trabajo' })).toBeTruthy();
    expect(englishLeft(['detail', 'columns', 'status', 'actions', 'startOrder'])).toEqual([]);
  });

  it('gives the call list’s reasons in Spanish', async () => {
    render(harness.mount('/service/due').ui);
    expect(await screen.findByRole('heading', { name: 'Servicio pendiente', level: 1 }, slow)).toBeTruthy();
    expect(await screen.findByText('Vendido aquí y nunca ha tenido servicio.', {}, slow)).toBeTruthy();
    expect(screen.getByRole('button', { name: `Reservar ${VIN} para Jane Doe` })).toBeTruthy();
  });

  it('says the activity’s changes in Spanish', async () => {
    render(harness.mount('/activity').ui);
    expect(await screen.findByRole('heading', { name: 'Actividad', level: 1 }, slow)).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Últimos cambios' }, slow);
    const entry = await within(list).findByText(/terminó la cita/, {}, slow);
    expect(entry.textContent).toContain('Técnico');
    expect(document.querySelector('.activity-count')?.textContent).toContain('Mostrando 1 de 1 cambio (Servicio: 1)');
    expect(screen.getByLabelText('Tipo de registro')).toBeTruthy();
  });
});
