import { Link } from 'react-router-dom';
import type { Column } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatDateTime } from '../../../lib/format';
import { formatTime, formatWhen } from '../time-zone';
import { type Appointment, technicianName } from '../types';

/** The columns the appointment list and the service history share. */
export const appointmentColumns: Column<Appointment>[] = [
  { key: 'vin', header: 'VIN', cell: (a) => <VinLink vin={a.vin} />, sortValue: (a) => a.vin },
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

export const statusLabel: Record<Appointment['status'], string> = {
  created: 'Booked',
  finished: 'Finished',
  canceled: 'Canceled',
};

export function StatusBadge({ appointment, overdue }: { appointment: Appointment; overdue?: boolean }) {
  if (overdue) return <span className="badge overdue">Overdue</span>;
  return <span className={`badge ${appointment.status}`}>{statusLabel[appointment.status]}</span>;
}

const ends = (a: Appointment) => new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();

/** The board's columns: the time on the dealership's clock (only the time when one day is shown). */
export function boardColumns(options: { timeOnly: boolean; now: number }): Column<Appointment>[] {
  return [
    {
      key: 'when',
      header: 'When',
      cell: (a) => (
        <span className="when">
          {options.timeOnly
            ? `${formatTime(a.date_time)}–${formatTime(ends(a))}`
            : `${formatWhen(a.date_time)}–${formatTime(ends(a))}`}
        </span>
      ),
    },
    {
      key: 'customer',
      header: 'Customer',
      cell: (a) => (
        <Link to={`/service/appointments/${a.id}`} aria-label={`${a.customer}, appointment details`}>
          {a.customer}
        </Link>
      ),
    },
    {
      key: 'car',
      header: 'Car',
      cell: (a) => (
        <span>
          <VinLink vin={a.vin} />
          {a.vip && <span className="badge vip">VIP</span>}
        </span>
      ),
    },
    { key: 'technician', header: 'Technician', cell: (a) => technicianName(a.technician) },
    { key: 'reason', header: 'Reason', cell: (a) => a.reason },
    {
      key: 'status',
      header: 'Status',
      cell: (a) => (
        <StatusBadge
          appointment={a}
          overdue={a.status === 'created' && new Date(a.date_time).getTime() < options.now}
        />
      ),
    },
  ];
}
