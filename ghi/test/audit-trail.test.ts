import { describe, expect, it } from 'vitest';
import { newestFirst, type SourcedEntry, shownUpTo } from '../src/lib/audit-trail';

const at = (minute: number) => `2027-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const entry = (source: SourcedEntry['source'], id: number, minute: number): SourcedEntry => ({
  source,
  id,
  at: at(minute),
  actor: { service: 'sales-api' },
  action: 'sold',
  entity: 'automobile',
  entity_id: '1',
  changes: {},
  request_id: 'r',
});

describe('merging the services’ trails', () => {
  it('puts every source’s entries in one list, newest first', () => {
    const merged = newestFirst([entry('inventory', 1, 1), entry('sales', 7, 5), entry('service', 3, 3)]);
    expect(merged.map((e) => `${e.source}-${e.id}`)).toEqual(['sales-7', 'service-3', 'inventory-1']);
  });

  it('keeps a source’s own order for entries made in the same instant', () => {
    const merged = newestFirst([entry('sales', 4, 2), entry('sales', 5, 2)]);
    expect(merged.map((e) => e.id)).toEqual([5, 4]);
  });

  it('shows nothing older than the oldest entry fetched from a source that has more', () => {
    const inventory = [entry('inventory', 9, 50), entry('inventory', 8, 40)];
    const sales = [entry('sales', 3, 45), entry('sales', 2, 10)];
    const progress = {
      // Inventory has more, older than 10:40: a sales entry from 10:10 must wait for "Load more".
      inventory: { fetched: 2, total: 5, oldest: at(40) },
      sales: { fetched: 2, total: 2, oldest: at(10) },
    };
    expect(shownUpTo([...inventory, ...sales], progress).map((e) => `${e.source}-${e.id}`)).toEqual([
      'inventory-9',
      'sales-3',
      'inventory-8',
    ]);
    // Everything read: everything shows.
    const done = { ...progress, inventory: { fetched: 5, total: 5, oldest: at(1) } };
    expect(shownUpTo([...inventory, ...sales], done)).toHaveLength(4);
  });
});
