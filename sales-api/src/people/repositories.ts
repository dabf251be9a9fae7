import type { StaffFilter, StaffInput } from '@carcar/common/contract/people';
import type { Customer, CustomerInput, Salesperson } from '@carcar/common/contract/sales';
import type { Db } from '@carcar/common/db/database';
import { containing } from '@carcar/common/db/like';
import { staffRepository, type TableRepository, tableRepository } from '@carcar/common/db/table-repository';
import { and, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { customers, rowCounts, salespeople, salesRecords } from '../db/schema.js';
import { customerJson } from '../json/customer-json.js';
import type { CustomerFilter } from './schemas.js';

// Salespeople and customers are plain records: the shared table repository serves them, configured
// here with their table, their JSON and what their conflicts say. Sales history is never deleted by
// a cascade: a salesperson or customer with sales stays (409).

export function salespeopleRepository(db: Db): TableRepository<StaffInput, Salesperson, StaffFilter> {
  return staffRepository(db, {
    table: salespeople,
    role: 'salesperson',
    stillReferenced: 'This salesperson still has sales',
  });
}

/** `?q=` finds a customer at the counter by any part of the name or the phone number. */
function matching(q: string | undefined) {
  if (!q) return undefined;
  const pattern = containing(q);
  // A phone number is stored as typed; "5551234" still finds "(555) 123-4567".
  const digits = q.replace(/\D/g, '');
  return or(
    ilike(sql`${customers.firstName} || ' ' || ${customers.lastName}`, pattern),
    ilike(customers.phoneNumber, pattern),
    digits.length >= 3
      ? sql`regexp_replace(${customers.phoneNumber}, '[^0-9]', '', 'g') like ${`%${digits}%`}`
      : undefined,
  );
}

/** `?vin=`: who bought the car, by its live sale (at most one; the unique index says so). */
function buyerOf(vin: string | undefined) {
  if (vin === undefined) return undefined;
  const live = and(eq(salesRecords.automobileVin, vin), isNull(salesRecords.voidedAt));
  return sql`${customers.id} in (select ${salesRecords.customerId} from ${salesRecords} where ${live})`;
}

export function customersRepository(db: Db): TableRepository<CustomerInput, Customer, CustomerFilter> {
  return tableRepository(db, {
    table: customers,
    toJson: customerJson,
    toRow: (input) => ({
      firstName: input.first_name,
      lastName: input.last_name,
      address: input.address,
      phoneNumber: input.phone_number,
    }),
    stillReferenced: 'This customer still has sales',
    where: ({ q, vin }) => and(matching(q), buyerOf(vin)),
    // The whole list's total, kept by triggers (migration 0021), not counted on every page.
    keptTotal: { counts: rowCounts, counted: 'customers' },
  });
}
