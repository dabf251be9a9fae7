import { MAX_VOID_REASON } from '@carcar/common/contract/sales';
import { useEffect, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import '../desk.css';
import { Breadcrumb } from '../../../components/breadcrumb';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { useSale } from '../api/get-sale';
import { useSaleCar } from '../api/get-sale-car';
import { useVoidSale } from '../api/void-sale';
import { personName, type Sale } from '../types';
import { DealLines } from './deal-lines';
import { SaleNotFound } from './sale-not-found';

function VoidSale({ sale, onVoided }: { sale: Sale; onVoided: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const voidSale = useVoidSale(sale.id);
  return (
    <>
      <button type="button" className="secondary outline" onClick={() => setOpen(true)}>
        {t('sales:sale.void')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('sales:sale.voidTitle')}
        confirmLabel={t('sales:sale.voidConfirm')}
        cancelLabel={t('sales:sale.voidCancel')}
        reason={{
          label: t('sales:sale.voidReason'),
          required: true,
          maxLength: MAX_VOID_REASON,
          hint: t('sales:sale.voidReasonHint'),
          missing: t('sales:sale.voidReasonMissing'),
        }}
        onConfirm={async (reason) => {
          await voidSale.mutateAsync(reason);
          toast.success(sale.trade_in ? t('sales:sale.voidedWithTrade') : t('sales:sale.voidedToast'));
          onVoided();
        }}
        onClose={() => setOpen(false)}
      >
        <p>
          <Trans
            t={t}
            i18nKey="sales:sale.voidBody"
            values={{ vin: sale.automobile.vin, customer: personName(sale.customer), price: formatMoney(sale.price) }}
            components={{ code: <code /> }}
          />
          {sale.trade_in && (
            <>
              {' '}
              <Trans
                t={t}
                i18nKey="sales:sale.voidBodyTrade"
                values={{ vin: sale.trade_in.vin }}
                components={{ code: <code /> }}
              />
            </>
          )}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** One sale: who sold which car to whom, for how much and when; voiding it, with the reason. */
export function SalePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const sale = useSale(id);
  // The car's year, make and model name the sale in its heading; the number alone says little.
  const car = useSaleCar(sale.data?.automobile.vin);
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
      <Breadcrumb>
        <li>
          <Link to="/sales">{t('sales:sale.sales')}</Link>
        </li>
        <li aria-current="page">{t('sales:sale.title', { id: s.id })}</li>
      </Breadcrumb>
      <header className="record-header">
        <h1>
          {car.data
            ? t('sales:sale.titleWithCar', {
                id: s.id,
                car: `${car.data.year} ${car.data.manufacturer} ${car.data.model}`,
              })
            : t('sales:sale.title', { id: s.id })}
          {s.voided_at && <span className="badge canceled">{t('sales:sale.voided')}</span>}
        </h1>
        <p>{formatDateTime(s.sold_at)}</p>
      </header>
      {s.voided_at && (
        <div className="voided-notice" data-testid="voided-notice" ref={notice} tabIndex={-1}>
          <p>
            <strong>{t('sales:sale.voidedOn', { date: formatDateTime(s.voided_at) })}</strong>{' '}
            {t('sales:sale.reason', { reason: s.void_reason ?? t('sales:sale.noReason') })}
          </p>
        </div>
      )}
      <dl className="facts">
        <dt>{t('sales:sale.car')}</dt>
        <dd>
          <VinLink vin={s.automobile.vin} />
        </dd>
        <dt>{t('sales:sale.customer')}</dt>
        <dd>
          <Link to={customerPath(s.customer.id)}>{personName(s.customer)}</Link>
          {' · '}
          {s.customer.phone_number}
        </dd>
        <dt>{t('sales:sale.salesperson')}</dt>
        <dd>
          <Link to={salespersonPath(s.salesperson.id)}>{personName(s.salesperson)}</Link>
          {!s.salesperson.active && t('sales:sale.retired')}
        </dd>
        <dt>{t('sales:sale.price')}</dt>
        <dd>{s.voided_at ? <del>{formatMoney(s.price)}</del> : formatMoney(s.price)}</dd>
        <dt>{t('sales:sale.date')}</dt>
        <dd>{formatDateTime(s.sold_at)}</dd>
        {s.trade_in && (
          <>
            <dt>{t('sales:sale.tradeIn')}</dt>
            <dd>
              {s.trade_in.year} {s.trade_in.make} {s.trade_in.model}
              {s.trade_in.color ? `, ${s.trade_in.color}` : ''} · <VinLink vin={s.trade_in.vin} /> ·{' '}
              {t('sales:sale.miles', { miles: formatNumber(s.trade_in.odometer) })}
            </dd>
          </>
        )}
        {s.front_gross !== undefined && (
          <>
            <dt>{t('sales:sale.frontGross')}</dt>
            <dd>{s.front_gross === null ? t('sales:sale.grossUnknown') : formatMoney(s.front_gross)}</dd>
          </>
        )}
      </dl>
      {s.deal && (
        <section aria-labelledby="deal-heading">
          <h2 id="deal-heading">{t('sales:sale.deal')}</h2>
          <DealLines sale={s} />
        </section>
      )}
      <div className="record-actions">
        <Link to={`/sales/${s.id}/print`} role="button" className="secondary">
          {t('sales:sale.print')}
        </Link>
        {!s.voided_at && mayVoid && <VoidSale sale={s} onVoided={() => setJustVoided(true)} />}
      </div>
    </>
  );
}
