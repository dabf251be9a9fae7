// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InspectionItem } from '@carcar/common/contract/inspections';
import type { Role } from '@carcar/common/contract/permissions';
import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { sampleVin } from '@carcar/common/vin/vin';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';
import { repairOrder } from './fixtures';

// The technician's inspection sheet against a stand-in gateway over real HTTP: the shop's checklist,
// a finding recorded with its condition and note, a photo uploaded as multipart with the CSRF
// header, the lightbox, and a yellow/red finding put on the estimate.

const VIN = sampleVin(880_101);
const ADA = 4;
/** The stand-in API refuses to delete this finding, as the service does one that became a line. */
const LINKED = 39;

function order(fields: Partial<RepairOrder> = {}): RepairOrder {
  return repairOrder({ vin: VIN, concern: 'Grinding noise when braking', ...fields });
}

const photo = (id: number, item: number) => ({
  id,
  url: `/api/repair-orders/5/inspection/${item}/photos/${id}/`,
  thumbnail_url: `/api/repair-orders/5/inspection/${item}/photos/${id}/?size=thumbnail`,
  width: 1600,
  height: 1200,
});

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const stub = { role: 'technician' as Role, order: order(), requests: [] as Seen[] };

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const method = req.method ?? 'GET';
  let body = '';
  for await (const chunk of req) body += (chunk as Buffer).toString('latin1');
  stub.requests.push({ method, path: url.pathname, headers: req.headers, body });
  const path = url.pathname;
  if (path === '/auth/me') {
    return send(res, 200, staffMember(stub.role, { name: 'Ada Lovelace', technician_id: ADA }));
  }
  if (path === '/service/api/inspection-template/' && method === 'PUT') {
    const input = JSON.parse(body) as { items: { name: string }[] };
    if (input.items.length === 0) {
      return send(res, 400, {
        message: 'Check the fields',
        code: 'validation',
        errors: [{ path: 'items', message: 'Keep at least one item on the checklist' }],
      });
    }
    return send(res, 200, input);
  }
  if (path === '/service/api/inspection-template/') {
    return send(res, 200, { items: [{ name: 'Front brakes' }, { name: 'Wiper blades' }, { name: 'Engine oil' }] });
  }
  if (path === '/service/api/repair-orders/5/' && method === 'GET') return send(res, 200, stub.order);
  if (path === '/service/api/repair-orders/5/inspection/' && method === 'POST') {
    const input = JSON.parse(body) as { name: string; condition: InspectionItem['condition']; note?: string };
    const item: InspectionItem = {
      id: 30 + stub.order.inspection.length,
      note: input.note ?? null,
      photos: [],
      ...input,
    };
    stub.order = { ...stub.order, inspection: [...stub.order.inspection, item] };
    return send(res, 201, item);
  }
  const photos = /^\/service\/api\/repair-orders\/5\/inspection\/(\d+)\/photos\/$/.exec(path);
  if (photos && method === 'POST') {
    const itemId = Number(photos[1]);
    const added = photo(70, itemId);
    stub.order = {
      ...stub.order,
      inspection: stub.order.inspection.map((i) => (i.id === itemId ? { ...i, photos: [...i.photos, added] } : i)),
    };
    return send(res, 201, added);
  }
  const finding = /^\/service\/api\/repair-orders\/5\/inspection\/(\d+)\/$/.exec(path);
  const current = stub.order.inspection.find((i) => i.id === Number(finding?.[1]));
  if (finding && current && method === 'PUT') {
    const changed: InspectionItem = { ...current, ...(JSON.parse(body) as Partial<InspectionItem>) };
    stub.order = { ...stub.order, inspection: stub.order.inspection.map((i) => (i.id === current.id ? changed : i)) };
    return send(res, 200, changed);
  }
  if (finding && current && method === 'DELETE') {
    if (current.id === LINKED) {
      return send(res, 409, {
        message: `${current.name} is line 88 of this order; delete that line first`,
        code: 'conflict',
        line: 88,
      });
    }
    stub.order = { ...stub.order, inspection: stub.order.inspection.filter((i) => i.id !== current.id) };
    return send(res, 200, current);
  }
  const line = /^\/service\/api\/repair-orders\/5\/inspection\/(\d+)\/line\/$/.exec(path);
  if (line && method === 'POST') {
    const item = stub.order.inspection.find((i) => i.id === Number(line[1]));
    return send(res, 201, { id: 88, kind: 'labor', description: item?.name, status: 'proposed' });
  }
  return send(res, 404, { message: `Nothing at ${path}.` });
}

