import '../repair-orders.css';
import { Link, useParams } from 'react-router-dom';
import { Paper, SignatureLines, VinFacts } from '../../../components/paper';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useRepairOrder } from '../api/get-repair-order';
import { useTechnicians } from '../api/get-technicians';
import { kindLabels, methodLabels, type RepairLine, statusLabels } from '../types';
import { lineFigures, technicianNameOf } from './lines-table';

/**
 * The invoice of one repair order to print and hand over (an estimate until it is invoiced): the
 * customer, the car, the billed work and what was declined, the totals and the payments.
 */
export function RepairOrderPrintPage() {
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const order = useRepairOrder(id);
  const technicians = useTechnicians();
  if (isMissingRecord(id, order.error)) {
    return (
      <NotFound title="Repair order not found">
        There is no repair order {rawId}. <Link to="/service/repair-orders">Back to repair orders</Link>.
      </NotFound>
    );
  }
  if (order.isLoading) return <Loading />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  const o = order.data;
  const invoiced = o.status === 'invoiced' || o.status === 'closed';
  const billed = o.lines.filter((l) => l.status === 'approved' || l.status === 'done');
  const declined = o.lines.filter((l) => l.status === 'declined');
  const proposed = o.lines.filter((l) => l.status === 'proposed');
  const t = o.totals;
  return (
    <Paper
      title={invoiced ? 'Invoice' : 'Estimate'}
      number={`Repair order ${o.id}`}
      date={formatDateTime(o.invoiced_at ?? o.created_at)}
      back={{ to: `/service/repair-orders/${o.id}`, label: `Back to repair order ${o.id}` }}
    >
      {o.status === 'void' && (
        <p>
          <strong>VOID{o.void_reason ? `: ${o.void_reason}` : ''}.</strong>
        </p>
      )}
      <div className="paper-parties">
        <section aria-label="Customer">
          <h2>Customer</h2>
          <dl>
            <dt>Name</dt>
            <dd>{o.customer.name}</dd>
            {o.customer.phone && (
              <>
                <dt>Phone</dt>
                <dd>{o.customer.phone}</dd>
              </>
            )}
            {o.customer.email && (
              <>
                <dt>Email</dt>
                <dd>{o.customer.email}</dd>
              </>
            )}
          </dl>
        </section>
        <section aria-label="Vehicle">
          <h2>Vehicle</h2>
          <dl>
            <VinFacts vin={o.vin} />
            <dt>Mileage</dt>
            <dd>{o.mileage.toLocaleString('en-US')} miles</dd>
          </dl>
        </section>
      </div>
      <section aria-label="Concern">
        <h2>Concern</h2>
        <p>{o.concern}</p>
      </section>
      <section aria-label="Work">
        <h2>{invoiced ? 'Work done' : 'Work'}</h2>
        <PaperLines
          lines={invoiced ? billed : [...billed, ...proposed]}
          technicianName={(tid) => technicianNameOf(technicians.data, tid)}
        />
      </section>
      {declined.length > 0 && (
        <section aria-label="Declined work">
          <h2>Declined work (recommended, not done)</h2>
          <PaperLines lines={declined} technicianName={() => ''} />
        </section>
      )}
      <section aria-label="Totals" className="paper-totals">
        <h2>Totals</h2>
        <dl>
          <dt>Labor</dt>
          <dd className="money">{formatMoney(t.labor)}</dd>
          <dt>Parts</dt>
          <dd className="money">{formatMoney(t.parts)}</dd>
          <dt>Fees</dt>
          <dd className="money">{formatMoney(t.fees)}</dd>
          <dt>Subtotal</dt>
          <dd className="money">{formatMoney(t.subtotal)}</dd>
          <dt>Tax</dt>
          <dd className="money">{formatMoney(t.tax)}</dd>
          <dt>Total</dt>
          <dd className="money paper-total">{formatMoney(t.total)}</dd>
          <dt>Paid</dt>
          <dd className="money">{formatMoney(t.paid)}</dd>
          <dt>Balance</dt>
          <dd className="money">{formatMoney(t.balance)}</dd>
        </dl>
        {o.payments.length > 0 && (
          <p>
            Payments:{' '}
            {o.payments
              .map((p) => `${formatMoney(p.amount)} ${methodLabels[p.method].toLowerCase()} on ${formatDateTime(p.at)}`)
              .join('; ')}
            .
          </p>
        )}
        <p>Status: {statusLabels[o.status]}.</p>
      </section>
      <SignatureLines signers={['customer', 'service advisor']} />
    </Paper>
  );
}

function PaperLines({ lines, technicianName }: { lines: RepairLine[]; technicianName: (id: number | null) => string }) {
  if (lines.length === 0) return <p>None.</p>;
  return (
    <table className="paper-lines">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">
            Hours or qty × price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>
              {kindLabels[line.kind]}: {line.description}
              {line.part_number ? ` (part ${line.part_number})` : ''}
              {line.kind === 'labor' && line.technician !== null && technicianName(line.technician)
                ? ` · ${technicianName(line.technician)}`
                : ''}
            </td>
            <td className="num">{lineFigures(line)}</td>
            <td className="num">{formatMoney(line.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
