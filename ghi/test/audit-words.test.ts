import type { AuditActor, AuditEntry } from '@carcar/common/contract/audit';
import { describe, expect, it } from 'vitest';
import { actorKey, describeEntry, nameBook } from '../src/lib/audit-words';

// The dealership's clock is UTC here (no config): "Fri, Dec 3, 2027, 9:00 AM" is 09:00Z.

const max: AuditActor = { kind: 'person', id: '2', name: 'Max Manager', role: 'manager' };
const sam: AuditActor = { kind: 'person', id: '5', name: 'Sam Carter', role: 'sales' };
const sid: AuditActor = { kind: 'person', id: '7', name: 'Sid Service', role: 'service' };
const ada: AuditActor = { kind: 'person', id: '8', name: 'Ada Lovelace', role: 'technician' };
const outbox: AuditActor = { service: 'sales-api' };
const feed: AuditActor = { kind: 'token', id: '3', name: 'Website feed', role: 'manager' };

let nextId = 1;
function entry(
  actor: AuditActor,
  action: string,
  entity: string,
  changes: AuditEntry['changes'],
  extra: Partial<AuditEntry> = {},
): AuditEntry {
  return {
    id: nextId++,
    at: '2027-12-01T10:00:00.000Z',
    actor,
    action,
    entity,
    entity_id: '12',
    changes,
    request_id: 'r',
    ...extra,
  };
}

const names = nameBook({
  technicians: [{ id: 4, first_name: 'Ada', last_name: 'Lovelace' }],
  salespeople: [{ id: 9, first_name: 'Sam', last_name: 'Carter' }],
  customers: [{ id: 31, first_name: 'Olivia', last_name: 'Brown' }],
});
const say = (e: AuditEntry) => describeEntry(e, names).sentence;