const harness = appHarness(handle, () => {
  stub.role = 'technician';
  stub.order = order();
  stub.requests = [];
});

const slow = { timeout: 10_000 };
const sent = (method: string, path: string) => stub.requests.filter((r) => r.method === method && r.path === path);

function open(path: string, role: Role = 'technician') {
  stub.role = role;
  const app = harness().mount(path);
  render(app.ui);
  return app;
}

describe('the inspection sheet', () => {
  it('walks the shop checklist: a condition chip, a note, Save sends the finding', async () => {
    open('/service/repair-orders/5/inspection');
    await screen.findByRole('heading', { level: 1, name: 'Inspection, RO 5' }, slow);
    expect(screen.getByText('0 of 3 checked')).toBeDefined();
    const brakes = screen.getByRole('group', { name: 'Front brakes' });
    const user = userEvent.setup();
    // Nothing is sent before Save: a mis-tapped chip costs nothing.
    await user.click(within(brakes).getByRole('radio', { name: /Now/ }));
    expect(sent('POST', '/service/api/repair-orders/5/inspection/')).toEqual([]);
    await user.type(within(brakes).getByLabelText('Note (what you saw)'), 'Pads at 2 mm');
    await user.click(within(brakes).getByRole('button', { name: 'Save Front brakes' }));
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    expect(JSON.parse(sent('POST', '/service/api/repair-orders/5/inspection/')[0]?.body ?? '')).toEqual({
      name: 'Front brakes',
      condition: 'red',
      note: 'Pads at 2 mm',
    });
    expect(within(card).getByText('Pads at 2 mm')).toBeDefined();
    expect(screen.getByText('1 of 3 checked')).toBeDefined();

    // A green finding has nothing to put on the estimate; a red one has.
    const wipers = screen.getByRole('group', { name: 'Wiper blades' });
    await user.click(within(wipers).getByRole('radio', { name: /Good/ }));
    await user.click(within(wipers).getByRole('button', { name: 'Save Wiper blades' }));
    const green = await screen.findByRole('article', { name: 'Wiper blades' }, slow);
    expect(within(green).queryByRole('button', { name: /Add to estimate/ })).toBeNull();
    expect(JSON.parse(sent('POST', '/service/api/repair-orders/5/inspection/')[1]?.body ?? '')).toEqual({
      name: 'Wiper blades',
      condition: 'green',
    });

    await user.click(within(card).getByRole('button', { name: 'Add to estimate: Front brakes' }));
    await within(card).findByText('On the estimate');
    expect(sent('POST', '/service/api/repair-orders/5/inspection/30/line/')).toHaveLength(1);
  });

  it('records something off the checklist under the technician’s own name for it', async () => {
    open('/service/repair-orders/5/inspection');
    const other = await screen.findByRole('group', { name: 'Something else you found' }, slow);
    const user = userEvent.setup();
    await user.type(within(other).getByLabelText('What you inspected'), 'Spare tire');
    await user.click(within(other).getByRole('radio', { name: /Soon/ }));
    await user.click(within(other).getByRole('button', { name: 'Save Spare tire' }));
    await screen.findByRole('article', { name: 'Spare tire' }, slow);
    expect(JSON.parse(sent('POST', '/service/api/repair-orders/5/inspection/')[0]?.body ?? '')).toMatchObject({
      name: 'Spare tire',
      condition: 'yellow',
    });
  });

  it('uploads a photo as multipart with the CSRF header, shows the thumbnail and opens it in a dialog', async () => {
    stub.order = order({
      inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: null, photos: [] }],
    });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const input = within(card).getByLabelText(/Take photo/) as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'pads.jpg', { type: 'image/jpeg' });
    const user = userEvent.setup();
    await user.upload(input, jpeg);
    const thumb = await within(card).findByRole('button', { name: 'Show Front brakes: photo 1 of 1 larger' }, slow);
    const upload = sent('POST', '/service/api/repair-orders/5/inspection/31/photos/')[0];
    expect(upload?.headers['x-carcar-csrf']).toBe('1');
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.body).toContain('name="photo"; filename="pads.jpg"');

    await user.click(thumb);
    const dialog = await screen.findByRole('dialog', { name: /Front brakes/ });
    const big = within(dialog).getByRole('img', { name: 'Front brakes: photo 1 of 1' });
    expect(big.getAttribute('src')).toMatch(/\/service\/api\/repair-orders\/5\/inspection\/31\/photos\/70\/$/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Focus goes back once the dialog's closing is done (its scroll lock released), a moment after it
    // leaves the page: on a busy machine that moment is later.
    await waitFor(() => expect(document.activeElement).toBe(thumb));
  });

  it('refuses a file that is no picture without sending it', async () => {
    stub.order = order({ inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: null, photos: [] }] });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const input = within(card).getByLabelText(/Take photo/) as HTMLInputElement;
    // The accept filter is only a hint to the picker; a PDF can still be chosen.
    fireEvent.change(input, {
      target: { files: [new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' })] },
    });
    await within(card).findByText('Take a photo, or choose a JPEG, PNG or WebP picture.');
    expect(sent('POST', '/service/api/repair-orders/5/inspection/31/photos/')).toEqual([]);
  });

  it('is read-only once the order is invoiced', async () => {
    stub.order = order({
      status: 'invoiced',
      inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: 'Pads at 2 mm', photos: [photo(70, 31)] }],
    });
    open('/service/repair-orders/5/inspection', 'service');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    expect(within(card).queryByLabelText(/Take photo/)).toBeNull();
    expect(within(card).queryByRole('button', { name: /Add to estimate/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: /Edit|Delete/ })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Wiper blades' })).toBeNull();
    expect(screen.getByText('This order is closed: its inspection can no longer change.')).toBeDefined();
  });
});

