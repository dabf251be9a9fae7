import type { Part } from '@carcar/common/contract/parts';
import { StatusBadge } from '../../components/status-badge';
import { formatNumber } from '../../lib/format';
import { useTranslation } from '../../lib/i18n';

/** A stock figure as people read it: 4, 4.5, -2 (in the dealership's locale). */
export const formatQuantity = (n: number) => formatNumber(n);

export const isLow = (part: Part) => part.on_hand <= part.reorder_point;

/** On hand, with a word when it matters: below zero is promised to work before it arrived. */
export function StockLevel({ part }: { part: Part }) {
  const { t } = useTranslation('parts');
  return (
    <span className="stock">
      {formatQuantity(part.on_hand)}{' '}
      {part.on_hand < 0 ? (
        <StatusBadge tone="danger">{t('parts:stock.backordered')}</StatusBadge>
      ) : (
        isLow(part) && <StatusBadge tone="warning">{t('parts:stock.low')}</StatusBadge>
      )}
    </span>
  );
}
