import { type Actor, allowsOwn, can, ownScope } from '@carcar/common/contract/permissions';
import type { Sale, SaleInput, SaleVoidInput } from '@carcar/common/contract/sales';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { staffJson } from '@carcar/common/db/table-repository';
import { conflict, type FieldError, forbidden, invalid, notFound } from '@carcar/common/errors';
import { assertOwn } from '@carcar/common/http/authorize';
import type { Logger } from '@carcar/common/service/logger';
import { customerJson } from '../json/customer-json.js';
import type { OnOutboxWritten } from '../outbox/enqueue.js';
import { dealOf, frontGross, storedDeal, storedDesk } from './deal.js';
import type { SaleListQuery } from './schemas.js';
import { type SaleParties, type SaleRow, salesStatements } from './statements.js';

/**
 * A sale as answered: the classic keys, the desk's (`trade_in`, `fees`, `deal`), and `front_gross`
 * for callers holding `inventory.cost` only (the key is absent for everyone else).
 */
function saleJson(row: SaleRow, actor?: Actor): Sale {
  return {
    ...classicSaleJson(row),
    ...storedDesk(row.sale),
    deal: storedDeal(row.sale.deal, row.sale.price),
    ...(actor && can(actor, 'inventory.cost') ? { front_gross: frontGross(row.sale.price, row.cost) } : {}),
  };
}

function classicSaleJson(row: SaleRow) {
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

function tradeInSoldConflict(vin: string) {
  const message = `The trade-in ${vin} has been sold since; this sale can no longer be voided`;
  return conflict(message, { errors: [{ path: 'trade_in.vin', message }] });
}

/** The dealership's defaults for a deal. */
export interface SalesDeskOptions {
  /** `SALES_TAX_RATE`, in rate units (ten-thousandths of a percent); 0 unless given. */
  taxRate?: number;
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

export interface SalesOutbox {
  /** Wakes the dispatcher once a statement that wrote outbox rows has committed. */
  written: OnOutboxWritten;
  /** Where a recorded or voided sale is logged, under its request's trace id. */
  logger: Logger;
}

/**
 * What staff do with sales. Recording and voiding write an outbox row with the change, so
 * inventory hears of it; `outbox.written` then wakes the dispatcher to deliver it at once.
 */
export function salesUseCases(db: Db, outbox: SalesOutbox, desk: SalesDeskOptions = {}) {
  const statements = salesStatements(db);
  const defaultTaxRate = desk.taxRate ?? 0;
  const traced = ({ traceId }: RequestContext): Logger => (traceId ? outbox.logger.child({ traceId }) : outbox.logger);

  /** A live sale, or (`includeVoided`) a voided one too, as `actor` may see it. */
  async function get(id: number, options: { includeVoided?: boolean } = {}, actor?: Actor): Promise<Sale> {
    const row = await statements.findById(id, options.includeVoided);
    if (!row) throw notFound();
    return saleJson(row, actor);
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
      return { items: rows.map((row) => saleJson(row, actor)), total };
    },

    /** One sale, for someone who may read it (a salesperson: only their own). */
    async read(id: number, options: { includeVoided?: boolean }, { actor }: RequestContext): Promise<Sale> {
      const row = await statements.findById(id, options.includeVoided);
      // Someone who may read only their own sales gets the same 403 for a colleague's sale and for
      // no sale at all, so they cannot tell which sale numbers exist.
      if (!row && ownScope(actor, 'sales.read') !== 'all') assertOwn(actor, 'sales.read', undefined);
      if (!row) throw notFound();
      const sale = saleJson(row, actor);
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
      const parties = await statements.findParties(input, input.trade_in?.vin ?? null);
      const { car, salesperson, customer } = parties;
      if (!car || !salesperson || !customer) throw invalid(missingParties(parties));
      if (car.sold) throw alreadySoldConflict(input.automobile);
      const deal = dealOf(input, defaultTaxRate);
      if (deal.tradeIn && parties.tradeInTaken) {
        const message = `Automobile ${deal.tradeIn.vin} is already in stock and unsold; it cannot be traded in`;
        throw conflict(message, { errors: [{ path: 'trade_in.vin', message }] });
      }

      const sale = await statements.record(input, deal, auditContext(context, { action: 'sale' }), context).catch(
        translatePgError({
          unique: alreadySold(input.automobile),
          // The salesperson or customer was deleted since the check.
          missingReference,
        }),
      );
      // No row: another sale of this car committed between the check and the write.
      if (!sale) throw alreadySoldConflict(input.automobile);

      outbox.written();
      traced(context).info({ sale: sale.id, vin: input.automobile, trade_in: deal.tradeIn?.vin }, 'sale recorded');
      return saleJson(
        {
          sale: { ...sale, voidedAt: null, voidReason: null, tradeIn: deal.tradeIn, fees: deal.fees, deal: deal.deal },
          cost: sale.cost,
          automobile: { vin: input.automobile, sold: true },
          salesperson,
          customer,
        },
        context.actor,
      );
    },

    /**
     * Void a sale: the record stays for the books with when and (if given) why, the car is
     * available again, here and in inventory. Its trade-in leaves inventory again, unless it was
     * sold since: then the deal cannot be undone (409).
     */
    async voidSale(id: number, input: SaleVoidInput, context: RequestContext): Promise<Sale> {
      const sale = await get(id, {}, context.actor);
      const tradeInSold = async () => sale.trade_in !== null && (await statements.isSold(sale.trade_in.vin));
      if (await tradeInSold()) throw tradeInSoldConflict(sale.trade_in?.vin ?? '');
      const voided = await statements.void(
        id,
        input.reason,
        auditContext(context, { action: 'void', reason: input.reason }),
        context,
      );
      // No row: voided meanwhile, or its trade-in was sold meanwhile.
      if (!voided && (await tradeInSold())) throw tradeInSoldConflict(sale.trade_in?.vin ?? '');
      if (!voided) throw notFound();

      outbox.written();
      traced(context).info({ sale: id, vin: sale.automobile.vin }, 'sale voided');
      return {
        ...sale,
        automobile: { vin: sale.automobile.vin, sold: false },
        voided_at: voided.voidedAt.toISOString(),
        void_reason: voided.voidReason,
      };
    },
  };
}
