import { dealership, formatMoney } from '../../../lib/format';
import type { Sale } from '../types';

// A sale's deal as line items and totals, read off the Sale JSON the API answers (its `deal` is
// the figures `computeDeal` gave when the sale was recorded): on the sale's page and on the
// printed buyer's order alike, so the two never tell the customer different sums.

const money = formatMoney;
const less = (amount: number) => `−${formatMoney(amount)}`;
const percent = (rate: number) => `${rate.toLocaleString(dealership.locale, { maximumFractionDigits: 4 })} %`;

interface Line {
  label: string;
  value: string;
  /** A total the lines above add up to: drawn bold with a rule above. */
  total?: boolean;
  note?: string;
}

/** The lines of a sale's deal, in the order the customer reads them. */
export function dealLines(sale: Pick<Sale, 'price' | 'fees' | 'trade_in' | 'deal'>): Line[] {
  const d = sale.deal;
  const fees = sale.fees ?? [];
  const trade = sale.trade_in;
  if (!d) return [{ label: 'Sale price', value: money(sale.price), total: true }];
  const financed = d.monthly_payment !== null && d.apr !== null && d.term_months !== null;
  const lines: Line[] = [{ label: 'Vehicle price', value: money(d.price) }];
  for (const fee of fees) lines.push({ label: fee.name, value: money(fee.amount) });
  if (fees.length > 1) lines.push({ label: 'Fees in all', value: money(d.fees_total) });
  // The trade-in itself is described beside the deal (the sale's facts, the order's Trade-in section).
  if (trade) lines.push({ label: 'Trade-in allowance', value: less(d.trade_allowance) });
  // A running sum: price + fees − allowance is the taxable amount (never below 0), then tax,
  // the payoff and the down payment bring it to what is financed or due.
  lines.push({ label: 'Taxable amount', value: money(d.taxable), total: true });
  lines.push({ label: `Sales tax at ${percent(d.tax_rate)}`, value: money(d.tax) });
  if (trade && d.trade_payoff > 0) lines.push({ label: 'Payoff owed on the trade-in', value: money(d.trade_payoff) });
  if (d.down_payment > 0) lines.push({ label: 'Down payment', value: less(d.down_payment) });
  lines.push({
    label: financed ? 'Amount financed' : d.amount_financed < 0 ? 'Owed to the buyer' : 'Balance due',
    value: money(Math.abs(d.amount_financed)),
    total: true,
  });
  if (financed) {
    lines.push({ label: 'Annual percentage rate (APR)', value: percent(d.apr ?? 0) });
    lines.push({ label: 'Term', value: `${d.term_months} months` });
    lines.push({ label: 'Monthly payment', value: money(d.monthly_payment ?? 0), total: true });
    lines.push({ label: 'Total of payments', value: money(d.total_of_payments ?? 0) });
  }
  return lines;
}

/** The deal as a two-column table of line items and totals. */
export function DealLines({ sale, label = 'The deal' }: { sale: Parameters<typeof dealLines>[0]; label?: string }) {
  const lines = dealLines(sale);
  return (
    <table className="deal-lines" aria-label={label}>
      <tbody>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two fees may share a name; the lines never reorder
          <tr key={`${line.label}-${index}`} className={line.total ? 'deal-total' : undefined}>
            <th scope="row">
              {line.label}
              {line.note && <small>{line.note}</small>}
            </th>
            <td>{line.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
