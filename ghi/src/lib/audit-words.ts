import type { AuditActor, AuditEntry } from '@carcar/common/contract/audit';
import { isRole } from '@carcar/common/contract/permissions';
import { roleLabel } from '../components/role-label';
import { contractMessage } from './contract-messages';
import { formatDateTime, formatMoney } from './format';
import { i18n } from './i18n';

// The audit trail in plain words: one sentence per entry, as staff would say it ("Max Manager
// voided the sale: customer changed mind"). Pure: the names of the people an entry points at by id
// come from what the page already loaded, and an unknown id is said as "#id". The words are the
// `audit` catalogue's, in the language shown when a sentence is made (each render asks again).

/** Names of the records an entry may point at by id, from data the page already has. */
export interface NameBook {
  technician?: ReadonlyMap<string, string>;
  salesperson?: ReadonlyMap<string, string>;
  customer?: ReadonlyMap<string, string>;
}

/** One entry, said: who (and their role), what they did, and when. */
export interface AuditSentence {
  /** "Max Manager", "System". */
  actor: string;
  /** "Manager"; for a service, "Automatic". */
  role: string;
  /** What they did, without the actor: "voided the sale: customer changed mind". */
  did: string;
  /** The whole sentence: actor and deed. */
  sentence: string;
}

/**
 * Who did it, as staff know them. A service's own work (sales-api's outbox marking a car sold) is
 * "System": which program wrote it is for developers, and `actorKey` still tells them apart.
 */
export function actorName(actor: AuditActor): string {
  if ('service' in actor) return i18n.t('audit:actor.system');
  return actor.kind === 'token' ? i18n.t('audit:actor.token', { name: actor.name }) : actor.name;
}

export function actorRole(actor: AuditActor): string {
  if ('service' in actor) return i18n.t('audit:actor.automatic');
  return isRole(actor.role) ? roleLabel(i18n.t, actor.role) : String(actor.role);
}

/** The id the API filters on (`?actor=`): a person's or token's id, or a service's name. */
export function actorKey(actor: AuditActor): string {
  return 'service' in actor ? actor.service : actor.id;
}

