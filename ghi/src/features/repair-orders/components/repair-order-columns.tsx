import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Column } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type RepairOrder, type RepairOrderStatus, statusLabel } from '../types';

export const repairOrderPath = (id: number) => `/service/repair-orders/${id}`;

export function OrderStatusBadge({ status }: { status: RepairOrderStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ro-${status}`}>{statusLabel(t, status)}</span>;
}

/** The list's columns: the number opens the order. */
export const repairOrderColumns = (t: TFunction): Column<RepairOrder>[] => [
  {
    key: 'id',
    header: t('repairOrders:columns.order'),
    cell: (o) => (
      <Link
        to={repairOrderPath(o.id)}
        aria-label={t('repairOrders:columns.orderLink', { id: o.id, customer: o.customer.name })}
      >
        {t('repairOrders:order.short', { id: o.id })}
      </Link>
    ),
  },
  { key: 'created', header: t('repairOrders:columns.opened'), cell: (o) => formatDateTime(o.created_at) },
  { key: 'customer', header: t('repairOrders:columns.customer'), cell: (o) => o.customer.name },
  {
    key: 'car',
    header: t('repairOrders:columns.car'),
    cell: (o) => (
      <span>
        <VinLink vin={o.vin} />
        {o.vip && <span className="badge vip">{t('repairOrders:order.vip')}</span>}
      </span>
    ),
  },
  { key: 'concern', header: t('repairOrders:columns.concern'), cell: (o) => o.concern },
  { key: 'status', header: t('repairOrders:columns.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
  {
    key: 'total',
    header: t('repairOrders:columns.total'),
    cell: (o) => <span className="money">{formatMoney(o.totals.total)}</span>,
  },
  {
    key: 'balance',
    header: t('repairOrders:columns.balance'),
    cell: (o) => <span className="money">{formatMoney(o.totals.balance)}</span>,
  },
];
