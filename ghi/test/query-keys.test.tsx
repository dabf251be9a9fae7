// @vitest-environment jsdom
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueryClient } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppHarness, send, startAppHarness } from './app-harness';

// The query keys are one factory keyed by API resource (lib/query-keys): a person added through one
// feature's mutation refreshes every feature's view of that resource. Admin's lists of technicians
// and salespeople (to link an account to) once had keys of their own, and stayed stale after a
// technician or salesperson was added on the service or sales pages.

type Person = { id: number; first_name: string; last_name: string; employee_id: string; active: boolean };

const people: Record<'technicians' | 'salespeople', Person[]> = { technicians: [], salespeople: [] };
const reads = { technicians: 0, salespeople: 0 };

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const list =
    path === '/service/api/technicians/' ? 'technicians' : path === '/sales/api/salespeople/' ? 'salespeople' : null;
  if (!list) return send(res, 404, { message: `no ${path} here` });
  if (req.method === 'GET') {
    reads[list] += 1;
    return send(res, 200, { [list]: people[list] });
  }
  const person = { id: people[list].length + 1, active: true, ...(await bodyOf(req)) } as Person;
  people[list].push(person);
  return send(res, 201, person);
}

let harness: AppHarness;
let client: QueryClient;
let wrapper: ({ children }: { children: ReactNode }) => ReactNode;

beforeAll(async () => {
  harness = await startAppHarness(handle);
  const { createQueryClient } = await import('../src/app/provider');
  const { QueryClientProvider } = await import('@tanstack/react-query');
  client = createQueryClient();
  wrapper = ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
});
afterEach(cleanup);
afterAll(() => harness.close());

describe('one key per API resource', () => {
  it("adding a technician on the service pages refreshes admin's list to link an account to", async () => {
    people.technicians = [{ id: 1, first_name: 'Ada', last_name: 'Lovelace', employee_id: 'T-1', active: true }];
    const { useLinkableTechnicians } = await import('../src/features/admin/api/get-technicians');
    const { useCreateTechnician } = await import('../src/features/service/api/create-technician');
    const { result } = renderHook(() => ({ linkable: useLinkableTechnicians(), create: useCreateTechnician() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.linkable.data).toHaveLength(1));
    const before = reads.technicians;

    await act(() =>
      result.current.create.mutateAsync({ first_name: 'Grace', last_name: 'Hopper', employee_id: 'T-2' }),
    );

    await waitFor(() => expect(result.current.linkable.data?.map((t) => t.first_name)).toEqual(['Ada', 'Grace']));
    expect(reads.technicians).toBeGreaterThan(before);
  });

  it("adding a salesperson on the sales pages refreshes admin's list to link an account to", async () => {
    people.salespeople = [{ id: 1, first_name: 'Sam', last_name: 'Seller', employee_id: 'S-1', active: true }];
    const { useLinkableSalespeople } = await import('../src/features/admin/api/get-salespeople');
    const { useCreateSalesperson } = await import('../src/features/sales/api/create-salesperson');
    const { result } = renderHook(() => ({ linkable: useLinkableSalespeople(), create: useCreateSalesperson() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.linkable.data).toHaveLength(1));
    const before = reads.salespeople;

    await act(() => result.current.create.mutateAsync({ first_name: 'Dana', last_name: 'Deal', employee_id: 'S-2' }));

    await waitFor(() => expect(result.current.linkable.data?.map((p) => p.first_name)).toEqual(['Sam', 'Dana']));
    expect(reads.salespeople).toBeGreaterThan(before);
  });
});