describe('changing and deleting a finding', () => {
  it('edits in place with the keyboard, sending only what changed; Escape leaves it as it was', async () => {
    stub.order = order({
      inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: 'Pads at 2 mm', photos: [] }],
    });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const user = userEvent.setup();
    const edit = within(card).getByRole('button', { name: 'Edit Front brakes' });
    await user.click(edit);
    const form = screen.getByRole('group', { name: 'Change Front brakes' });
    const name = within(form).getByLabelText('What you inspected') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    expect(name.value).toBe('Front brakes');
    expect((within(form).getByRole('radio', { name: /Now/ }) as HTMLInputElement).checked).toBe(true);
    // Escape: nothing sent, the card as it was, focus back on Edit.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Change Front brakes' })).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Edit Front brakes' }));

    await user.keyboard('{Enter}');
    const again = screen.getByRole('group', { name: 'Change Front brakes' });
    await user.click(within(again).getByRole('radio', { name: /Soon/ }));
    const note = within(again).getByLabelText('Note (what you saw)');
    await user.clear(note);
    await user.type(note, 'Pads at 4 mm');
    await user.click(within(again).getByRole('button', { name: 'Save changes' }));
    const back = await within(card).findByRole('button', { name: 'Edit Front brakes' }, slow);
    expect(within(card).getByText('Pads at 4 mm').tagName).toBe('P');
    const put = sent('PUT', '/service/api/repair-orders/5/inspection/31/');
    expect(put).toHaveLength(1);
    expect(put[0]?.headers['x-carcar-csrf']).toBe('1');
    expect(JSON.parse(put[0]?.body ?? '')).toEqual({ condition: 'yellow', note: 'Pads at 4 mm' });
    expect(document.activeElement).toBe(back);
  });

  it('refuses an emptied name without sending it', async () => {
    stub.order = order({ inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: null, photos: [] }] });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Edit Front brakes' }));
    await user.clear(within(card).getByLabelText('What you inspected'));
    await user.click(within(card).getByRole('button', { name: 'Save changes' }));
    expect(within(card).getByRole('alert').textContent).toBe('Name what you inspected');
    expect(sent('PUT', '/service/api/repair-orders/5/inspection/31/')).toEqual([]);
  });

  it('deletes only after the confirmation, which starts on Keep it; the checklist item is open again', async () => {
    stub.order = order({
      inspection: [
        { id: 31, name: 'Front brakes', condition: 'red', note: null, photos: [photo(70, 31), photo(71, 31)] },
      ],
    });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Delete Front brakes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the finding Front brakes?' });
    expect(within(dialog).getByText('Its note and its 2 photos go with it. This cannot be undone.')).toBeDefined();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('DELETE', '/service/api/repair-orders/5/inspection/31/')).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Delete Front brakes' }));
    const asked = await screen.findByRole('dialog', { name: 'Delete the finding Front brakes?' });
    await user.click(within(asked).getByRole('button', { name: 'Delete finding' }));
    await screen.findByRole('group', { name: 'Front brakes' }, slow);
    expect(screen.queryByRole('article', { name: 'Front brakes' })).toBeNull();
    const removed = sent('DELETE', '/service/api/repair-orders/5/inspection/31/');
    expect(removed).toHaveLength(1);
    expect(removed[0]?.headers['x-carcar-csrf']).toBe('1');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inspection, RO 5' }));
  });

  it('shows the API’s refusal in the dialog, which stays open, when the finding is a line', async () => {
    stub.order = order({
      inspection: [{ id: LINKED, name: 'Front brakes', condition: 'red', note: null, photos: [] }],
    });
    open('/service/repair-orders/5/inspection');
    const card = await screen.findByRole('article', { name: 'Front brakes' }, slow);
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Delete Front brakes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the finding Front brakes?' });
    expect(within(dialog).getByText('Its note goes with it. This cannot be undone.')).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Delete finding' }));
    expect((await within(dialog).findByRole('alert', {}, slow)).textContent).toBe(
      'Front brakes is line 88 of this order; delete that line first',
    );
    expect(screen.getByRole('article', { name: 'Front brakes' })).toBeDefined();
  });
});

