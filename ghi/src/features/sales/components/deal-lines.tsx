import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatDecimal, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import type { Sale } from '../types';

// A sale's deal as line items and totals, read off the Sale JSON the API answers (its `deal` is
// the figures `computeDeal` gave when the sale was recorded): on the sale's page and on the
// printed buyer's order alike, so the two never tell the customer different sums.

const money = formatMoney;
const less = (amount: number) => `−${formatMoney(amount)}`;
const percent = (rate: number) => `${formatDecimal(rate, 4)} %`;

interface Line {
  label: string;
  value: string;
  /** A total the lines above add up to: drawn bold with a rule above. */
  total?: boolean;
  note?: string;
}

/** The lines of a sale's deal, in the order the customer reads them. */
export function dealLines(sale: Pick<Sale, 'price' | 'fees' | 'trade_in' | 'deal'>, t: TFunction): Line[] {
  const d = sale.deal;
  const fees = sale.fees ?? [];
  const trade = sale.trade_in;
  if (!d) return [{ label: t('sales:deal.salePrice'), value: money(sale.price), total: true }];
  const financed = d.monthly_payment !== null && d.apr !== null && d.term_months !== null;
  const lines: Line[] = [{ label: t('sales:deal.vehiclePrice'), value: money(d.price) }];
  for (const fee of fees) lines.push({ label: fee.name, value: money(fee.amount) });
  if (fees.length > 1) lines.push({ label: t('sales:deal.feesInAll'), value: money(d.fees_total) });
  // The trade-in itself is described beside the deal (the sale's facts, the order's Trade-in section).
  if (trade) lines.push({ label: t('sales:deal.tradeAllowance'), value: less(d.trade_allowance) });
  // A running sum: price + fees − allowance is the taxable amount (never below 0), then tax,
  // the payoff and the down payment bring it to what is financed or due.
  lines.push({ label: t('sales:deal.taxable'), value: money(d.taxable), total: true });
  lines.push({ label: t('sales:deal.salesTaxAt', { rate: percent(d.tax_rate) }), value: money(d.tax) });
  if (trade && d.trade_payoff > 0) lines.push({ label: t('sales:deal.tradePayoff'), value: money(d.trade_payoff) });
  if (d.down_payment > 0) lines.push({ label: t('sales:deal.downPayment'), value: less(d.down_payment) });
  lines.push({
    label: financed
      ? t('sales:deal.amountFinanced')
      : d.amount_financed < 0
        ? t('sales:deal.owedToBuyer')
        : t('sales:deal.balanceDue'),
    value: money(Math.abs(d.amount_financed)),
    total: true,
  });
  if (financed) {
    lines.push({ label: t('sales:deal.apr'), value: percent(d.apr ?? 0) });
    lines.push({ label: t('sales:deal.term'), value: t('sales:deal.months', { months: d.term_months }) });
    lines.push({ label: t('sales:deal.monthlyPayment'), value: money(d.monthly_payment ?? 0), total: true });
    lines.push({ label: t('sales:deal.totalOfPayments'), value: money(d.total_of_payments ?? 0) });
  }
  return lines;
}

/** The deal as a two-column table of line items and totals. */
export function DealLines({ sale, label }: { sale: Parameters<typeof dealLines>[0]; label?: string }) {
  const { t } = useTranslation();
  const lines = dealLines(sale, t);
  return (
    <Table className="deal-lines" aria-label={label ?? t('sales:deal.label')}>
      <Table.Tbody>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two fees may share a name; the lines never reorder
          <Table.Tr key={`${line.label}-${index}`} className={line.total ? 'deal-total' : undefined}>
            <Table.Th scope="row">
              {line.label}
              {line.note && <small>{line.note}</small>}
            </Table.Th>
            <Table.Td>{line.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
