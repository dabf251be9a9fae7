// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RepairOrdersByMonthRow, TechnicianEfficiencyRow } from '@carcar/common/contract/reports';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appHarness, send, staffMember } from './app-harness';

// The managers' repair order report against a stand-in gateway over real HTTP: both tables by
// month, asked for in months (the API's ?from=YYYY-MM&to=YYYY-MM), and nothing for a technician.

const months: RepairOrdersByMonthRow[] = [
  {
    month: '2025-10',
    repair_orders: 2,
    labor_sales: 217.25,
    billed_hours: 2,
    effective_labor_rate: 108.63,
    hours_per_repair_order: 1,
  },
];
const efficiency: TechnicianEfficiencyRow[] = [
  {
    month: '2025-10',
    technician: { id: 7, first_name: 'Ada', last_name: 'Lovelace' },
    billed_hours: 1.3,
    clocked_hours: 1.33,
    efficiency: 0.98,
  },
  {
    month: '2025-10',
    technician: { id: 8, first_name: 'Grace', last_name: 'Hopper' },
    billed_hours: 1,
    clocked_hours: 0,
    efficiency: null,
  },
];

const requests: string[] = [];
let role: 'manager' | 'technician' = 'manager';

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://stub');
  requests.push(`${url.pathname}${url.search}`);
  if (url.pathname === '/auth/me') return send(res, 200, staffMember(role, { name: 'Mia Manager' }));
  if (url.pathname === '/service/api/reports/repair-orders-by-month/') return send(res, 200, { months });
  if (url.pathname === '/service/api/reports/technician-efficiency/') {
    return send(res, 200, { months: efficiency });
  }
  return send(res, 404, { message: `Nothing at ${url.pathname}.` });
}

const harness = appHarness(handle, () => {
  role = 'manager';
});

describe('Repair orders report', () => {
  it("shows the labor per month and each technician's efficiency for the months of the chosen days", async () => {
    render(harness().mount('/reports/repair-orders?from=2025-10-05&to=2025-11-20').ui);
    const labor = await screen.findByRole('table', { name: 'Labor per month' }, { timeout: 10_000 });
    const [, row] = within(labor).getAllByRole('row');
    expect(within(row as HTMLElement).getByText('$217.25')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('$108.63')).toBeTruthy();
    const techs = await screen.findByRole('table', { name: 'Technician efficiency' }, { timeout: 10_000 });
    const ada = within(techs).getByText('Ada Lovelace').closest('tr') as HTMLElement;
    expect(within(ada).getByText('98%')).toBeTruthy();
    expect(within(ada).getByText('1.33')).toBeTruthy();
    const grace = within(techs).getByText('Grace Hopper').closest('tr') as HTMLElement;
    expect(within(grace).getByText('—')).toBeTruthy();
    expect(requests).toContain('/service/api/reports/repair-orders-by-month/?from=2025-10&to=2025-11');
    expect(requests).toContain('/service/api/reports/technician-efficiency/?from=2025-10&to=2025-11');
  });

  it('is not offered to a technician', async () => {
    role = 'technician';
    requests.length = 0;
    render(harness().mount('/reports/repair-orders').ui);
    await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
    expect(screen.queryByRole('table', { name: 'Labor per month' })).toBeNull();
    expect(requests.some((request) => request.includes('/api/reports/'))).toBe(false);
  });
});