/** Field names (DB columns) as words; a column newer than this app is said as its name. */
const fieldWords: Record<string, () => string> = {
  vin: () => i18n.t('audit:field.vin'),
  model_id: () => i18n.t('audit:field.model'),
  manufacturer_id: () => i18n.t('audit:field.manufacturer'),
  picture_url: () => i18n.t('audit:field.picture'),
  date_time: () => i18n.t('audit:field.dateTime'),
  duration_minutes: () => i18n.t('audit:field.length'),
  technician_id: () => i18n.t('audit:field.technician'),
  salesperson_id: () => i18n.t('audit:field.salesperson'),
  customer_id: () => i18n.t('audit:field.customerId'),
  automobile_vin: () => i18n.t('audit:field.car'),
  employee_id: () => i18n.t('audit:field.employeeId'),
  phone_number: () => i18n.t('audit:field.phoneNumber'),
  cancel_reason: () => i18n.t('audit:field.cancelReason'),
  void_reason: () => i18n.t('audit:field.voidReason'),
  voided_at: () => i18n.t('audit:field.voidedDate'),
  first_name: () => i18n.t('audit:field.firstName'),
  last_name: () => i18n.t('audit:field.lastName'),
  color: () => i18n.t('audit:field.color'),
  year: () => i18n.t('audit:field.year'),
  name: () => i18n.t('audit:field.name'),
  address: () => i18n.t('audit:field.address'),
  price: () => i18n.t('audit:field.price'),
  reason: () => i18n.t('audit:field.reason'),
  status: () => i18n.t('audit:field.status'),
  sold: () => i18n.t('audit:field.sold'),
  active: () => i18n.t('audit:field.active'),
  vip: () => i18n.t('audit:field.vip'),
  customer: () => i18n.t('audit:field.customer'),
  email: () => i18n.t('audit:field.email'),
  role: () => i18n.t('audit:field.role'),
  mileage: () => i18n.t('audit:field.mileage'),
  number: () => i18n.t('audit:field.number'),
  description: () => i18n.t('audit:field.description'),
  cost: () => i18n.t('audit:field.cost'),
  on_hand: () => i18n.t('audit:field.onHand'),
  reorder_point: () => i18n.t('audit:field.reorderPoint'),
  labor_rate: () => i18n.t('audit:field.laborRate'),
  tax_rate: () => i18n.t('audit:field.taxRate'),
  customer_name: () => i18n.t('audit:field.customerName'),
  customer_phone: () => i18n.t('audit:field.customerPhone'),
  customer_email: () => i18n.t('audit:field.customerEmail'),
  concern: () => i18n.t('audit:field.concern'),
  appointment_id: () => i18n.t('audit:field.appointmentId'),
  advisor_id: () => i18n.t('audit:field.advisorId'),
  advisor_name: () => i18n.t('audit:field.advisorName'),
  invoiced_at: () => i18n.t('audit:field.invoicedAt'),
  closed_at: () => i18n.t('audit:field.closedAt'),
  approval_expires_at: () => i18n.t('audit:field.approvalExpiresAt'),
  repair_order_id: () => i18n.t('audit:field.repairOrderId'),
  kind: () => i18n.t('audit:field.kind'),
  hours: () => i18n.t('audit:field.hours'),
  rate: () => i18n.t('audit:field.rate'),
  part_number: () => i18n.t('audit:field.partNumber'),
  quantity: () => i18n.t('audit:field.quantity'),
  unit_price: () => i18n.t('audit:field.unitPrice'),
  amount: () => i18n.t('audit:field.amount'),
  approval_by: () => i18n.t('audit:field.approvalBy'),
  approval_name: () => i18n.t('audit:field.approvalName'),
  approval_method: () => i18n.t('audit:field.approvalMethod'),
  approval_at: () => i18n.t('audit:field.approvalAt'),
  approval_address: () => i18n.t('audit:field.approvalAddress'),
  backordered: () => i18n.t('audit:field.backordered'),
  done_at: () => i18n.t('audit:field.doneAt'),
  line_id: () => i18n.t('audit:field.lineId'),
  started_at: () => i18n.t('audit:field.startedAt'),
  ended_at: () => i18n.t('audit:field.endedAt'),
  method: () => i18n.t('audit:field.method'),
  reference: () => i18n.t('audit:field.reference'),
  at: () => i18n.t('audit:field.at'),
  condition: () => i18n.t('audit:field.condition'),
  note: () => i18n.t('audit:field.note'),
  item_id: () => i18n.t('audit:field.itemId'),
  file: () => i18n.t('audit:field.file'),
  width: () => i18n.t('audit:field.width'),
  height: () => i18n.t('audit:field.height'),
  bytes: () => i18n.t('audit:field.bytes'),
  thumbnail_bytes: () => i18n.t('audit:field.thumbnailBytes'),
  source_type: () => i18n.t('audit:field.sourceType'),
  items: () => i18n.t('audit:field.items'),
  trade_in: () => i18n.t('audit:field.tradeIn'),
  trade_in_vin: () => i18n.t('audit:field.tradeInVin'),
  fees: () => i18n.t('audit:field.fees'),
  deal: () => i18n.t('audit:field.deal'),
  odometer: () => i18n.t('audit:field.odometer'),
  list_price: () => i18n.t('audit:field.listPrice'),
  acquired_at: () => i18n.t('audit:field.acquiredAt'),
  trade_in_sale_id: () => i18n.t('audit:field.tradeInSaleId'),
  disabled: () => i18n.t('audit:field.disabled'),
  revoked_at: () => i18n.t('audit:field.revokedAt'),
  last_used_at: () => i18n.t('audit:field.lastUsedAt'),
  expires_at: () => i18n.t('audit:field.expiresAt'),
  url: () => i18n.t('audit:field.url'),
  events: () => i18n.t('audit:field.events'),
  created_by: () => i18n.t('audit:field.createdBy'),
};

const fieldWord = (field: string) => fieldWords[field]?.() ?? field.replace(/_/g, ' ');

/** How a payment was made, and how a customer gave a decision. */
const methodWords: Record<string, () => string> = {
  cash: () => i18n.t('audit:enum.method.cash'),
  card: () => i18n.t('audit:enum.method.card'),
  check: () => i18n.t('audit:enum.method.check'),
  other: () => i18n.t('audit:enum.method.other'),
  phone: () => i18n.t('audit:enum.method.phone'),
  in_person: () => i18n.t('audit:enum.method.inPerson'),
  link: () => i18n.t('audit:enum.method.link'),
};

