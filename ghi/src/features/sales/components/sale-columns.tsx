import type { Column } from '../../../components/data-table';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { personName, type Sale } from '../types';

export const saleColumns: Column<Sale>[] = [
  { key: 'vin', header: 'VIN', cell: (s) => <code>{s.automobile.vin}</code>, sortValue: (s) => s.automobile.vin },
  {
    key: 'salesperson',
    header: 'Salesperson',
    cell: (s) => personName(s.salesperson),
    sortValue: (s) => personName(s.salesperson),
  },
  {
    key: 'customer',
    header: 'Customer',
    cell: (s) => personName(s.customer),
    sortValue: (s) => personName(s.customer),
  },
  { key: 'price', header: 'Price', cell: (s) => formatMoney(s.price), sortValue: (s) => s.price },
  { key: 'sold_at', header: 'Date', cell: (s) => formatDateTime(s.sold_at), sortValue: (s) => s.sold_at },
];

export const saleSearchText = (s: Sale) => `${s.automobile.vin} ${personName(s.salesperson)} ${personName(s.customer)}`;
