import { useParams } from 'react-router-dom';
import '../desk.css';
import { Paper, SignatureLines } from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
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
      title="Buyer’s order"
      number={`Sale ${s.id}`}
      date={formatDateTime(s.sold_at)}
      back={{ to: `/sales/${s.id}`, label: `Back to sale ${s.id}` }}
    >
      {s.voided_at && (
        <p>
          <strong>
            VOID: this sale was voided on {formatDateTime(s.voided_at)}
            {s.void_reason ? ` (${s.void_reason})` : ''}.
          </strong>
        </p>
      )}
      <div className="paper-parties">
        <section aria-label="Buyer">
          <h2>Buyer</h2>
          <dl>
            <dt>Name</dt>
            <dd>{personName(s.customer)}</dd>
            <dt>Address</dt>
            <dd>{s.customer.address}</dd>
            <dt>Phone</dt>
            <dd>{s.customer.phone_number}</dd>
          </dl>
        </section>
        <section aria-label="Seller">
          <h2>Sold by</h2>
          <dl>
            <dt>Salesperson</dt>
            <dd>{personName(s.salesperson)}</dd>
            <dt>Employee ID</dt>
            <dd>{s.salesperson.employee_id}</dd>
          </dl>
        </section>
      </div>
      <section aria-label="Vehicle">
        <h2>Vehicle</h2>
        <dl>
          {vehicle && (
            <>
              <dt>Vehicle</dt>
              <dd>
                {vehicle.year} {vehicle.manufacturer} {vehicle.model}
              </dd>
              <dt>Color</dt>
              <dd>{vehicle.color}</dd>
            </>
          )}
          <dt>VIN</dt>
          <dd>
            <code>{s.automobile.vin}</code>
          </dd>
        </dl>
      </section>
      {s.trade_in && (
        <section aria-label="Trade-in">
          <h2>Trade-in</h2>
          <dl>
            <dt>Vehicle</dt>
            <dd>
              {s.trade_in.year} {s.trade_in.make} {s.trade_in.model}
            </dd>
            {s.trade_in.color && (
              <>
                <dt>Color</dt>
                <dd>{s.trade_in.color}</dd>
              </>
            )}
            <dt>VIN</dt>
            <dd>
              <code>{s.trade_in.vin}</code>
            </dd>
            <dt>Odometer</dt>
            <dd>{formatNumber(s.trade_in.odometer)} miles</dd>
            <dt>Allowance</dt>
            <dd>{formatMoney(s.trade_in.allowance)}</dd>
            {s.trade_in.payoff !== null && (
              <>
                <dt>Payoff owed</dt>
                <dd>{formatMoney(s.trade_in.payoff)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <section aria-label="The deal">
        <h2>The deal</h2>
        <DealLines sale={s} label="The deal, line by line" />
        <p>
          The buyer named above buys the vehicle described above from the dealership on the terms above
          {s.trade_in ? ', trading in the vehicle described as the trade-in,' : ''} and the dealership acknowledges the
          sale.
        </p>
      </section>
      <SignatureLines signers={['buyer', 'salesperson']} />
    </Paper>
  );
}
