import { Paper, Text, Title } from '@mantine/core';
import { formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import type { Totals } from '../types';

/** The order's money: approved and done lines only, tax once on the sum, what is paid and still owed. */
export function OrderTotals({ totals, title }: { totals: Totals; title?: string }) {
  const { t } = useTranslation();
  // The first of each row names it for tests and styles, whatever the language.
  const rows: [string, string, number, string?][] = [
    ['labor', t('repairOrders:totals.labor'), totals.labor],
    ['parts', t('repairOrders:totals.parts'), totals.parts],
    ['fees', t('repairOrders:totals.fees'), totals.fees],
    ['subtotal', t('repairOrders:totals.subtotal'), totals.subtotal, 'grand'],
    ['tax', t('repairOrders:totals.tax'), totals.tax],
    ['total', t('repairOrders:totals.total'), totals.total, 'grand'],
    ['paid', t('repairOrders:totals.paid'), totals.paid],
    ['balance', t('repairOrders:totals.balance'), totals.balance, 'balance'],
  ];
  return (
    <Paper component="section" withBorder p="md" radius="md" className="ro-totals" aria-labelledby="ro-totals-heading">
      <Title order={2} id="ro-totals-heading" mb="xs">
        {title ?? t('repairOrders:totals.title')}
      </Title>
      <dl>
        {rows.map(([name, label, amount, className]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt className={className}>{label}</dt>
            <dd className={`num ${className ?? ''}`} data-testid={`total-${name}`}>
              {formatMoney(amount)}
            </dd>
          </div>
        ))}
      </dl>
      <Text size="xs" c="dimmed" mt="xs">
        {t('repairOrders:totals.note')}
      </Text>
    </Paper>
  );
}
