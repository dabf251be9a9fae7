import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { api } from './browser.js';

// The workshop journeys' own helpers: the seed's technicians, a repair order read back through the
// API, and whether a control is within a thumb's reach on a phone.

/**
 * The id of the technician `npm run seed` made with `employeeId` (T-100 Ada Lovelace, T-101 Grace
 * Hopper, T-102…), for a journey that books or assigns the seed's own people.
 */
export async function seededTechnician(employeeId: string): Promise<number> {
  const { technicians } = await api().call<{ technicians: { id: number; employee_id: string }[] }>(
    'GET',
    '/service/api/technicians/',
  );
  const person = technicians.find((p) => p.employee_id === employeeId);
  if (!person) throw new Error(`the seed made no ${employeeId}`);
  return person.id;
}

/** A repair order as the service API answers it, to check what a journey stored. */
export const getRepairOrder = (id: number) => api().call<RepairOrder>('GET', `/service/api/repair-orders/${id}/`);

/** The element is at least 44 px tall and wholly on a 390 px screen: a thumb reaches it. */
export async function expectTappable(target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  expect(box?.height ?? 0, `${what} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390, `${what} fully on screen`).toBe(true);
}
