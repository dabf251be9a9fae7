import { Link } from 'react-router-dom';
import type { Column } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { type RepairOrder, type RepairOrderStatus, statusLabels } from '../types';

export const repairOrderPath = (id: number) => `/service/repair-orders/${id}`;

export function OrderStatusBadge({ status }: { status: RepairOrderStatus }) {
  return <span className={`badge ro-${status}`}>{statusLabels[status]}</span>;
}

/** The list's columns: the number opens the order. */
export const repairOrderColumns: Column<RepairOrder>[] = [
  {
    key: 'id',
    header: 'Order',
    cell: (o) => (
      <Link to={repairOrderPath(o.id)} aria-label={`RO ${o.id}, ${o.customer.name}`}>
        RO {o.id}
      </Link>
    ),
  },
  { key: 'created', header: 'Opened', cell: (o) => formatDateTime(o.created_at) },
  { key: 'customer', header: 'Customer', cell: (o) => o.customer.name },
  {
    key: 'car',
    header: 'Car',
    cell: (o) => (
      <span>
        <VinLink vin={o.vin} />
        {o.vip && <span className="badge vip">VIP</span>}
      </span>
    ),
  },
  { key: 'concern', header: 'Concern', cell: (o) => o.concern },
  { key: 'status', header: 'Status', cell: (o) => <OrderStatusBadge status={o.status} /> },
  { key: 'total', header: 'Total', cell: (o) => <span className="money">{formatMoney(o.totals.total)}</span> },
  { key: 'balance', header: 'Balance', cell: (o) => <span className="money">{formatMoney(o.totals.balance)}</span> },
];