describe('the shop’s checklist', () => {
  it('is changed by a manager one item a line, blank lines dropped, and refused empty in the API’s words', async () => {
    open('/service/repair-orders/5/inspection', 'manager');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Change the shop’s checklist' }, slow));
    const form = await screen.findByRole('form', { name: 'Inspection checklist' }, slow);
    const box = within(form).getByLabelText('Items') as HTMLTextAreaElement;
    expect(box.value).toBe('Front brakes\nWiper blades\nEngine oil');
    await user.clear(box);
    await user.click(within(form).getByRole('button', { name: 'Save checklist' }));
    await within(form).findByText('Keep at least one item on the checklist');
    await user.type(box, '  Tires  {Enter}{Enter}Horn');
    expect(within(form).getByText('2 items')).toBeDefined();
    await user.click(within(form).getByRole('button', { name: 'Save checklist' }));
    await waitFor(() => expect(sent('PUT', '/service/api/inspection-template/')).toHaveLength(2));
    expect(JSON.parse(sent('PUT', '/service/api/inspection-template/')[1]?.body ?? '')).toEqual({
      items: [{ name: 'Tires' }, { name: 'Horn' }],
    });
  });

  it('is offered to managers only', async () => {
    open('/service/repair-orders/5/inspection');
    await screen.findByRole('heading', { level: 1, name: 'Inspection, RO 5' }, slow);
    expect(screen.queryByRole('link', { name: 'Change the shop’s checklist' })).toBeNull();
  });
});

describe('the inspection on the repair-order page', () => {
  it('offers to start the inspection while the order is worked', async () => {
    open('/service/repair-orders/5', 'service');
    const summary = await screen.findByRole('region', { name: 'Inspection' }, slow);
    expect(within(summary).getByRole('button', { name: 'Start the inspection' })).toBeDefined();
    expect(within(summary).getByText('Nothing inspected yet.')).toBeDefined();
  });

  it('does not offer it on a closed order, as the service refuses any change to its inspection', async () => {
    stub.order = order({ status: 'closed', closed_at: '2027-03-02T17:00:00Z' });
    open('/service/repair-orders/5', 'service');
    const summary = await screen.findByRole('region', { name: 'Inspection' }, slow);
    expect(within(summary).getByText('No inspection was done on this order.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Start the inspection' })).toBeNull();
    expect(screen.queryByText('Start the inspection')).toBeNull();
  });

  it('still opens a closed order’s inspection to read', async () => {
    stub.order = order({
      status: 'invoiced',
      inspection: [{ id: 31, name: 'Front brakes', condition: 'red', note: 'Pads at 2 mm', photos: [] }],
    });
    open('/service/repair-orders/5', 'service');
    const summary = await screen.findByRole('region', { name: 'Inspection' }, slow);
    expect(within(summary).getByRole('button', { name: 'Open the inspection sheet' })).toBeDefined();
    expect(screen.queryByText('Start the inspection')).toBeNull();
  });
});
