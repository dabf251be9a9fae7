import type { AuditActor, AuditEntry } from '@carcar/common/contract/audit';
import { isRole, roleLabels } from '@carcar/common/contract/permissions';
import { formatWhen } from './time-zone';

// The audit trail in plain words: one sentence per entry, as staff would say it ("Max Manager
// voided the sale: customer changed mind"). Pure: the names of the people an entry points at by id
// come from what the page already loaded, and an unknown id is said as "#id".

/** Names of the records an entry may point at by id, from data the page already has. */
export interface NameBook {
  technician?: ReadonlyMap<string, string>;
  salesperson?: ReadonlyMap<string, string>;
  customer?: ReadonlyMap<string, string>;
}

/** One entry, said: who (and their role), what they did, and when. */
export interface AuditSentence {
  /** "Max Manager", "sales-api (outbox)". */
  actor: string;
  /** "Manager"; for a service, "Automatic". */
  role: string;
  /** What they did, without the actor: "voided the sale: customer changed mind". */
  did: string;
  /** The whole sentence: actor and deed. */
  sentence: string;
}

/** The services' own work, said as what it is: sales-api's only writes to others are its outbox's. */
const serviceNames: Record<string, string> = {
  'sales-api': 'sales-api (outbox)',
  'service-api': 'service-api',
  'inventory-api': 'inventory-api',
};

export function actorName(actor: AuditActor): string {
  if ('service' in actor) return serviceNames[actor.service] ?? actor.service;
  return actor.kind === 'token' ? `${actor.name} (API token)` : actor.name;
}

export function actorRole(actor: AuditActor): string {
  if ('service' in actor) return 'Automatic';
  return isRole(actor.role) ? roleLabels[actor.role] : String(actor.role);
}

/** The id the API filters on (`?actor=`): a person's or token's id, or a service's name. */
export function actorKey(actor: AuditActor): string {
  return 'service' in actor ? actor.service : actor.id;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Field names (DB columns) as words. */
const fieldWords: Record<string, string> = {
  vin: 'VIN',
  model_id: 'model',
  manufacturer_id: 'manufacturer',
  picture_url: 'picture',
  date_time: 'date and time',
  duration_minutes: 'length',
  technician_id: 'technician',
  salesperson_id: 'salesperson',
  customer_id: 'customer',
  automobile_vin: 'car',
  employee_id: 'employee ID',
  phone_number: 'phone number',
  cancel_reason: 'cancel reason',
  void_reason: 'void reason',
  voided_at: 'voided date',
  first_name: 'first name',
  last_name: 'last name',
};

const fieldWord = (field: string) => fieldWords[field] ?? field.replace(/_/g, ' ');

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value);

function idOf(value: unknown): string | null {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : null;
}

/** A referenced record by name, else by "#id". */
function named(book: ReadonlyMap<string, string> | undefined, value: unknown): string {
  const id = idOf(value);
  if (id === null) return 'nobody';
  return book?.get(id) ?? `#${id}`;
}

