import '../../../components/record.css';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Column } from '../../../components/data-table';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { formatListDateTime, formatMoney } from '../../../lib/format';
import { customerPath, salePath, salespersonPath } from '../../../lib/paths';
import { personName, type Sale } from '../types';

/** A sale's columns: the date opens the sale, the VIN the car, each name the person's page. */
export const saleColumns = (t: TFunction): Column<Sale>[] => [
  {
    key: 'sold_at',
    header: t('sales:columns.sale'),
    cell: (s) => <Link to={salePath(s.id)}>{formatListDateTime(s.sold_at)}</Link>,
    sortValue: (s) => s.sold_at,
  },
  {
    key: 'vin',
    header: t('sales:columns.vin'),
    cell: (s) => <VinLink vin={s.automobile.vin} />,
    sortValue: (s) => s.automobile.vin,
    nowrap: true,
  },
  {
    key: 'salesperson',
    header: t('sales:columns.salesperson'),
    cell: (s) => <Link to={salespersonPath(s.salesperson.id)}>{personName(s.salesperson)}</Link>,
    sortValue: (s) => personName(s.salesperson),
  },
  {
    key: 'customer',
    header: t('sales:columns.customer'),
    cell: (s) => <Link to={customerPath(s.customer.id)}>{personName(s.customer)}</Link>,
    sortValue: (s) => personName(s.customer),
  },
  {
    key: 'price',
    header: t('sales:columns.price'),
    cell: (s) =>
      s.voided_at ? (
        <span>
          <StatusBadge tone="danger">{t('sales:columns.voided')}</StatusBadge> <del>{formatMoney(s.price)}</del>
        </span>
      ) : (
        formatMoney(s.price)
      ),
    sortValue: (s) => s.price,
    numeric: true,
  },
];

export const saleSearchText = (s: Sale) => `${s.automobile.vin} ${personName(s.salesperson)} ${personName(s.customer)}`;
