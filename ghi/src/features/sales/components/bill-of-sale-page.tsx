import { useParams } from 'react-router-dom';
import '../desk.css';
import { Paper, SignatureLines } from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useSale } from '../api/get-sale';
import { useSaleCar } from '../api/get-sale-car';
import { personName } from '../types';
import { DealLines } from './deal-lines';
import { SaleNotFound } from './sale-not-found';

/**
 * The buyer's order of one sale, to print and sign: buyer, seller, the car, the trade-in, and the
 * deal line by line (price, fees, allowance, tax, payoff, down payment, financing) with its totals.
 */
export function BillOfSalePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const sale = useSale(id);
  const car = useSaleCar(sale.data?.automobile.vin);
  if (isMissingRecord(id, sale.error)) return <SaleNotFound />;
  if (sale.isLoading || car.isLoading) return <Loading />;
  if (sale.error || !sale.data) return <ErrorState error={sale.error} retry={() => sale.refetch()} />;
  const s = sale.data;
  const vehicle = car.data;
  return (
    <Paper
      title={t('sales:billOfSale.title')}
      number={t('sales:billOfSale.number', { id: s.id })}
      date={formatDateTime(s.sold_at)}
      back={{ to: `/sales/${s.id}`, label: t('sales:billOfSale.back', { id: s.id }) }}
    >
      {s.voided_at && (
        <p>
          <strong>
            {s.void_reason
              ? t('sales:billOfSale.voidWithReason', { date: formatDateTime(s.voided_at), reason: s.void_reason })
              : t('sales:billOfSale.void', { date: formatDateTime(s.voided_at) })}
          </strong>
        </p>
      )}
      <div className="paper-parties">
        <section aria-label={t('sales:billOfSale.buyer')}>
          <h2>{t('sales:billOfSale.buyer')}</h2>
          <dl>
            <dt>{t('sales:billOfSale.name')}</dt>
            <dd>{personName(s.customer)}</dd>
            <dt>{t('sales:billOfSale.address')}</dt>
            <dd>{s.customer.address}</dd>
            <dt>{t('sales:billOfSale.phone')}</dt>
            <dd>{s.customer.phone_number}</dd>
          </dl>
        </section>
        <section aria-label={t('sales:billOfSale.seller')}>
          <h2>{t('sales:billOfSale.soldBy')}</h2>
          <dl>
            <dt>{t('sales:billOfSale.salesperson')}</dt>
            <dd>{personName(s.salesperson)}</dd>
            <dt>{t('sales:billOfSale.employeeId')}</dt>
            <dd>{s.salesperson.employee_id}</dd>
          </dl>
        </section>
      </div>
      <section aria-label={t('sales:billOfSale.vehicle')}>
        <h2>{t('sales:billOfSale.vehicle')}</h2>
        <dl>
          {vehicle && (
            <>
              <dt>{t('sales:billOfSale.vehicle')}</dt>
              <dd>
                {vehicle.year} {vehicle.manufacturer} {vehicle.model}
              </dd>
              <dt>{t('sales:billOfSale.color')}</dt>
              <dd>{vehicle.color}</dd>
            </>
          )}
          <dt>{t('sales:billOfSale.vin')}</dt>
          <dd>
            <code>{s.automobile.vin}</code>
          </dd>
        </dl>
      </section>
      {s.trade_in && (
        <section aria-label={t('sales:billOfSale.tradeIn')}>
          <h2>{t('sales:billOfSale.tradeIn')}</h2>
          <dl>
            <dt>{t('sales:billOfSale.vehicle')}</dt>
            <dd>
              {s.trade_in.year} {s.trade_in.make} {s.trade_in.model}
            </dd>
            {s.trade_in.color && (
              <>
                <dt>{t('sales:billOfSale.color')}</dt>
                <dd>{s.trade_in.color}</dd>
              </>
            )}
            <dt>{t('sales:billOfSale.vin')}</dt>
            <dd>
              <code>{s.trade_in.vin}</code>
            </dd>
            <dt>{t('sales:billOfSale.odometer')}</dt>
            <dd>{t('sales:billOfSale.miles', { miles: formatNumber(s.trade_in.odometer) })}</dd>
            <dt>{t('sales:billOfSale.allowance')}</dt>
            <dd>{formatMoney(s.trade_in.allowance)}</dd>
            {s.trade_in.payoff !== null && (
              <>
                <dt>{t('sales:billOfSale.payoff')}</dt>
                <dd>{formatMoney(s.trade_in.payoff)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <section aria-label={t('sales:billOfSale.deal')}>
        <h2>{t('sales:billOfSale.deal')}</h2>
        <DealLines sale={s} label={t('sales:billOfSale.lineByLine')} />
        <p>{s.trade_in ? t('sales:billOfSale.agreementTrade') : t('sales:billOfSale.agreement')}</p>
      </section>
      <SignatureLines signers={[t('sales:billOfSale.signerBuyer'), t('sales:billOfSale.signerSalesperson')]} />
    </Paper>
  );
}
