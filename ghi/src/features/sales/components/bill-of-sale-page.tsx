import { useParams } from 'react-router-dom';
import { Paper, SignatureLines, VinFacts } from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useSale } from '../api/get-sale';
import { useSaleCar } from '../api/get-sale-car';
import { personName } from '../types';
import { SaleNotFound } from './sale-not-found';

/** The bill of sale of one sale, to print and sign: buyer, seller, the car, the price. */
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
      title="Bill of sale"
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
          <VinFacts vin={s.automobile.vin} />
        </dl>
      </section>
      <section aria-label="Price">
        <h2>Price</h2>
        <dl>
          <dt>Sale price</dt>
          <dd className="paper-total">{formatMoney(s.price)}</dd>
        </dl>
        <p>
          The buyer named above buys the vehicle described above from the dealership for the sale price, and the
          dealership acknowledges the sale.
        </p>
      </section>
      <SignatureLines signers={['buyer', 'salesperson']} />
    </Paper>
  );
}
