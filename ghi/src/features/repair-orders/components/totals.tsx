import { formatMoney } from '../../../lib/format';
import type { Totals } from '../types';

/** The order's money: approved and done lines only, tax once on the sum, what is paid and still owed. */
export function OrderTotals({ totals, title = 'Totals' }: { totals: Totals; title?: string }) {
  const rows: [string, number, string?][] = [
    ['Labor', totals.labor],
    ['Parts', totals.parts],
    ['Fees', totals.fees],
    ['Subtotal', totals.subtotal, 'grand'],
    ['Tax', totals.tax],
    ['Total', totals.total, 'grand'],
    ['Paid', totals.paid],
    ['Balance', totals.balance, 'balance'],
  ];
  return (
    <section className="ro-totals card" aria-labelledby="ro-totals-heading">
      <h2 id="ro-totals-heading">{title}</h2>
      <dl>
        {rows.map(([label, amount, className]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt className={className}>{label}</dt>
            <dd className={className} data-testid={`total-${label.toLowerCase()}`}>
              {formatMoney(amount)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        <small>Approved and done work only; declined and proposed lines are not counted.</small>
      </p>
    </section>
  );
}