/** Values of the workshop's and the sales desk's lists, as words; a value newer than this app as it came. */
const enumWords: Record<string, Record<string, () => string>> = {
  status: {
    open: () => i18n.t('audit:enum.status.open'),
    estimate: () => i18n.t('audit:enum.status.estimate'),
    in_progress: () => i18n.t('audit:enum.status.inProgress'),
    ready: () => i18n.t('audit:enum.status.ready'),
    invoiced: () => i18n.t('audit:enum.status.invoiced'),
    closed: () => i18n.t('audit:enum.status.closed'),
    void: () => i18n.t('audit:enum.status.void'),
    proposed: () => i18n.t('audit:enum.status.proposed'),
    approved: () => i18n.t('audit:enum.status.approved'),
    declined: () => i18n.t('audit:enum.status.declined'),
    done: () => i18n.t('audit:enum.status.done'),
  },
  kind: {
    labor: () => i18n.t('audit:enum.kind.labor'),
    part: () => i18n.t('audit:enum.kind.part'),
    fee: () => i18n.t('audit:enum.kind.fee'),
  },
  method: methodWords,
  approval_method: methodWords,
  approval_by: {
    customer: () => i18n.t('audit:enum.approvalBy.customer'),
    advisor: () => i18n.t('audit:enum.approvalBy.advisor'),
  },
  condition: {
    green: () => i18n.t('audit:enum.condition.green'),
    yellow: () => i18n.t('audit:enum.condition.yellow'),
    red: () => i18n.t('audit:enum.condition.red'),
    new: () => i18n.t('audit:enum.condition.new'),
    used: () => i18n.t('audit:enum.condition.used'),
  },
};

/** An appointment's status as the trail says it; a repair order's or a line's from `enumWords`; any other as it came. */
function statusWord(value: string): string {
  switch (value) {
    case 'created':
      return i18n.t('audit:value.created');
    case 'finished':
      return i18n.t('audit:value.finished');
    case 'canceled':
      return i18n.t('audit:value.canceled');
    default:
      return enumWords.status?.[value]?.() ?? value;
  }
}

const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value);

function idOf(value: unknown): string | null {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : null;
}

/** A referenced record by name, else by "#id". */
function named(book: ReadonlyMap<string, string> | undefined, value: unknown): string {
  const id = idOf(value);
  if (id === null) return i18n.t('audit:value.nobody');
  return book?.get(id) ?? `#${id}`;
}

/** A field's value as words: names for ids, money for prices, the dealership's clock for instants. */
function valueText(field: string, value: unknown, names: NameBook): string {
  if (value === null || value === undefined || value === '') return i18n.t('audit:value.nothing');
  if (field === 'technician_id') return named(names.technician, value);
  if (field === 'salesperson_id') return named(names.salesperson, value);
  if (field === 'customer_id') return named(names.customer, value);
  if (field === 'price' && (typeof value === 'number' || typeof value === 'string') && Number.isFinite(Number(value)))
    return formatMoney(Number(value));
  if (field === 'duration_minutes' && typeof value === 'number') return i18n.t('audit:value.minutes', { count: value });
  if (typeof value === 'boolean') return value ? i18n.t('audit:value.yes') : i18n.t('audit:value.no');
  if (field === 'status' && typeof value === 'string') return statusWord(value);
  const listed = typeof value === 'string' ? enumWords[field]?.[value] : undefined;
  if (listed) return listed();
  if (isInstant(value)) return formatDateTime(value);
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
  return i18n.t('audit:and', { first: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] });
}

// Bookkeeping columns: never part of what staff changed.
const unsaid = new Set(['id', 'created_at', 'ends_at']);

