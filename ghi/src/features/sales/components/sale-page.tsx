import { MAX_VOID_REASON } from '@carcar/common/contract/sales';
import { useEffect, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import '../desk.css';
import { Alert, Button, Paper } from '@mantine/core';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DetailPage, DetailSection, type Fact, Facts } from '../../../components/detail-page';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { isMissingRecord } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { customerPath, salespersonPath } from '../../../lib/paths';
import { usePhone } from '../../../lib/use-phone';
import { useSale } from '../api/get-sale';
import { useSaleCar } from '../api/get-sale-car';
import { useVoidSale } from '../api/void-sale';
import { personName, type Sale } from '../types';
import { DealLines } from './deal-lines';
import { SaleNotFound } from './sale-not-found';

function VoidSale({ sale, onVoided, size }: { sale: Sale; onVoided: () => void; size: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const voidSale = useVoidSale(sale.id);
  return (
    <>
      <Button variant="default" color="red" size={size} onClick={() => setOpen(true)}>
        {t('sales:sale.void')}
      </Button>
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
  // A phone's tap needs a 44 px target; on a wide screen the header's buttons stay small.
  const size = usePhone() ? 'md' : 'sm';
  // The Void button is gone once the sale is voided: focus goes to what replaced it, the notice.
  useEffect(() => {
    if (justVoided && voidedAt) notice.current?.focus();
  }, [justVoided, voidedAt]);
  if (isMissingRecord(id, sale.error)) return <SaleNotFound />;
  if (sale.isLoading) return <Loading />;
  if (sale.error || !sale.data) return <ErrorState error={sale.error} retry={() => sale.refetch()} />;
  const s = sale.data;
  const title = car.data
    ? t('sales:sale.titleWithCar', { id: s.id, car: `${car.data.year} ${car.data.manufacturer} ${car.data.model}` })
    : t('sales:sale.title', { id: s.id });
  const facts: Fact[] = [
    { label: t('sales:sale.car'), value: <VinLink vin={s.automobile.vin} /> },
    {
      label: t('sales:sale.customer'),
      value: (
        <>
          <Link to={customerPath(s.customer.id)}>{personName(s.customer)}</Link>
          {' · '}
          <span style={{ whiteSpace: 'nowrap' }}>{s.customer.phone_number}</span>
        </>
      ),
    },
    {
      label: t('sales:sale.salesperson'),
      value: (
        <>
          <Link to={salespersonPath(s.salesperson.id)}>{personName(s.salesperson)}</Link>
          {!s.salesperson.active && t('sales:sale.retired')}
        </>
      ),
    },
    {
      label: t('sales:sale.price'),
      value: <span className="num">{s.voided_at ? <del>{formatMoney(s.price)}</del> : formatMoney(s.price)}</span>,
    },
    { label: t('sales:sale.date'), value: formatDateTime(s.sold_at) },
  ];
  if (s.trade_in) {
    facts.push({
      label: t('sales:sale.tradeIn'),
      value: (
        <>
          {s.trade_in.year} {s.trade_in.make} {s.trade_in.model}
          {s.trade_in.color ? `, ${s.trade_in.color}` : ''} · <VinLink vin={s.trade_in.vin} /> ·{' '}
          {t('sales:sale.miles', { miles: formatNumber(s.trade_in.odometer) })}
        </>
      ),
    });
  }
  if (s.front_gross !== undefined) {
    facts.push({
      label: t('sales:sale.frontGross'),
      value: s.front_gross === null ? t('sales:sale.grossUnknown') : formatMoney(s.front_gross),
    });
  }
  return (
    <DetailPage
      crumbs={[{ label: t('sales:sale.sales'), to: '/sales' }, { label: t('sales:sale.title', { id: s.id }) }]}
      title={
        // The status is part of the heading: read with the sale's name, "Sale #9 · … Voided".
        <>
          {title}{' '}
          {s.voided_at ? (
            <StatusBadge tone="danger">{t('sales:sale.voided')}</StatusBadge>
          ) : (
            <StatusBadge tone="success">{t('sales:sale.recorded')}</StatusBadge>
          )}
        </>
      }
      subtitle={t('sales:sale.soldToBy', {
        customer: personName(s.customer),
        salesperson: personName(s.salesperson),
        date: formatDateTime(s.sold_at),
      })}
      actions={
        <>
          <Button component={Link} to={`/sales/${s.id}/print`} role="button" variant="default" size={size}>
            {t('sales:sale.print')}
          </Button>
          {!s.voided_at && mayVoid && <VoidSale sale={s} size={size} onVoided={() => setJustVoided(true)} />}
        </>
      }
    >
      {s.voided_at && (
        <Alert color="red" data-testid="voided-notice" ref={notice} tabIndex={-1}>
          <strong>{t('sales:sale.voidedOn', { date: formatDateTime(s.voided_at) })}</strong>{' '}
          {t('sales:sale.reason', { reason: s.void_reason ?? t('sales:sale.noReason') })}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md" className="sale-facts">
        <Facts items={facts} />
      </Paper>
      {s.deal && (
        <DetailSection title={t('sales:sale.deal')}>
          <DealLines sale={s} />
        </DetailSection>
      )}
    </DetailPage>
  );
}
