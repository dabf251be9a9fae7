import { Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Column } from '../../../components/data-table';
import { repairOrderTone } from '../../../components/repair-order-tone';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { VipBadge } from '../../../components/vip-badge';
import { formatListDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type RepairOrder, type RepairOrderStatus, statusLabel } from '../types';

export const repairOrderPath = (id: number) => `/service/repair-orders/${id}`;

export function OrderStatusBadge({ status }: { status: RepairOrderStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={repairOrderTone[status]}>{statusLabel(t, status)}</StatusBadge>;
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
    nowrap: true,
  },
  {
    key: 'created',
    header: t('repairOrders:columns.opened'),
    cell: (o) => formatListDateTime(o.created_at),
    nowrap: true,
  },
  { key: 'customer', header: t('repairOrders:columns.customer'), cell: (o) => o.customer.name },
  {
    key: 'car',
    header: t('repairOrders:columns.car'),
    cell: (o) => (
      <Group gap={6} wrap="nowrap">
        <VinLink vin={o.vin} />
        {o.vip && <VipBadge>{t('repairOrders:order.vip')}</VipBadge>}
      </Group>
    ),
  },
  { key: 'concern', header: t('repairOrders:columns.concern'), cell: (o) => o.concern },
  {
    key: 'status',
    header: t('repairOrders:columns.status'),
    // The badge says it ("Open"): no column name before it on a phone.
    phoneLabel: false,
    cell: (o) => <OrderStatusBadge status={o.status} />,
  },
  {
    key: 'total',
    header: t('repairOrders:columns.total'),
    cell: (o) => formatMoney(o.totals.total),
    numeric: true,
  },
  {
    key: 'balance',
    header: t('repairOrders:columns.balance'),
    cell: (o) => formatMoney(o.totals.balance),
    numeric: true,
  },
];