/** "the color from red to blue and the year from 2018 to 2019" */
function changeList(entry: AuditEntry, names: NameBook, skip: readonly string[] = []): string {
  const parts = Object.entries(entry.changes)
    .filter(([field]) => !unsaid.has(field) && !skip.includes(field))
    .map(([field, [from, to]]) =>
      i18n.t('audit:change', {
        field: fieldWord(field),
        from: valueText(field, from, names),
        to: valueText(field, to, names),
      }),
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

/** The records said by their kind and id: "the repair order #3". */
const recordWords: Record<string, (id: string) => string> = {
  repair_order: (id) => i18n.t('audit:record.repairOrder', { id }),
  repair_order_line: (id) => i18n.t('audit:record.repairOrderLine', { id }),
  line_clock: (id) => i18n.t('audit:record.lineClock', { id }),
  repair_order_payment: (id) => i18n.t('audit:record.repairOrderPayment', { id }),
  shop_settings: (id) => i18n.t('audit:record.shopSettings', { id }),
  part: (id) => i18n.t('audit:record.part', { id }),
  inspection_item: (id) => i18n.t('audit:record.inspectionItem', { id }),
  inspection_photo: (id) => i18n.t('audit:record.inspectionPhoto', { id }),
  inspection_template: (id) => i18n.t('audit:record.inspectionTemplate', { id }),
  webhook: (id) => i18n.t('audit:record.webhook', { id }),
  request: (id) => i18n.t('audit:record.request', { id }),
};

/** An entry's record as a noun phrase: "the customer Olivia Brown", "the model Civic", "the sale". */
function recordPhrase(entry: AuditEntry, names: NameBook): string {
  switch (entry.entity) {
    case 'automobile':
      return i18n.t('audit:record.car');
    case 'manufacturer':
    case 'model': {
      const value = fieldValue(entry, 'name');
      const name = typeof value === 'string' ? value : `#${entry.entity_id}`;
      return entry.entity === 'model'
        ? i18n.t('audit:record.model', { name })
        : i18n.t('audit:record.manufacturer', { name });
    }
    case 'technician':
      return i18n.t('audit:record.technician', { name: personName(entry, names.technician) });
    case 'salesperson':
      return i18n.t('audit:record.salesperson', { name: personName(entry, names.salesperson) });
    case 'customer':
      return i18n.t('audit:record.customer', { name: personName(entry, names.customer) });
    case 'appointment':
      return i18n.t('audit:record.appointment');
    case 'sale':
      return i18n.t('audit:record.sale');
    case 'user':
      return i18n.t('audit:record.user', { id: entry.entity_id });
    case 'token': {
      // "token" alone is a programmer's word: say it is an API token, by the name its maker gave it.
      const name = fieldValue(entry, 'name');
      return typeof name === 'string'
        ? i18n.t('audit:record.tokenNamed', { name })
        : i18n.t('audit:record.token', { id: entry.entity_id });
    }
    default:
      return (
        recordWords[entry.entity]?.(entry.entity_id) ??
        i18n.t('audit:record.other', { entity: entry.entity.replace(/_/g, ' '), id: entry.entity_id })
      );
  }
}

// A reason a service wrote ("trade-in of sale 3") is one of the API's sentences: shown in the
// reader's language when the contract catalogue knows it, else as written.
const withReason = (text: string, reason: unknown) =>
  typeof reason === 'string' && reason.trim() !== '' ? `${text}: ${contractMessage(reason)}` : text;

function created(entry: AuditEntry, names: NameBook): string {
  switch (entry.entity) {
    case 'automobile': {
      const details = [fieldValue(entry, 'year'), fieldValue(entry, 'color')].filter(
        (v) => v !== undefined && v !== null,
      );
      return details.length
        ? i18n.t('audit:did.addedCarWith', { details: details.join(', ') })
        : i18n.t('audit:did.addedCar');
    }
    case 'appointment': {
      const technician = named(names.technician, fieldValue(entry, 'technician_id'));
      const when = fieldValue(entry, 'date_time');
      const reason = fieldValue(entry, 'reason');
      const customer = fieldValue(entry, 'customer');
      return [
        i18n.t('audit:did.booked'),
        typeof customer === 'string' ? i18n.t('audit:did.bookedFor', { customer }) : '',
        i18n.t('audit:did.bookedWith', { technician }),
        isInstant(when) ? i18n.t('audit:did.bookedAt', { when: formatDateTime(when) }) : '',
        typeof reason === 'string' ? `(${reason})` : '',
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'sale':
      return recordedSale(entry, names);
    case 'token': {
      // A new token is made, not added to something: "created an API token named “Website feed”".
      const name = fieldValue(entry, 'name');
      return typeof name === 'string'
        ? i18n.t('audit:did.createdTokenNamed', { name })
        : i18n.t('audit:did.createdToken');
    }
    case 'technician':
    case 'salesperson': {
      const employeeId = fieldValue(entry, 'employee_id');
      const added = i18n.t('audit:did.added', { record: recordPhrase(entry, names) });
      return typeof employeeId === 'string' ? `${added} (${employeeId})` : added;
    }
    default:
      return i18n.t('audit:did.added', { record: recordPhrase(entry, names) });
  }
}

function recordedSale(entry: AuditEntry, names: NameBook): string {
  const customer = named(names.customer, fieldValue(entry, 'customer_id'));
  const price = fieldValue(entry, 'price');
  const priced =
    price === undefined || price === null
      ? ''
      : ` ${i18n.t('audit:did.salePrice', { price: valueText('price', price, names) })}`;
  const salesperson = fieldValue(entry, 'salesperson_id');
  const seller = salesperson === undefined ? '' : named(names.salesperson, salesperson);
  // Said only when someone else (a manager) recorded it for the salesperson.
  const actor = actorName(entry.actor);
  const by = seller && seller !== actor ? i18n.t('audit:did.saleBy', { seller }) : '';
  return `${i18n.t('audit:did.sale', { customer })}${priced}${by}`;
}

function updated(entry: AuditEntry, names: NameBook): string {
  const active = entry.changes.active;
  if (
    active &&
    Object.keys(entry.changes).length === 1 &&
    (entry.entity === 'technician' || entry.entity === 'salesperson')
  ) {
    const record = recordPhrase(entry, names);
    return active[1] ? i18n.t('audit:did.reinstated', { record }) : i18n.t('audit:did.retired', { record });
  }
  if (entry.entity === 'automobile') {
    const changes = changeList(entry, names);
    return changes ? i18n.t('audit:did.changedCarFields', { changes }) : i18n.t('audit:did.changedCar');
  }
  const changes = changeList(entry, names);
  const record = recordPhrase(entry, names);
  return changes ? i18n.t('audit:did.changedFields', { record, changes }) : i18n.t('audit:did.changed', { record });
}

function deleted(entry: AuditEntry, names: NameBook): string {
  if (entry.entity === 'automobile') return i18n.t('audit:did.removedCar');
  return i18n.t('audit:did.deleted', { record: recordPhrase(entry, names) });
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
      return withReason(
        entry.entity === 'sale'
          ? i18n.t('audit:did.voided')
          : i18n.t('audit:did.voidedRecord', { record: recordPhrase(entry, names) }),
        entry.reason ?? after(entry, 'void_reason'),
      );
    case 'cancel':
      return withReason(i18n.t('audit:did.canceled'), entry.reason ?? after(entry, 'cancel_reason'));
    case 'finish':
      return i18n.t('audit:did.finished');
    case 'sold':
      return i18n.t('audit:did.sold');
    case 'unsold':
      return i18n.t('audit:did.unsold');
    default: {
      // The gateway's identity events (sign-in and the like), the workshop's and the parts counter's
      // steps, and anything newer than this app (said as its verb).
      const verb = entry.action.replace(/[_-]+/g, ' ');
      const known: Record<string, () => string> = {
        'sign in': () => i18n.t('audit:did.signedIn'),
        login: () => i18n.t('audit:did.signedIn'),
        'sign out': () => i18n.t('audit:did.signedOut'),
        logout: () => i18n.t('audit:did.signedOut'),
        'sign in failed': () => i18n.t('audit:did.signInFailed'),
        'login failed': () => i18n.t('audit:did.signInFailed'),
        revoke: () => i18n.t('audit:did.revoked', { record: recordPhrase(entry, names) }),
        estimate: () => i18n.t('audit:did.estimate', { record: recordPhrase(entry, names) }),
        decide: () => i18n.t('audit:did.decide', { record: recordPhrase(entry, names) }),
        'clock on': () => i18n.t('audit:did.clockOn', { record: recordPhrase(entry, names) }),
        'clock off': () => i18n.t('audit:did.clockOff', { record: recordPhrase(entry, names) }),
        done: () => i18n.t('audit:did.done', { record: recordPhrase(entry, names) }),
        invoice: () => i18n.t('audit:did.invoice', { record: recordPhrase(entry, names) }),
        payment: () => i18n.t('audit:did.payment', { record: recordPhrase(entry, names) }),
        receipt: () => i18n.t('audit:did.receipt', { record: recordPhrase(entry, names) }),
        adjustment: () => i18n.t('audit:did.adjustment', { record: recordPhrase(entry, names) }),
        'trade in': () => i18n.t('audit:did.tradeIn', { record: recordPhrase(entry, names) }),
        'trade in removed': () => i18n.t('audit:did.tradeInRemoved', { record: recordPhrase(entry, names) }),
        'access denied': () => i18n.t('audit:did.accessDenied', { record: recordPhrase(entry, names) }),
      };
      const said = known[verb]?.() ?? i18n.t('audit:did.other', { verb, record: recordPhrase(entry, names) });
      return withReason(said, entry.reason);
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