/** A field's value as words: names for ids, money for prices, the dealership's clock for instants. */
function valueText(field: string, value: unknown, names: NameBook): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'technician_id') return named(names.technician, value);
  if (field === 'salesperson_id') return named(names.salesperson, value);
  if (field === 'customer_id') return named(names.customer, value);
  if (field === 'price' && (typeof value === 'number' || typeof value === 'string') && Number.isFinite(Number(value)))
    return money.format(Number(value));
  if (field === 'duration_minutes' && typeof value === 'number') return `${value} minutes`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isInstant(value)) return formatWhen(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const after = (entry: AuditEntry, field: string): unknown => entry.changes[field]?.[1];
const before = (entry: AuditEntry, field: string): unknown => entry.changes[field]?.[0];
/** A field as it was when the entry was made: the new value, or the old one on a delete. */
const fieldValue = (entry: AuditEntry, field: string): unknown => after(entry, field) ?? before(entry, field);

/** "a, b and c". */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

// Bookkeeping columns: never part of what staff changed.
const unsaid = new Set(['id', 'created_at', 'ends_at']);

/** "the color from red to blue and the year from 2018 to 2019" */
function changeList(entry: AuditEntry, names: NameBook, skip: readonly string[] = []): string {
  const parts = Object.entries(entry.changes)
    .filter(([field]) => !unsaid.has(field) && !skip.includes(field))
    .map(
      ([field, [from, to]]) =>
        `the ${fieldWord(field)} from ${valueText(field, from, names)} to ${valueText(field, to, names)}`,
    );
  return list(parts);
}

/** A person record's name: from the page's data, else from the entry itself (a create or delete). */
function personName(entry: AuditEntry, book: ReadonlyMap<string, string> | undefined): string {
  const known = book?.get(entry.entity_id);
  if (known) return known;
  // An update carries only what changed: half a name would mislead, so only a whole one is used.
  const first = fieldValue(entry, 'first_name');
  const last = fieldValue(entry, 'last_name');
  if (typeof first === 'string' && typeof last === 'string') return `${first} ${last}`;
  return `#${entry.entity_id}`;
}

/** An entry's record as a noun phrase: "the customer Olivia Brown", "the model Civic", "the sale". */
function recordPhrase(entry: AuditEntry, names: NameBook): string {
  switch (entry.entity) {
    case 'automobile':
      return 'the car';
    case 'manufacturer':
    case 'model': {
      const name = fieldValue(entry, 'name');
      return `the ${entry.entity} ${typeof name === 'string' ? name : `#${entry.entity_id}`}`;
    }
    case 'technician':
      return `the technician ${personName(entry, names.technician)}`;
    case 'salesperson':
      return `the salesperson ${personName(entry, names.salesperson)}`;
    case 'customer':
      return `the customer ${personName(entry, names.customer)}`;
    case 'appointment':
      return 'the appointment';
    case 'sale':
      return 'the sale';
    default:
      return `the ${entry.entity.replace(/_/g, ' ')} #${entry.entity_id}`;
  }
}

const withReason = (text: string, reason: unknown) =>
  typeof reason === 'string' && reason.trim() !== '' ? `${text}: ${reason}` : text;

function created(entry: AuditEntry, names: NameBook): string {
  switch (entry.entity) {
    case 'automobile': {
      const details = [fieldValue(entry, 'year'), fieldValue(entry, 'color')].filter(
        (v) => v !== undefined && v !== null,
      );
      return `added the car to inventory${details.length ? ` (${details.join(', ')})` : ''}`;
    }
    case 'appointment': {
      const technician = named(names.technician, fieldValue(entry, 'technician_id'));
      const when = fieldValue(entry, 'date_time');
      const reason = fieldValue(entry, 'reason');
      const customer = fieldValue(entry, 'customer');
      const forWhom = typeof customer === 'string' ? ` for ${customer}` : '';
      const why = typeof reason === 'string' ? ` (${reason})` : '';
      return `booked an appointment${forWhom} with ${technician}${isInstant(when) ? ` for ${formatWhen(when)}` : ''}${why}`;
    }
    case 'sale':
      return recordedSale(entry, names);
    case 'technician':
    case 'salesperson': {
      const employeeId = fieldValue(entry, 'employee_id');
      return `added ${recordPhrase(entry, names)}${typeof employeeId === 'string' ? ` (${employeeId})` : ''}`;
    }
    default:
      return `added ${recordPhrase(entry, names)}`;
  }
}

function recordedSale(entry: AuditEntry, names: NameBook): string {
  const customer = named(names.customer, fieldValue(entry, 'customer_id'));
  const price = fieldValue(entry, 'price');
  const priced = price === undefined || price === null ? '' : ` for ${valueText('price', price, names)}`;
  const salesperson = fieldValue(entry, 'salesperson_id');
  const seller = salesperson === undefined ? '' : named(names.salesperson, salesperson);
  // Said only when someone else (a manager) recorded it for the salesperson.
  const actor = actorName(entry.actor);
  const by = seller && seller !== actor ? `, sold by ${seller}` : '';
  return `recorded the sale to ${customer}${priced}${by}`;
}

function updated(entry: AuditEntry, names: NameBook): string {
  const active = entry.changes.active;
  if (
    active &&
    Object.keys(entry.changes).length === 1 &&
    (entry.entity === 'technician' || entry.entity === 'salesperson')
  ) {
    return `${active[1] ? 'reinstated' : 'retired'} ${recordPhrase(entry, names)}`;
  }
  if (entry.entity === 'automobile') {
    const changes = changeList(entry, names);
    return changes ? `changed ${changes}` : 'changed the car';
  }
  const changes = changeList(entry, names);
  const subject = recordPhrase(entry, names);
  return changes ? `changed ${subject}: ${changes}` : `changed ${subject}`;
}

function deleted(entry: AuditEntry, names: NameBook): string {
  if (entry.entity === 'automobile') return 'removed the car from inventory';
  return `deleted ${recordPhrase(entry, names)}`;
}

/** What the actor did, without the actor. */
export function describeDeed(entry: AuditEntry, names: NameBook = {}): string {
  switch (entry.action) {
    case 'create':
      return created(entry, names);
    case 'update':
      return updated(entry, names);
    case 'delete':
      return deleted(entry, names);
    case 'sale':
      return recordedSale(entry, names);
    case 'void':
      return withReason('voided the sale', entry.reason ?? after(entry, 'void_reason'));
    case 'cancel':
      return withReason('canceled the appointment', entry.reason ?? after(entry, 'cancel_reason'));
    case 'finish':
      return 'finished the appointment';
    case 'sold':
      return 'marked the car sold';
    case 'unsold':
      return 'put the car back in stock (marked unsold)';
    default: {
      // The gateway's identity events (sign-in and the like), and anything newer than this app.
      const verb = entry.action.replace(/[_-]+/g, ' ');
      const known: Record<string, string> = {
        'sign in': 'signed in',
        login: 'signed in',
        'sign out': 'signed out',
        logout: 'signed out',
        'sign in failed': 'failed to sign in',
        'login failed': 'failed to sign in',
        revoke: `revoked ${recordPhrase(entry, names)}`,
      };
      return withReason(known[verb] ?? `${verb}: ${recordPhrase(entry, names)}`, entry.reason);
    }
  }
}

/** One entry in plain words, with who did it and in which role. */
export function describeEntry(entry: AuditEntry, names: NameBook = {}): AuditSentence {
  const actor = actorName(entry.actor);
  const did = describeDeed(entry, names);
  return { actor, role: actorRole(entry.actor), did, sentence: `${actor} ${did}` };
}

/** The names a page knows, as a NameBook: `[id, "First Last"]` pairs per kind. */
export function nameBook(parts: {
  technicians?: Iterable<{ id: number; first_name: string; last_name: string }>;
  salespeople?: Iterable<{ id: number; first_name: string; last_name: string }>;
  customers?: Iterable<{ id: number; first_name: string; last_name: string }>;
}): NameBook {
  const map = (people?: Iterable<{ id: number; first_name: string; last_name: string }>) =>
    new Map([...(people ?? [])].map((p) => [String(p.id), `${p.first_name} ${p.last_name}`] as const));
  return {
    technician: map(parts.technicians),
    salesperson: map(parts.salespeople),
    customer: map(parts.customers),
  };
}
