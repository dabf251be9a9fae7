import { Anchor, Paper, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge as Badge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type AppointmentStatus, useAppointmentPage } from '../api/get-appointment-page';
import { type Appointment, type Technician, technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { StatusBadge, VipBadge } from './appointment-columns';

const ends = (a: Appointment) => new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();

/**
 * One day, a column per technician (a row of cards on a phone), each one's appointments in time
 * order: who is free when. Every active technician has a column, free or not; a retired one only
 * when something is still on their day.
 */
export function TechnicianDay({
  date,
  dayLabel,
  technician,
  status,
  q,
  technicians,
  now,
}: {
  date: string;
  dayLabel: string;
  technician?: number;
  status?: AppointmentStatus;
  q: string;
  technicians: Technician[] | undefined;
  now: number;
}) {
  const { t } = useTranslation();
  const day = useAppointmentPage(status ? [status] : [], {
    date,
    technician,
    q: q || undefined,
    sort: 'date_time',
    limit: 500,
  });
  if (day.isLoading) return <Loading />;
  if (day.error) return <ErrorState error={day.error} retry={() => day.refetch()} />;
  const appointments = day.data?.appointments ?? [];
  const byTechnician = new Map<number, { technician: Technician; appointments: Appointment[] }>();
  for (const tech of technicians ?? []) {
    if (tech.active !== false && (technician === undefined || tech.id === technician))
      byTechnician.set(tech.id, { technician: tech, appointments: [] });
  }
  for (const a of appointments) {
    const column = byTechnician.get(a.technician.id) ?? { technician: a.technician, appointments: [] };
    column.appointments.push(a);
    byTechnician.set(a.technician.id, column);
  }
  const columns = [...byTechnician.values()].sort((x, y) =>
    technicianName(x.technician).localeCompare(technicianName(y.technician)),
  );
  if (columns.length === 0) return <p className="empty">{t('service:board.noTechnicians')}</p>;
  return (
    <section aria-label={t('service:board.byTechnician', { day: dayLabel })} className="technician-day">
      {columns.map(({ technician: tech, appointments: list }) => (
        <Paper
          component="article"
          withBorder
          radius="md"
          key={tech.id}
          className="technician-column"
          aria-labelledby={`tech-day-${tech.id}`}
        >
          <Title order={2} id={`tech-day-${tech.id}`}>
            <Anchor component={Link} to={`/service/technicians/${tech.id}`}>
              {technicianName(tech)}
            </Anchor>{' '}
            {tech.active === false && <Badge tone="neutral">{t('common:staff.retired')}</Badge>}
          </Title>
          {list.length === 0 ? (
            <p className="empty">{t('service:board.freeAllDay')}</p>
          ) : (
            <ol>
              {list.map((a) => (
                <li key={a.id} className={`slot slot-${a.status}`}>
                  <p className="slot-time">
                    {formatTime(a.date_time)}–{formatTime(ends(a))}{' '}
                    <StatusBadge
                      appointment={a}
                      overdue={a.status === 'created' && new Date(a.date_time).getTime() < now}
                    />
                    {a.vip && <VipBadge />}
                  </p>
                  <p>
                    <Anchor component={Link} to={`/service/appointments/${a.id}`}>
                      {a.customer}
                    </Anchor>
                    : {a.reason}
                  </p>
                  <p>
                    <VinLink vin={a.vin} />
                  </p>
                  <AppointmentActions appointment={a} />
                </li>
              ))}
            </ol>
          )}
        </Paper>
      ))}
    </section>
  );
}