describe('the audit trail in plain words', () => {
  it('says who acted and in which role: a person, an API token, a service', () => {
    const words = describeEntry(entry(max, 'finish', 'appointment', {}));
    expect(words).toMatchObject({ actor: 'Max Manager', role: 'Manager', did: 'finished the appointment' });
    expect(describeEntry(entry(feed, 'finish', 'appointment', {})).actor).toBe('Website feed (API token)');
    expect(describeEntry(entry(outbox, 'sold', 'automobile', {})).role).toBe('Automatic');
    expect(actorKey(outbox)).toBe('sales-api');
    expect(actorKey(max)).toBe('2');
  });

  describe('inventory', () => {
    it('a car added, corrected, removed, marked sold and unsold', () => {
      expect(
        say(entry(max, 'create', 'automobile', { vin: [null, 'X'], color: [null, 'red'], year: [null, 2018] })),
      ).toBe('Max Manager added the car to inventory (2018, red)');
      expect(say(entry(max, 'update', 'automobile', { color: ['red', 'blue'] }))).toBe(
        'Max Manager changed the color from red to blue',
      );
      expect(say(entry(max, 'update', 'automobile', { color: ['red', 'blue'], year: [2018, 2019] }))).toBe(
        'Max Manager changed the color from red to blue and the year from 2018 to 2019',
      );
      expect(say(entry(max, 'delete', 'automobile', { color: ['red', null] }))).toBe(
        'Max Manager removed the car from inventory',
      );
      expect(say(entry(outbox, 'sold', 'automobile', { sold: [false, true] }))).toBe('System marked the car sold');
      expect(say(entry(outbox, 'unsold', 'automobile', { sold: [true, false] }))).toBe(
        'System put the car back in stock (marked unsold)',
      );
    });

    it('manufacturers and models added, renamed, deleted', () => {
      expect(say(entry(max, 'create', 'manufacturer', { name: [null, 'Toyota'] }))).toBe(
        'Max Manager added the manufacturer Toyota',
      );
      expect(say(entry(max, 'update', 'manufacturer', { name: ['Toyta', 'Toyota'] }))).toBe(
        'Max Manager changed the manufacturer Toyota: the name from Toyta to Toyota',
      );
      expect(say(entry(max, 'delete', 'manufacturer', { name: ['Toyota', null] }))).toBe(
        'Max Manager deleted the manufacturer Toyota',
      );
      expect(say(entry(max, 'create', 'model', { name: [null, 'Civic'], manufacturer_id: [null, 1] }))).toBe(
        'Max Manager added the model Civic',
      );
      expect(say(entry(max, 'update', 'model', { picture_url: ['http://a', 'http://b'] }))).toBe(
        'Max Manager changed the model #12: the picture from http://a to http://b',
      );
      expect(say(entry(max, 'delete', 'model', { name: ['Civic', null] }))).toBe('Max Manager deleted the model Civic');
    });
  });

  describe('service', () => {
    it('an appointment booked with its technician and time, moved, canceled with the reason, finished, deleted', () => {
      const booked = entry(sid, 'create', 'appointment', {
        date_time: [null, '2027-12-03T09:00:00+00:00'],
        technician_id: [null, 4],
        customer: [null, 'Jane Doe'],
        reason: [null, 'Oil change'],
        status: [null, 'created'],
      });
      expect(say(booked)).toBe(
        'Sid Service booked an appointment for Jane Doe with Ada Lovelace for Fri, Dec 3, 2027, 9:00 AM (Oil change)',
      );
      // Without the technician's name at hand, the id.
      expect(describeEntry(booked).sentence).toContain('with #4 for');
      expect(
        say(entry(sid, 'update', 'appointment', { date_time: ['2027-12-03T09:00:00Z', '2027-12-03T11:30:00Z'] })),
      ).toBe(
        'Sid Service changed the appointment: the date and time from Fri, Dec 3, 2027, 9:00 AM to Fri, Dec 3, 2027, 11:30 AM',
      );
      expect(say(entry(sid, 'update', 'appointment', { technician_id: [4, 6] }))).toBe(
        'Sid Service changed the appointment: the technician from Ada Lovelace to #6',
      );
      expect(
        say(
          entry(
            sid,
            'cancel',
            'appointment',
            { status: ['created', 'canceled'], cancel_reason: [null, 'Customer ill'] },
            {
              reason: 'Customer ill',
            },
          ),
        ),
      ).toBe('Sid Service canceled the appointment: Customer ill');
      expect(say(entry(sid, 'cancel', 'appointment', { status: ['created', 'canceled'] }))).toBe(
        'Sid Service canceled the appointment',
      );
      expect(say(entry(ada, 'finish', 'appointment', { status: ['created', 'finished'] }))).toBe(
        'Ada Lovelace finished the appointment',
      );
      expect(say(entry(sid, 'delete', 'appointment', { status: ['created', null] }))).toBe(
        'Sid Service deleted the appointment',
      );
    });

    it('technicians added, retired, reinstated, corrected, deleted', () => {
      expect(
        say(
          entry(max, 'create', 'technician', {
            first_name: [null, 'Grace'],
            last_name: [null, 'Hopper'],
            employee_id: [null, 'T-101'],
          }),
        ),
      ).toBe('Max Manager added the technician Grace Hopper (T-101)');
      const retired = entry(max, 'update', 'technician', { active: [true, false] }, { entity_id: '4' });
      expect(say(retired)).toBe('Max Manager retired the technician Ada Lovelace');
      expect(say({ ...retired, changes: { active: [false, true] } })).toBe(
        'Max Manager reinstated the technician Ada Lovelace',
      );
      expect(say(entry(max, 'update', 'technician', { last_name: ['Hoper', 'Hopper'] }))).toBe(
        'Max Manager changed the technician #12: the last name from Hoper to Hopper',
      );
      expect(
        say(entry(max, 'delete', 'technician', { first_name: ['Grace', null], last_name: ['Hopper', null] })),
      ).toBe('Max Manager deleted the technician Grace Hopper');
    });
  });

  describe('sales', () => {
    const sale = { price: [null, 24500] as [null, number], customer_id: [null, 31] as [null, number] };
    it('a sale recorded, by the salesperson or for them, voided with the reason, changed, deleted', () => {
      expect(say(entry(sam, 'sale', 'sale', { ...sale, salesperson_id: [null, 9] }))).toBe(
        'Sam Carter recorded the sale to Olivia Brown for $24,500.00',
      );
      expect(say(entry(max, 'sale', 'sale', { ...sale, salesperson_id: [null, 9] }))).toBe(
        'Max Manager recorded the sale to Olivia Brown for $24,500.00, sold by Sam Carter',
      );
      expect(say(entry(max, 'create', 'sale', { price: [null, '18000.00'], customer_id: [null, 77] }))).toBe(
        'Max Manager recorded the sale to #77 for $18,000.00',
      );
      expect(
        say(
          entry(
            max,
            'void',
            'sale',
            { voided_at: [null, '2027-12-02T10:00:00Z'], void_reason: [null, 'x'] },
            {
              reason: 'customer changed mind',
            },
          ),
        ),
      ).toBe('Max Manager voided the sale: customer changed mind');
      expect(say(entry(max, 'void', 'sale', { void_reason: [null, 'financing fell through'] }))).toBe(
        'Max Manager voided the sale: financing fell through',
      );
      expect(say(entry(max, 'update', 'sale', { price: [24500, 24000], customer_id: [31, 40] }))).toBe(
        'Max Manager changed the sale: the price from $24,500.00 to $24,000.00 and the customer from Olivia Brown to #40',
      );
      expect(say(entry(max, 'delete', 'sale', { price: [24500, null] }))).toBe('Max Manager deleted the sale');
    });

    it('salespeople and customers added, changed, retired, deleted', () => {
      expect(
        say(
          entry(max, 'create', 'salesperson', {
            first_name: [null, 'Rosa'],
            last_name: [null, 'Diaz'],
            employee_id: [null, 'S-2'],
          }),
        ),
      ).toBe('Max Manager added the salesperson Rosa Diaz (S-2)');
      expect(say(entry(max, 'update', 'salesperson', { active: [true, false] }, { entity_id: '9' }))).toBe(
        'Max Manager retired the salesperson Sam Carter',
      );
      expect(say(entry(max, 'delete', 'salesperson', { first_name: ['Rosa', null], last_name: ['Diaz', null] }))).toBe(
        'Max Manager deleted the salesperson Rosa Diaz',
      );
      expect(say(entry(sam, 'create', 'customer', { first_name: [null, 'Olivia'], last_name: [null, 'Brown'] }))).toBe(
        'Sam Carter added the customer Olivia Brown',
      );
      expect(
        say(entry(sam, 'update', 'customer', { phone_number: ['555-0100', '555-0101'] }, { entity_id: '31' })),
      ).toBe('Sam Carter changed the customer Olivia Brown: the phone number from 555-0100 to 555-0101');
      expect(say(entry(max, 'update', 'customer', { address: ['1 Road', null] }))).toBe(
        'Max Manager changed the customer #12: the address from 1 Road to nothing',
      );
      expect(say(entry(max, 'delete', 'customer', { first_name: ['Olivia', null], last_name: ['Brown', null] }))).toBe(
        'Max Manager deleted the customer Olivia Brown',
      );
    });
  });

  it('the gateway’s identity events, and an action newer than this app, still read as a sentence', () => {
    expect(say(entry(max, 'sign_in', 'user', {}))).toBe('Max Manager signed in');
    expect(say(entry(max, 'sign-out', 'user', {}))).toBe('Max Manager signed out');
    expect(say(entry(max, 'revoke', 'token', {}))).toBe('Max Manager revoked the API token #12');
    // A token is said to be an API token, by the name its maker gave it, and made rather than added.
    expect(say(entry(max, 'create', 'token', { name: [null, 'Website feed'], role: [null, 'manager'] }))).toBe(
      'Max Manager created an API token named “Website feed”',
    );
    expect(say(entry(max, 'archive', 'widget', {}, { reason: 'old' }))).toBe(
      'Max Manager archive: the widget #12: old',
    );
  });
});
