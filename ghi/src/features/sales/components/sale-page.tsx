import { MAX_VOID_REASON } from '@carcar/common/contract/sales';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import '../desk.css';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { useSale } from '../api/get-sale';
import { useVoidSale } from '../api/void-sale';
import { personName, type Sale } from '../types';
import { DealLines } from './deal-lines';
import { SaleNotFound } from './sale-not-found';

function VoidSale({ sale, onVoided }: { sale: Sale; onVoided: () => void }) {
  const [open, setOpen] = useState(false);
  const voidSale = useVoidSale(sale.id);
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => setOpen(true)}>
        Void this sale
      </button>
      <ConfirmDialog
        open={open}
        title="Void this sale?"
        confirmLabel="Void sale"
        cancelLabel="Keep the sale"
        reason={{
          label: 'Reason for voiding',
          required: true,
          maxLength: MAX_VOID_REASON,
          hint: 'Kept with the sale for whoever looks at it later, e.g. “Customer’s financing fell through”.',
          missing: 'Please say why the sale is voided: it is kept with the sale.',
        }}
        onConfirm={async (reason) => {
          await voidSale.mutateAsync(reason);
          toast.success(
            sale.trade_in
              ? 'Sale voided; the car is back in stock and the trade-in has left it'
              : 'Sale voided; the car is back in stock',
          );
          onVoided();
        }}
        onClose={() => setOpen(false)}
      >
        <p>
          The sale of <code>{sale.automobile.vin}</code> to {personName(sale.customer)} for {formatMoney(sale.price)}{' '}
          stays on record, marked voided, and the car goes back into stock.
          {sale.trade_in && (
            <>
              {' '}
              The trade-in (<code>{sale.trade_in.vin}</code>) leaves stock again.
            </>
          )}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** One sale: who sold which car to whom, for how much and when; voiding it, with the reason. */
export function SalePage() {
  const id = Number(useParams().id);
  const sale = useSale(id);
  const mayVoid = useCan('sales.void');
  const notice = useRef<HTMLDivElement>(null);
  const [justVoided, setJustVoided] = useState(false);
  const voidedAt = sale.data?.voided_at;
  // The Void button is gone once the sale is voided: focus goes to what replaced it, the notice.
  useEffect(() => {
    if (justVoided && voidedAt) notice.current?.focus();
  }, [justVoided, voidedAt]);
  if (isMissingRecord(id, sale.error)) return <SaleNotFound />;
  if (sale.isLoading) return <Loading />;
  if (sale.error || !sale.data) return <ErrorState error={sale.error} retry={() => sale.refetch()} />;
  const s = sale.data;
  return (
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/sales">Sales</Link>
          </li>
          <li aria-current="page">Sale {s.id}</li>
        </ul>
      </nav>
      <header className="record-header">
        <h1>
          Sale {s.id}
          {s.voided_at && <span className="badge canceled">Voided</span>}
        </h1>
        <p>{formatDateTime(s.sold_at)}</p>
      </header>
      {s.voided_at && (
        <div className="voided-notice" data-testid="voided-notice" ref={notice} tabIndex={-1}>
          <p>
            <strong>Voided on {formatDateTime(s.voided_at)}.</strong> Reason: {s.void_reason ?? 'none was given.'}
          </p>
        </div>
      )}
      <dl className="facts">
        <dt>Car</dt>
        <dd>
          <VinLink vin={s.automobile.vin} />
        </dd>
        <dt>Customer</dt>
        <dd>
          <Link to={customerPath(s.customer.id)}>{personName(s.customer)}</Link>
          {' · '}
          {s.customer.phone_number}
        </dd>
        <dt>Salesperson</dt>
        <dd>
          <Link to={salespersonPath(s.salesperson.id)}>{personName(s.salesperson)}</Link>
          {!s.salesperson.active && ' (retired)'}
        </dd>
        <dt>Price</dt>
        <dd>{s.voided_at ? <del>{formatMoney(s.price)}</del> : formatMoney(s.price)}</dd>
        <dt>Date</dt>
        <dd>{formatDateTime(s.sold_at)}</dd>
        {s.trade_in && (
          <>
            <dt>Trade-in</dt>
            <dd>
              {s.trade_in.year} {s.trade_in.make} {s.trade_in.model}
              {s.trade_in.color ? `, ${s.trade_in.color}` : ''} · <VinLink vin={s.trade_in.vin} /> ·{' '}
              {formatNumber(s.trade_in.odometer)} miles
            </dd>
          </>
        )}
        {s.front_gross !== undefined && (
          <>
            <dt>Front gross</dt>
            <dd>{s.front_gross === null ? 'unknown until the car’s cost is known' : formatMoney(s.front_gross)}</dd>
          </>
        )}
      </dl>
      {s.deal && (
        <section aria-labelledby="deal-heading">
          <h2 id="deal-heading">The deal</h2>
          <DealLines sale={s} />
        </section>
      )}
      <div className="record-actions">
        <Link to={`/sales/${s.id}/print`} role="button" className="secondary">
          Print buyer’s order
        </Link>
        {!s.voided_at && mayVoid && <VoidSale sale={s} onVoided={() => setJustVoided(true)} />}
      </div>
    </>
  );
}
