import { useParams } from 'react-router-dom';
import {
  Facts,
  Paper,
  PaperSection,
  SignatureLines,
  Totals,
  usePaperCar,
  vehicleFacts,
} from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useSale } from '../api/get-sale';
import { useSaleCar } from '../api/get-sale-car';
import { personName } from '../types';
import { dealLines } from './deal-lines';
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
  // Only for the mileage: inventory's odometer reading of the car sold. Without it (no such car in
  // inventory, inventory down) the order leaves the line out rather than not printing.
  const stock = usePaperCar(sale.data?.automobile.vin);
  if (isMissingRecord(id, sale.error)) return <SaleNotFound />;
  if (sale.isLoading || car.isLoading || stock.isLoading) return <Loading />;
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
      <PaperSection title={t('sales:billOfSale.buyer')}>
        <Facts
          facts={[
            { label: t('sales:billOfSale.name'), value: personName(s.customer) },
            { label: t('sales:billOfSale.address'), value: s.customer.address },
            { label: t('sales:billOfSale.phone'), value: s.customer.phone_number },
          ]}
        />
      </PaperSection>
      <PaperSection title={t('sales:billOfSale.soldBy')}>
        <Facts
          facts={[
            { label: t('sales:billOfSale.salesperson'), value: personName(s.salesperson) },
            { label: t('sales:billOfSale.employeeId'), value: s.salesperson.employee_id },
          ]}
        />
      </PaperSection>
      <PaperSection title={t('sales:billOfSale.vehicle')}>
        <Facts
          facts={vehicleFacts(t, {
            vin: s.automobile.vin,
            car: vehicle && {
              year: vehicle.year,
              make: vehicle.manufacturer,
              model: vehicle.model,
              color: vehicle.color,
            },
            mileage: stock.data?.odometer,
          })}
        />
      </PaperSection>
      {s.trade_in && (
        <PaperSection title={t('sales:billOfSale.tradeIn')}>
          <Facts
            facts={[
              ...vehicleFacts(t, {
                vin: s.trade_in.vin,
                car: {
                  year: s.trade_in.year,
                  make: s.trade_in.make,
                  model: s.trade_in.model,
                  color: s.trade_in.color ?? '',
                },
                mileage: s.trade_in.odometer,
              }),
              { label: t('sales:billOfSale.allowance'), value: formatMoney(s.trade_in.allowance) },
              s.trade_in.payoff !== null && {
                label: t('sales:billOfSale.payoff'),
                value: formatMoney(s.trade_in.payoff),
              },
            ]}
          />
        </PaperSection>
      )}
      <PaperSection title={t('sales:billOfSale.deal')}>
        <Totals label={t('sales:billOfSale.lineByLine')} lines={dealLines(s, t)} />
        <p>{s.trade_in ? t('sales:billOfSale.agreementTrade') : t('sales:billOfSale.agreement')}</p>
      </PaperSection>
      <SignatureLines signers={[t('sales:billOfSale.signerBuyer'), t('sales:billOfSale.signerSalesperson')]} />
    </Paper>
  );
}
