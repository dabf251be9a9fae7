// Who may do what, written once: the services check it, the gateway answers it in `GET /auth/me`,
// and the browser app shows only what the person may do. Browser-safe: no node imports.

/** The staff roles, in the order the browser app lists them. */
export const roles = ['admin', 'manager', 'sales', 'service', 'technician'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Readonly<Record<Role, string>> = {
  admin: 'Administrator',
  manager: 'Manager',
  sales: 'Salesperson',
  service: 'Service advisor',
  technician: 'Technician',
};

/**
 * Every permission a person (or API token) can hold, with what it allows. Each description is a
 * verb phrase so it reads both as a label and after "You do not have permission to …".
 */
export const permissionDescriptions = {
  'inventory.read': 'read manufacturers, models, automobiles and VIN decodes',
  'inventory.write': 'create, change or delete manufacturers, models and automobiles',
  'inventory.cost': "see automobiles' cost and sales' front gross",
  'technicians.read': 'read technicians',
  'technicians.write': 'create, change or delete technicians',
  'appointments.read': 'read appointments and service history',
  'appointments.book': 'book or cancel appointments',
  'appointments.finish': 'finish appointments',
  'appointments.finish.own': 'finish appointments assigned to you',
  'salespeople.read': 'read salespeople',
  'salespeople.write': 'create, change or delete salespeople',
  'customers.read': 'read customers',
  'customers.create': 'add and correct customers',
  'customers.delete': 'delete customers',
  'sales.read': 'read sales',
  'sales.read.own': 'read your own sales',
  'sales.record': 'record sales',
  'sales.void': 'void sales',
  'audit.read': 'read the audit trail',
  'reports.read': "read the reports (sales, technicians' weeks, inventory aging)",
  'users.manage': 'manage users and API tokens',
  'repair_orders.read': 'read repair orders and the shop settings',
  'repair_orders.write':
    'write up, change and void repair orders, change their lines, send estimates, record approvals, invoice and take payments',
  'repair_orders.propose':
    'add proposed lines and inspection photos to repair orders, and add, change or remove their inspection items',
  'repair_orders.work': 'clock on and off repair order lines and mark them done',
  'repair_orders.work.own': 'clock on and off the repair order lines assigned to you and mark them done',
  'shop.settings': 'change the shop settings (labor rate, tax rate)',
  'parts.read': 'read the parts list, stock and stock movements',
  'parts.write': 'add and change parts and receive stock',
  'parts.adjust': 'adjust stock counts (a count, damage, loss)',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof permissionDescriptions;
export const permissions = Object.keys(permissionDescriptions) as Permission[];

/**
 * The permissions that also exist as "own only": `<permission>.own` allows the action only on
 * records linked to the actor, through the credential's field named here.
 */
export const ownerFields = {
  'appointments.finish': 'technician_id',
  'sales.read': 'salesperson_id',
  'repair_orders.work': 'technician_id',
} as const satisfies Partial<Record<Permission, string>>;

export type OwnablePermission = keyof typeof ownerFields;
export type OwnerField = (typeof ownerFields)[OwnablePermission];

/** `appointments.finish` → `appointments.finish.own`. */
export function ownVariant<P extends OwnablePermission>(permission: P): `${P}.own` {
  return `${permission}.own`;
}

const everyPermission = permissions;
const withoutUsers = everyPermission.filter((permission) => permission !== 'users.manage');

// The role table of docs/identity.md. Admin and manager hold the full permissions, never the
// ".own" ones: holding the full permission already covers one's own records.
const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: everyPermission.filter((permission) => !permission.endsWith('.own')),
  manager: withoutUsers.filter((permission) => !permission.endsWith('.own')),
  sales: ['inventory.read', 'salespeople.read', 'customers.read', 'customers.create', 'sales.read.own', 'sales.record'],
  service: [
    'inventory.read',
    'technicians.read',
    'appointments.read',
    'appointments.book',
    'appointments.finish',
    'customers.read',
    'customers.create',
    'repair_orders.read',
    'repair_orders.write',
    'repair_orders.propose',
    'repair_orders.work',
    'parts.read',
    'parts.write',
  ],
  technician: [
    'inventory.read',
    'technicians.read',
    'appointments.read',
    'appointments.finish.own',
    'repair_orders.read',
    'repair_orders.propose',
    'repair_orders.work.own',
    'parts.read',
  ],
};

/** What a role may do: the answer of the one table. */
export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The services that receive internal credentials (the `aud` of a token). */
export const serviceNames = ['inventory-api', 'service-api', 'sales-api'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** The one issuer allowed to speak for a person or an API token. */
export const GATEWAY_ISSUER = 'carcar-gateway';
/** Who may sign internal credentials: the gateway and the services that call other services. */
export const issuers = [GATEWAY_ISSUER, 'service-api', 'sales-api'] as const;
export type Issuer = (typeof issuers)[number];

/** What a service's own credential may do; never granted to a person. */
export const servicePermissionDescriptions = {
  'feed.read': "read inventory's changes feed",
  'automobiles.sold': 'mark an automobile sold or unsold',
  'automobiles.trade_in': "put a sale's trade-in into inventory and take it out again on a void",
  'estimates.public': "read and decide an estimate through the customer's approval link",
  'events.read': "read a service's webhook events feed",
  'emails.unsubscribe': "unsubscribe an address through the unsubscribe link of a customer's email",
} as const satisfies Record<string, string>;

export type ServicePermission = keyof typeof servicePermissionDescriptions;

/**
 * Who may hold a credential of its own (`sub: service:<name>`): the services, and the gateway for
 * the calls it makes for nobody signed in (the customer's approval link).
 */
export type CredentialService = ServiceName | typeof GATEWAY_ISSUER;

/**
 * Fixed in code, not in the token: a service credential grants only the calls its service makes
 * (the pollers' feed reads, the sales outbox's sold/unsold updates). Inventory calls nobody. The
 * gateway's own credential reaches only the public estimate routes, where the service resolves
 * the customer's token: the credential alone opens no order, and each service's webhook events
 * feed (`events.read`), which the gateway delivers to the subscribed receivers.
 */
export const servicePermissions: Readonly<Record<CredentialService, readonly ServicePermission[]>> = {
  'inventory-api': [],
  'service-api': ['feed.read'],
  'sales-api': ['feed.read', 'automobiles.sold', 'automobiles.trade_in'],
  'carcar-gateway': ['estimates.public', 'events.read', 'emails.unsubscribe'],
};

/** What a permission allows, as a verb phrase ("read sales"). */
export function describePermission(permission: Permission | ServicePermission): string {
  return permission in permissionDescriptions
    ? permissionDescriptions[permission as Permission]
    : servicePermissionDescriptions[permission as ServicePermission];
}

/** A person signed in at the gateway, or an integration's API token acting with a role. */
export interface PersonActor {
  kind: 'person' | 'token';
  /** The id after `user:` or `token:` in the credential's `sub`. */
  id: string;
  name: string;
  role: Role;
  /** Derived from the role by this table, never read from the token. */
  permissions: readonly Permission[];
  technician_id?: number;
  salesperson_id?: number;
}

/** A service calling another service with its own key. */
export interface ServiceActor {
  kind: 'service';
  service: CredentialService;
}

export type Actor = PersonActor | ServiceActor;

/**
 * Whether the actor holds exactly this permission. The browser app may pass its `User` (which has
 * `permissions`) as well as a verified actor.
 *
 * "Own only" is a permission of its own: `can(technician, 'appointments.finish')` is false, while
 * `can(technician, 'appointments.finish.own')` is true. Use `canAtLeastOwn` to ask "may they do it
 * to anything at all?" (show the menu entry, accept the route), and `allowsOwn` for one record.
 */
export function can(
  actor: Actor | { permissions: readonly Permission[] },
  permission: Permission | ServicePermission,
): boolean {
  if ('kind' in actor && actor.kind === 'service') {
    return (servicePermissions[actor.service] as readonly string[]).includes(permission);
  }
  return (actor.permissions as readonly string[]).includes(permission);
}

/** Holds the permission fully or for their own records only. */
export function canAtLeastOwn(
  actor: Actor | { permissions: readonly Permission[] },
  permission: OwnablePermission,
): boolean {
  return can(actor, permission) || can(actor, ownVariant(permission));
}

/**
 * Whether the actor may act on one record whose owner (a technician or salesperson id) is
 * `ownerId`: the full permission allows any record; the `.own` one only when the owner is the
 * actor's linked technician or salesperson. A person with no link owns nothing.
 */
export function allowsOwn(
  actor: Actor | (Partial<Record<OwnerField, number | null>> & { permissions: readonly Permission[] }),
  permission: OwnablePermission,
  ownerId: number | null | undefined,
): boolean {
  if (can(actor, permission)) return true;
  if (!can(actor, ownVariant(permission)) || ('kind' in actor && actor.kind === 'service')) return false;
  const linked = actor[ownerFields[permission]];
  return linked !== undefined && linked !== null && linked === ownerId;
}

/**
 * The records a list may show: all of them, only those owned by one technician/salesperson, or
 * none. A salesperson's sales list is `{ ownerId }`; a manager's is `'all'`.
 */
export function ownScope(actor: Actor, permission: OwnablePermission): 'all' | 'none' | { ownerId: number } {
  if (can(actor, permission)) return 'all';
  if (actor.kind === 'service' || !can(actor, ownVariant(permission))) return 'none';
  const linked = actor[ownerFields[permission]];
  return linked === undefined ? 'none' : { ownerId: linked };
}
