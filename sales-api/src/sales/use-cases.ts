import type { Sale, SaleInput, SaleVoidInput } from '@carcar/common/contract/sales';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { staffJson } from '@carcar/common/db/table-repository';
import { allowsOwn, assertOwn, ownScope } from '@carcar/common/http/authorize';
import { conflict, type FieldError, forbidden, invalid, notFound } from '@carcar/common/http/errors';
import type { Paged } from '@carcar/common/http/list';
import type { RequestContext } from '@carcar/common/http/routes';
import { customerJson } from '../json/customer-json.js';
import type { OnOutboxWritten } from '../outbox/enqueue.js';
import type { SaleListQuery } from './schemas.js';
import { type SaleParties, type SaleRow, salesStatements } from './statements.js';

function saleJson(row: SaleRow): Sale {
  return {
    id: row.sale.id,
    price: Number(row.sale.price),
    sold_at: row.sale.createdAt.toISOString(),
    voided_at: row.sale.voidedAt?.toISOString() ?? null,
    void_reason: row.sale.voidReason,
    automobile: row.automobile,
    salesperson: staffJson(row.salesperson),
    customer: customerJson(row.customer),
  };
}

const alreadySold = (vin: string): FieldError => ({ path: 'automobile', message: `Automobile ${vin} is already sold` });

function alreadySoldConflict(vin: string) {
  const field = alreadySold(vin);
  return conflict(field.message, { errors: [field] });
}

const noSuch = {
  automobile: {
    path: 'automobile',
    message: 'No car in inventory has this VIN; check it, or add the car to inventory first',
  },
  salesperson: { path: 'salesperson', message: 'This salesperson is no longer on file; choose another' },
  customer: { path: 'customer', message: 'This customer is no longer on file; choose another' },
} satisfies Record<string, FieldError>;

/** The references a sale names that do not exist. */
function missingParties({ car, salesperson, customer }: SaleParties): FieldError[] {
  return [
    ...(car ? [] : [noSuch.automobile]),
    ...(salesperson ? [] : [noSuch.salesperson]),
    ...(customer ? [] : [noSuch.customer]),
  ];
}

/** Which of the sale's references a foreign-key violation names. */
function missingReference(constraint: string | undefined): FieldError {
  return constraint?.includes('customer') ? noSuch.customer : noSuch.salesperson;
}

/**
 * What staff do with sales. Recording and voiding write an outbox row with the change, so
 * inventory hears of it; `onOutboxWritten` then wakes the dispatcher to deliver it at once.
 */
export function salesUseCases(db: Db, onOutboxWritten: OnOutboxWritten) {
  const statements = salesStatements(db);

  /** A live sale, or (`includeVoided`) a voided one too. */
  async function get(id: number, options: { includeVoided?: boolean } = {}): Promise<Sale> {
    const row = await statements.findById(id, options.includeVoided);
    if (!row) throw notFound();
    return saleJson(row);
  }

  return {
    /** A salesperson with only "read your own sales" sees theirs; asking for a colleague's is a 403. */
    async list(query: SaleListQuery, { actor }: RequestContext): Promise<Paged<Sale>> {
      const scope = ownScope(actor, 'sales.read');
      if (scope === 'none') return { items: [], total: 0 };
      if (scope !== 'all' && query.salesperson !== undefined && query.salesperson !== scope.ownerId) {
        throw forbidden('You may read only your own sales');
      }
      const narrowed = scope === 'all' ? query : { ...query, salesperson: scope.ownerId };
      const { rows, total } = await statements.list(narrowed);
      return { items: rows.map(saleJson), total };
    },

    /** One sale, for someone who may read it (a salesperson: only their own). */
    async read(id: number, options: { includeVoided?: boolean }, { actor }: RequestContext): Promise<Sale> {
      const row = await statements.findById(id, options.includeVoided);
      // Someone who may read only their own sales gets the same 403 for a colleague's sale and for
      // no sale at all, so they cannot tell which sale numbers exist.
      if (!row && ownScope(actor, 'sales.read') !== 'all') assertOwn(actor, 'sales.read', undefined);
      if (!row) throw notFound();
      const sale = saleJson(row);
      assertOwn(actor, 'sales.read', sale.salesperson.id);
      return sale;
    },

    get,

    /** Record a sale: check the car and the people, write the sale with its outbox row, wake the dispatcher. */
    async recordSale(input: SaleInput, context: RequestContext): Promise<Sale> {
      // Own-only on writes as on reads: a salesperson records a sale only in their own name.
      if (!allowsOwn(context.actor, 'sales.read', input.salesperson)) {
        throw forbidden('You may record a sale only as its salesperson');
      }
      const parties = await statements.findParties(input);
      const { car, salesperson, customer } = parties;
      if (!car || !salesperson || !customer) throw invalid(missingParties(parties));
      if (car.sold) throw alreadySoldConflict(input.automobile);

      const sale = await statements.record(input, auditContext(context, { action: 'sale' })).catch(
        translatePgError({
          unique: alreadySold(input.automobile),
          // The salesperson or customer was deleted since the check.
          missingReference,
        }),
      );
      // No row: another sale of this car committed between the check and the write.
      if (!sale) throw alreadySoldConflict(input.automobile);

      onOutboxWritten();
      return saleJson({
        sale: { ...sale, voidedAt: null, voidReason: null },
        automobile: { vin: input.automobile, sold: true },
        salesperson,
        customer,
      });
    },

    /**
     * Void a sale: the record stays for the books with when and (if given) why, the car is
     * available again, here and in inventory.
     */
    async voidSale(id: number, input: SaleVoidInput, context: RequestContext): Promise<Sale> {
      const sale = await get(id);
      const voided = await statements.void(
        id,
        input.reason,
        auditContext(context, { action: 'void', reason: input.reason }),
      );
      if (!voided) throw notFound();

      onOutboxWritten();
      return {
        ...sale,
        automobile: { vin: sale.automobile.vin, sold: false },
        voided_at: voided.voidedAt.toISOString(),
        void_reason: voided.voidReason,
      };
    },
  };
}
