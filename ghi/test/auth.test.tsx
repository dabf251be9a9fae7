// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import { permissionsOf, type Role } from '@carcar/common/contract/permissions';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appHarness, send } from './app-harness';

// The pages are lazy chunks: a busy machine takes a while to load one, as the other page tests allow.
configure({ asyncUtilTimeout: 20_000 });

// The app talks to a small gateway stand-in over real HTTP: what it sends (paths, the CSRF header)
// and what it does with each answer (401, 403, 429) are exercised as in a browser. jsdom's page is
// on another origin than the stand-in, so the stand-in answers CORS as the real gateway never needs to.

interface StubUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  password: string;
  technician_id: number | null;
  salesperson_id: number | null;
}

const people: StubUser[] = [
  { id: 1, email: 'ada@dealer.test', name: 'Ada Admin', role: 'admin', password: 'correct horse battery' },
  { id: 2, email: 'tom@dealer.test', name: 'Tom Tech', role: 'technician', password: 'spanner spanner 1' },
  { id: 3, email: 'sam@dealer.test', name: 'Sam Sales', role: 'sales', password: 'handshake deal 12' },
].map((p) => ({ ...p, role: p.role as Role, technician_id: p.role === 'technician' ? 7 : null, salesperson_id: null }));

interface Seen {
  method: string;
  path: string;
  csrf: string | undefined;
  body: unknown;
}

const stub = {
  signedIn: null as StubUser | null,
  throttled: false,
  requests: [] as Seen[],
  tokens: [] as unknown[],
};

const userJson = (u: StubUser) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: false,
  permissions: permissionsOf(u.role),
  technician_id: u.technician_id,
  salesperson_id: u.salesperson_id,
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  const method = req.method ?? 'GET';
  const body = await readBody(req);
  const csrf = req.headers['x-carcar-csrf'] as string | undefined;
  stub.requests.push({ method, path: url.pathname, csrf, body });
  // The gateway's CSRF rule: every write carries the header.
  if (method !== 'GET' && csrf === undefined) {
    return send(res, 403, { message: 'This request must carry the X-CarCar-CSRF header', code: 'forbidden' });
  }
  if (url.pathname === '/auth/login') {
    if (stub.throttled) {
      return send(res, 429, {
        message: 'Too many failed sign-ins for this account; try again in 15 minutes',
        code: 'rate_limited',
      });
    }
    const { email, password } = body as { email: string; password: string };
    const found = people.find((p) => p.email === email && p.password === password);
    if (!found) return send(res, 401, { message: 'Wrong email or password', code: 'invalid_credentials' });
    stub.signedIn = found;
    return send(res, 200, { user: userJson(found) });
  }
  if (url.pathname === '/auth/logout') {
    stub.signedIn = null;
    return send(res, 204);
  }
  const me = stub.signedIn;
  if (!me) return send(res, 401, { message: 'Sign in to continue', code: 'unauthenticated' });
  if (url.pathname === '/auth/me') return send(res, 200, userJson(me));
  if (url.pathname.startsWith('/auth/users') || url.pathname.startsWith('/auth/tokens')) {
    if (me.role !== 'admin') {
      return send(res, 403, { message: 'You do not have permission to manage users', code: 'forbidden' });
    }
    if (url.pathname === '/auth/users' && method === 'GET') return send(res, 200, { users: people.map(userJson) });
    if (url.pathname === '/auth/users' && method === 'POST') {
      return send(res, 201, { ...userJson(people[0] as StubUser), ...(body as object), id: 9 });
    }
    if (url.pathname === '/auth/tokens' && method === 'GET') return send(res, 200, { tokens: stub.tokens });
    if (url.pathname === '/auth/tokens' && method === 'POST') {
      const { name, role } = body as { name: string; role: Role };
      stub.tokens.push({
        id: 5,
        name,
        role,
        created_by: me.id,
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      });
      return send(res, 201, { id: 5, name, role, token: 'cc_live_0123456789abcdef' });
    }
  }
  if (url.pathname === '/service/api/technicians/') {
    return send(res, 200, {
      technicians: [{ id: 7, first_name: 'Tom', last_name: 'Tech', employee_id: 'T7', active: true }],
    });
  }
  // Any list the services answer, empty: `/sales/api/sales/` → `{ "sales": [] }`.
  const list = /^\/(?:inventory|service|sales)\/api\/([a-z]+)\/$/.exec(url.pathname);
  if (list?.[1] && method === 'GET') return send(res, 200, { [list[1]]: [] }, { 'X-Total-Count': '0' });
  if (url.pathname === '/inventory/api/manufacturers/' && method === 'POST') {
    return send(res, 201, { id: 1, name: (body as { name: string }).name });
  }
  return send(res, 404, { message: 'Does not exist', code: 'not_found' });
}

