import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { StatusTone } from '../../../app/theme';
import { type Column, dateTimeColumn } from '../../../components/data-table';
import { StatusBadge as Badge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { VipBadge as Vip } from '../../../components/vip-badge';
import { formatListDate, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type Appointment, technicianName } from '../types';

/** The columns the appointment list and the service history share. */
export function appointmentColumns(t: TFunction): Column<Appointment>[] {
  return [
    { key: 'vin', header: t('service:columns.vin'), cell: (a) => <VinLink vin={a.vin} />, sortValue: (a) => a.vin },
    {
      key: 'vip',
      header: t('service:columns.vip'),
      cell: (a) => (a.vip ? <VipBadge /> : t('service:columns.no')),
      sortValue: (a) => (a.vip ? 1 : 0),
    },
    { key: 'customer', header: t('service:columns.customer'), cell: (a) => a.customer, sortValue: (a) => a.customer },
    dateTimeColumn('date_time', t('service:columns.dateTime'), (a) => a.date_time),
    {
      key: 'technician',
      header: t('service:columns.technician'),
      cell: (a) => technicianName(a.technician),
      sortValue: (a) => technicianName(a.technician),
    },
    { key: 'reason', header: t('service:columns.reason'), cell: (a) => a.reason, sortValue: (a) => a.reason },
  ];
}

/** An appointment's status in the user's language (the API's word is the key, never shown). */
export function statusLabel(t: TFunction, status: Appointment['status']): string {
  switch (status) {
    case 'created':
      return t('service:status.created');
    case 'finished':
      return t('service:status.finished');
    case 'canceled':
      return t('service:status.canceled');
  }
}

/** What the list's search box matches: the status in the words shown as well as the API's. */
export const appointmentSearchText = (t: TFunction) => (a: Appointment) =>
  `${a.vin} ${a.customer} ${technicianName(a.technician)} ${a.reason} ${a.status} ${statusLabel(t, a.status)}`;

const statusTones: Record<Appointment['status'], StatusTone> = {
  created: 'info',
  finished: 'success',
  canceled: 'neutral',
};

/** An appointment's status, coloured by meaning: booked work is news, a late one asks for action. */
export function StatusBadge({ appointment, overdue }: { appointment: Appointment; overdue?: boolean }) {
  const { t } = useTranslation();
  if (overdue) return <Badge tone="warning">{t('service:status.overdue')}</Badge>;
  return <Badge tone={statusTones[appointment.status]}>{statusLabel(t, appointment.status)}</Badge>;
}

/** The car was bought or stocked here: the customer is ours. */
export function VipBadge() {
  const { t } = useTranslation();
  return <Vip>{t('service:columns.vip')}</Vip>;
}

const ends = (a: Appointment) => new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();

/** The board's columns: the time on the dealership's clock (only the time when one day is shown). */
export function boardColumns(t: TFunction, options: { timeOnly: boolean; now: number }): Column<Appointment>[] {
  return [
    {
      key: 'when',
      header: t('service:columns.when'),
      cell: (a) => (
        // The day on one line and the hours on the next, each whole: wrapping anywhere else broke
        // "9:00 AM–10:00 AM" over three lines, and one long line pushed Finish and Cancel out of the table.
        <span className="board-when">
          {!options.timeOnly && <span>{formatListDate(a.date_time)},</span>}{' '}
          <span>
            {formatTime(a.date_time)}–{formatTime(ends(a))}
          </span>
        </span>
      ),
    },
    {
      key: 'customer',
      header: t('service:columns.customer'),
      cell: (a) => (
        <Anchor
          component={Link}
          to={`/service/appointments/${a.id}`}
          aria-label={t('service:columns.details', { customer: a.customer })}
        >
          {a.customer}
        </Anchor>
      ),
    },
    {
      key: 'car',
      header: t('service:columns.car'),
      nowrap: true,
      cell: (a) => (
        <span className="board-car">
          <VinLink vin={a.vin} /> {a.vip && <VipBadge />}
        </span>
      ),
    },
    { key: 'technician', header: t('service:columns.technician'), cell: (a) => technicianName(a.technician) },
    { key: 'reason', header: t('service:columns.reason'), cell: (a) => a.reason },
    {
      key: 'status',
      header: t('service:columns.status'),
      // The badge says it ("Booked", "Late"): no column name before it on a phone.
      phoneLabel: false,
      nowrap: true,
      cell: (a) => (
        <StatusBadge
          appointment={a}
          overdue={a.status === 'created' && new Date(a.date_time).getTime() < options.now}
        />
      ),
    },
  ];
}
