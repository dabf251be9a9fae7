import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  allowsOwn,
  can,
  canAtLeastOwn,
  describePermission,
  ownScope,
  type Permission,
  type PersonActor,
  permissionDescriptions,
  permissions,
  permissionsOf,
  type Role,
  roleLabels,
  roles,
  servicePermissions,
} from '../src/contract/permissions.js';

// The role table of docs/identity.md, copied by hand so a slip in the code's table shows up here.
// Columns: admin, manager, sales, service, technician. 'o' is "own only".
const documentedTable: Record<string, string> = {
  'inventory.read': 'xxxxx',
  'inventory.write': 'xx...',
  'inventory.cost': 'xx...',
  'technicians.read': 'xx.xx',
  'technicians.write': 'xx...',
  'appointments.read': 'xx.xx',
  'appointments.book': 'xx.x.',
  'appointments.finish': 'xx.xo',
  'salespeople.read': 'xxx..',
  'customers.read': 'xxxx.',
  'customers.create': 'xxxx.',
  'salespeople.write': 'xx...',
  'customers.delete': 'xx...',
  'sales.read': 'xxo..',
  'sales.record': 'xxx..',
  'sales.void': 'xx...',
  'audit.read': 'xx...',
  'reports.read': 'xx...',
  'users.manage': 'x....',
  'repair_orders.read': 'xx.xx',
  'repair_orders.write': 'xx.x.',
  'repair_orders.propose': 'xx.xx',
  'repair_orders.work': 'xx.xo',
  'shop.settings': 'xx...',
  'parts.read': 'xx.xx',
  'parts.write': 'xx.x.',
  'parts.adjust': 'xx...',
};

function documentedPermissions(role: Role): Permission[] {
  const column = roles.indexOf(role);
  return Object.entries(documentedTable).flatMap(([permission, cells]) => {
    const cell = cells[column];
    if (cell === 'x') return [permission as Permission];
    if (cell === 'o') return [`${permission}.own` as Permission];
    return [];
  });
}

function person(role: Role, links: Pick<PersonActor, 'technician_id' | 'salesperson_id'> = {}): PersonActor {
  return { kind: 'person', id: '1', name: 'Someone', role, permissions: permissionsOf(role), ...links };
}

describe('the role table', () => {
  it.each(roles)('gives %s exactly what docs/identity.md lists', (role) => {
    expect([...permissionsOf(role)].sort()).toEqual(documentedPermissions(role).sort());
  });

  it('names every permission the table uses, and describes each', () => {
    const used = new Set(roles.flatMap((role) => permissionsOf(role)));
    expect([...used].sort()).toEqual([...permissions].sort());
    for (const permission of permissions) {
      expect(permissionDescriptions[permission]).toMatch(/^[a-z]/);
    }
    for (const role of roles) expect(roleLabels[role]).toMatch(/^[A-Z]/);
  });

  it('grants services only their own calls, and never a person permission', () => {
    expect(servicePermissions['inventory-api']).toEqual([]);
    expect(servicePermissions['service-api']).toEqual(['feed.read']);
    expect([...servicePermissions['sales-api']].sort()).toEqual([
      'automobiles.sold',
      'automobiles.trade_in',
      'feed.read',
    ]);
    const salesApi = { kind: 'service', service: 'sales-api' } as const;
    expect(can(salesApi, 'automobiles.sold')).toBe(true);
    expect(can(salesApi, 'feed.read')).toBe(true);
    for (const permission of permissions) expect(can(salesApi, permission)).toBe(false);
    expect(can({ kind: 'service', service: 'service-api' }, 'automobiles.sold')).toBe(false);
    expect(can(person('admin'), 'feed.read')).toBe(false);
    expect(describePermission('feed.read')).toBe("read inventory's changes feed");
  });

  it("gives the gateway's own credential only the public estimate routes", () => {
    const gateway = { kind: 'service', service: 'carcar-gateway' } as const;
    expect(servicePermissions['carcar-gateway']).toContain('estimates.public');
    expect(can(gateway, 'estimates.public')).toBe(true);
    for (const permission of permissions) expect(can(gateway, permission)).toBe(false);
    for (const service of ['inventory-api', 'service-api', 'sales-api'] as const) {
      expect(can({ kind: 'service', service }, 'estimates.public')).toBe(false);
    }
    for (const role of roles) expect(can(person(role), 'estimates.public')).toBe(false);
  });

  it('is browser-safe: no node imports', async () => {
    const source = await readFile(new URL('../src/contract/permissions.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from ['"](node:|fs|path|crypto)/);
    expect(source).not.toMatch(/^import (?!type)/m);
  });
});

describe('own only', () => {
  it('is a permission of its own, not the full one', () => {
    const technician = person('technician', { technician_id: 7 });
    expect(can(technician, 'appointments.finish')).toBe(false);
    expect(can(technician, 'appointments.finish.own')).toBe(true);
    expect(canAtLeastOwn(technician, 'appointments.finish')).toBe(true);
    expect(canAtLeastOwn(person('sales'), 'appointments.finish')).toBe(false);
    // The browser app asks with its User JSON.
    expect(can({ permissions: permissionsOf('sales') }, 'sales.read.own')).toBe(true);
  });

  it('lets a technician finish only their own appointments', () => {
    const technician = person('technician', { technician_id: 7 });
    expect(allowsOwn(technician, 'appointments.finish', 7)).toBe(true);
    expect(allowsOwn(technician, 'appointments.finish', 8)).toBe(false);
    expect(allowsOwn(technician, 'appointments.finish', null)).toBe(false);
    // Without a link to a technician, nothing is theirs.
    expect(allowsOwn(person('technician'), 'appointments.finish', 7)).toBe(false);
    expect(allowsOwn(person('technician'), 'appointments.finish', undefined)).toBe(false);
    // A salesperson link does not make someone a technician.
    expect(allowsOwn(person('technician', { salesperson_id: 7 }), 'appointments.finish', 7)).toBe(false);
  });

  it('lets the full permission act on any record', () => {
    expect(allowsOwn(person('service'), 'appointments.finish', 8)).toBe(true);
    expect(allowsOwn(person('manager'), 'sales.read', 3)).toBe(true);
    expect(allowsOwn(person('service', { technician_id: 1 }), 'sales.read', 1)).toBe(false);
    expect(allowsOwn({ kind: 'service', service: 'sales-api' }, 'sales.read', 1)).toBe(false);
  });

  it('scopes lists: all, own or none', () => {
    expect(ownScope(person('manager'), 'sales.read')).toBe('all');
    expect(ownScope(person('sales', { salesperson_id: 4 }), 'sales.read')).toEqual({ ownerId: 4 });
    expect(ownScope(person('sales'), 'sales.read')).toBe('none');
    expect(ownScope(person('service'), 'sales.read')).toBe('none');
    expect(ownScope({ kind: 'service', service: 'sales-api' }, 'sales.read')).toBe('none');
  });
});