/**
 * Waits until the stand-in has seen no new request for a while: a page unmounted at a test's end
 * may still have requests on their way (the dashboard's), and on a busy machine they arrive after
 * the next test began, where "the page asked for nothing" would count them.
 */
async function quietRequests(): Promise<void> {
  let seen = -1;
  while (seen !== stub.requests.length) {
    seen = stub.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const harness = appHarness(handle, async () => {
  await quietRequests();
  stub.signedIn = null;
  stub.throttled = false;
  stub.requests = [];
  stub.tokens = [];
});

function open(path: string, as?: Role) {
  stub.signedIn = as ? (people.find((p) => p.role === as) ?? null) : null;
  const app = harness().mount(path);
  render(app.ui);
  return app;
}

async function signIn(email: string, password: string) {
  const form = await screen.findByRole('form', { name: 'Sign in' });
  await userEvent.clear(within(form).getByLabelText('Email'));
  await userEvent.type(within(form).getByLabelText('Email'), email);
  await userEvent.type(within(form).getByLabelText('Password'), password);
  await userEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
}

describe('signing in', () => {
  it('sends someone signed out to the sign-in page, then back to the page they asked for', async () => {
    const app = open('/sales/customers?q=smith');
    await screen.findByRole('heading', { name: 'Sign in to CarCar' });
    expect(app.location()).toBe(`/sign-in?next=${encodeURIComponent('/sales/customers?q=smith')}`);

    await signIn('ada@dealer.test', 'not the password');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password');
    expect(app.location()).toMatch(/^\/sign-in/);
    const login = stub.requests.find((r) => r.path === '/auth/login');
    expect(login?.csrf).toBe('1');
    expect(login?.body).toEqual({ email: 'ada@dealer.test', password: 'not the password' });

    await signIn('ada@dealer.test', 'correct horse battery');
    expect(await screen.findByRole('heading', { name: 'Customers', level: 1 })).toBeTruthy();
    expect(app.location()).toBe('/sales/customers?q=smith');
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Ada Admin');
    expect(header.textContent).toContain('Administrator');
  });

  it("shows the gateway's message when sign-ins are throttled, and field messages before sending", async () => {
    open('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(stub.requests.filter((r) => r.path === '/auth/login')).toEqual([]);

    stub.throttled = true;
    await signIn('ada@dealer.test', 'correct horse battery');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed sign-ins for this account; try again in 15 minutes',
    );
  });

  it('goes to the dashboard, never to another site, when next is not a path of the app', async () => {
    const app = open(`/sign-in?next=${encodeURIComponent('//evil.example/steal')}`);
    await signIn('sam@dealer.test', 'handshake deal 12');
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(app.location()).toBe('/');
  });

  it('signs out from the header and forgets who was signed in', async () => {
    const app = open('/', 'admin');
    // Sign out is in the account menu, opened from the bar.
    await userEvent.click(await screen.findByRole('button', { name: /^Account: Ada Admin/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to CarCar' });
    expect(app.location()).toBe('/sign-in');
    expect(stub.requests.find((r) => r.path === '/auth/logout')?.csrf).toBe('1');
    expect(stub.signedIn).toBeNull();
  });
});

describe('what the navigation offers', () => {
  const links = () =>
    within(screen.getByRole('navigation', { name: 'Main' }))
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('shows a technician the service pages, and no sales or administration', async () => {
    open('/', 'technician');
    // A technician's home page is their own jobs, not the dashboard.
    await screen.findByRole('heading', { name: 'My work' });
    expect(links()).toContain('Service board');
    expect(links()).not.toContain('Book an appointment');
    expect(links()).not.toContain('Sales');
    expect(links()).not.toContain('Customers');
    expect(links()).not.toContain('Users');
    expect(screen.queryByRole('heading', { name: 'Sales', level: 2 })).toBeNull();
    // Nor does the page ask for what it may not show.
    expect(stub.requests.some((r) => r.path.startsWith('/sales/'))).toBe(false);
  });

  it('shows a salesperson the sales pages but not the technicians', async () => {
    open('/', 'sales');
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(links()).toEqual(expect.arrayContaining(['Sales', 'Record a sale', 'Customers']));
    expect(links()).not.toContain('Technicians');
    expect(links()).not.toContain('Users');
  });

  it('shows an administrator the user and token pages', async () => {
    open('/', 'admin');
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(links()).toEqual(expect.arrayContaining(['Users', 'API tokens', 'Technicians', 'Sales']));
  });
});

describe('a page the person may not use', () => {
  it('says No access and which permission is missing, without asking the API', async () => {
    open('/sales/new', 'technician');
    expect(await screen.findByRole('heading', { name: 'No access' })).toBeTruthy();
    expect(screen.getByText(/You do not have permission to record sales/).textContent).toContain('Technician');
    expect(screen.getByRole('link', { name: 'Back to the dashboard' }).getAttribute('href')).toBe('/');
    expect(stub.requests.some((r) => r.path.startsWith('/sales/'))).toBe(false);
  });

  it('keeps the admin pages from everyone but administrators', async () => {
    open('/admin/users', 'sales');
    expect(await screen.findByRole('heading', { name: 'No access' })).toBeTruthy();
    expect(screen.getByText(/manage users and API tokens/)).toBeTruthy();
    expect(stub.requests.some((r) => r.path.startsWith('/auth/users'))).toBe(false);
  });

  it('hides the write forms from someone who may only read', async () => {
    open('/inventory/manufacturers', 'technician');
    expect(await screen.findByRole('heading', { name: 'Manufacturers' })).toBeTruthy();
    await screen.findByText('No manufacturers yet.');
    expect(screen.queryByRole('form', { name: 'Add a manufacturer' })).toBeNull();
  });
});

describe('a session that ends while working', () => {
  it('sends the person to sign in on a 401, and back to the page afterwards', async () => {
    const app = open('/inventory/manufacturers', 'admin');
    await userEvent.click(await screen.findByRole('button', { name: 'Add manufacturer' }));
    const form = await screen.findByRole('form', { name: 'Add a manufacturer' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Acme');
    stub.signedIn = null; // the session expired at the gateway
    await userEvent.click(within(form).getByRole('button', { name: 'Add manufacturer' }));

    await screen.findByRole('heading', { name: 'Sign in to CarCar' });
    expect(app.location()).toBe(`/sign-in?next=${encodeURIComponent('/inventory/manufacturers')}`);
    const refused = stub.requests.find((r) => r.method === 'POST' && r.path === '/inventory/api/manufacturers/');
    expect(refused?.csrf).toBe('1');

    await signIn('ada@dealer.test', 'correct horse battery');
    await userEvent.click(await screen.findByRole('button', { name: 'Add manufacturer' }));
    await screen.findByRole('form', { name: 'Add a manufacturer' });
    await waitFor(() => expect(app.location()).toBe('/inventory/manufacturers'));
  });
});

describe('administration', () => {
  it('adds a user linked to a technician', async () => {
    open('/admin/users', 'admin');
    await userEvent.click(await screen.findByRole('button', { name: 'Add user' }));
    const form = await screen.findByRole('form', { name: 'Add a user' });
    await screen.findByRole('cell', { name: 'Tom Tech' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Tina Turner');
    await userEvent.type(within(form).getByLabelText('Email'), 'Tina@Dealer.test');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Technician');
    await userEvent.type(within(form).getByLabelText('Password'), 'a long enough password');
    await userEvent.selectOptions(within(form).getByLabelText('Linked technician'), 'Tom Tech (T7)');
    await userEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    await waitFor(() => expect(stub.requests.some((r) => r.method === 'POST' && r.path === '/auth/users')).toBe(true));
    const created = stub.requests.find((r) => r.method === 'POST' && r.path === '/auth/users');
    expect(created?.csrf).toBe('1');
    expect(created?.body).toEqual({
      name: 'Tina Turner',
      email: 'tina@dealer.test',
      role: 'technician',
      password: 'a long enough password',
      technician_id: 7,
      salesperson_id: null,
    });
  });

  it('shows a new API token once, to copy', async () => {
    open('/admin/tokens', 'admin');
    await userEvent.click(await screen.findByRole('button', { name: 'Create token' }));
    const form = await screen.findByRole('form', { name: 'Create an API token' });
    await userEvent.type(within(form).getByLabelText('Token name'), 'Website stock feed');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Salesperson');
    await userEvent.click(within(form).getByRole('button', { name: 'Create token' }));
    const field = (await screen.findByLabelText('API token for Website stock feed')) as HTMLInputElement;
    expect(field.value).toBe('cc_live_0123456789abcdef');
    expect(field.readOnly).toBe(true);
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeTruthy();
    await screen.findByRole('cell', { name: 'Website stock feed' });

    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByDisplayValue('cc_live_0123456789abcdef')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByRole('form', { name: 'Create an API token' })).toBeTruthy();
  });
});
