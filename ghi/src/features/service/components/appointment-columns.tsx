import type { Column } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import { type Appointment, technicianName } from '../types';

/** The columns the appointment list and the service history share. */
export const appointmentColumns: Column<Appointment>[] = [
  { key: 'vin', header: 'VIN', cell: (a) => <code>{a.vin}</code>, sortValue: (a) => a.vin },
  {
    key: 'vip',
    header: 'VIP',
    cell: (a) => (a.vip ? <span className="badge vip">VIP</span> : 'No'),
    sortValue: (a) => (a.vip ? 1 : 0),
  },
  { key: 'customer', header: 'Customer', cell: (a) => a.customer, sortValue: (a) => a.customer },
  {
    key: 'date_time',
    header: 'Date and time',
    cell: (a) => formatDateTime(a.date_time),
    sortValue: (a) => a.date_time,
  },
  {
    key: 'technician',
    header: 'Technician',
    cell: (a) => technicianName(a.technician),
    sortValue: (a) => technicianName(a.technician),
  },
  { key: 'reason', header: 'Reason', cell: (a) => a.reason, sortValue: (a) => a.reason },
];

export const appointmentSearchText = (a: Appointment) =>
  `${a.vin} ${a.customer} ${technicianName(a.technician)} ${a.reason} ${a.status}`;
