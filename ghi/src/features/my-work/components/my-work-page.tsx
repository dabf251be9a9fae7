import '../../../components/board.css';
import '../my-work.css';
import { allowsOwn, canAtLeastOwn } from '@carcar/common/contract/permissions';
import type { Appointment } from '@carcar/common/contract/service';
import { Alert, Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { VipBadge } from '../../../components/vip-badge';
import { type User, useCurrentUser } from '../../../lib/auth';
import { formatDate, formatDateTime, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { carPath } from '../../../lib/paths';
import { dealershipDate, dealershipToday } from '../../../lib/time-zone';
import { useFinishAppointment } from '../api/finish-appointment';
import { useMySchedule } from '../api/get-my-schedule';
import { RepairWork } from './repair-work';

const endOf = (a: Appointment) => new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();

/** Finish, asked once more: a finished job is the car's service history and cannot be undone. */
function FinishButton({ appointment, user }: { appointment: Appointment; user: User }) {
  const { t } = useTranslation('myWork');
  const update = useFinishAppointment();
  const [asking, setAsking] = useState(false);
  if (appointment.status !== 'created' || !allowsOwn(user, 'appointments.finish', appointment.technician.id)) {
    return null;
  }
  return (
    <>
      {/* Gloved fingers in the workshop: a large button, the width of half the card. */}
      <Button size="lg" onClick={() => setAsking(true)} disabled={update.isPending}>
        {t('myWork:finish.button')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('myWork:finish.title')}
        confirmLabel={t('myWork:finish.confirm')}
        cancelLabel={t('myWork:finish.notYet')}
        destructive={false}
        onConfirm={() => update.mutateAsync(appointment.id)}
        onClose={() => setAsking(false)}
      >
        <p>
          {t('myWork:finish.body', {
            reason: appointment.reason,
            customer: appointment.customer,
            when: formatDateTime(appointment.date_time),
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}

function Job({
  appointment: a,
  user,
  showDay,
  now,
}: {
  appointment: Appointment;
  user: User;
  showDay: boolean;
  now: number;
}) {
  const { t } = useTranslation('myWork');
  const late = a.status === 'created' && new Date(endOf(a)).getTime() < now;
  const navigate = useNavigate();
  return (
    <li className={`job job-${a.status}${late ? ' job-late' : ''}`} aria-labelledby={`job-${a.id}`}>
      <p className="job-time" id={`job-${a.id}`}>
        <time dateTime={a.date_time}>
          {showDay && `${formatDate(a.date_time)}, `}
          {formatTime(a.date_time)}–{formatTime(endOf(a))}
        </time>
        {a.status === 'finished' && <StatusBadge tone="success">{t('myWork:status.finished')}</StatusBadge>}
        {a.status === 'canceled' && <StatusBadge tone="neutral">{t('myWork:status.canceled')}</StatusBadge>}
        {late && <StatusBadge tone="warning">{t('myWork:status.late')}</StatusBadge>}
        {a.vip && <VipBadge>{t('myWork:status.vip')}</VipBadge>}
      </p>
      <p className="job-what">
        <strong>{a.reason}</strong> {t('myWork:job.forCustomer', { customer: a.customer })}
      </p>
      <p>
        <code className="job-vin">{a.vin}</code>
      </p>
      <div className="job-actions">
        <Button
          size="lg"
          variant="default"
          onClick={() => navigate(carPath(a.vin))}
          aria-label={t('myWork:job.carHistoryOf', { vin: a.vin })}
        >
          {t('myWork:job.carHistory')}
        </Button>
        <FinishButton appointment={a} user={user} />
      </div>
    </li>
  );
}

function JobList({
  id,
  title,
  jobs,
  empty,
  user,
  showDay,
  now,
}: {
  /** The section's own id, whatever the language of its title. */
  id: string;
  title: string;
  jobs: Appointment[];
  empty?: string;
  user: User;
  showDay: boolean;
  now: number;
}) {
  if (jobs.length === 0 && !empty) return null;
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mt="lg" mb="sm">
        {title}{' '}
        {jobs.length > 0 && (
          <Text span c="dimmed" inherit>
            ({jobs.length})
          </Text>
        )}
      </Title>
      {jobs.length === 0 ? (
        <Text c="dimmed" className="empty">
          {empty}
        </Text>
      ) : (
        <ol className="my-work-list">
          {jobs.map((a) => (
            <Job key={a.id} appointment={a} user={user} showDay={showDay} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Schedule({ user, technicianId }: { user: User; technicianId: number }) {
  const { t } = useTranslation('myWork');
  const today = dealershipToday();
  // Today as it stands (done jobs too), and every job still open: late ones from earlier days and
  // the ones to come. Both in time order.
  const day = useMySchedule({ technician: technicianId, date: today, sort: 'date_time', limit: 200 });
  const open = useMySchedule({ technician: technicianId, status: 'created', sort: 'date_time', limit: 200 });
  if (day.isLoading || open.isLoading) return <Loading label={t('myWork:schedule.loading')} />;
  const error = day.error ?? open.error;
  if (error) {
    return (
      <ErrorState
        error={error}
        retry={() => {
          void day.refetch();
          void open.refetch();
        }}
      />
    );
  }
  const now = Date.now();
  const openJobs = open.data ?? [];
  const earlier = openJobs.filter((a) => dealershipDate(a.date_time) < today);
  const upcoming = openJobs.filter((a) => dealershipDate(a.date_time) > today);
  const todays = day.data ?? [];
  return (
    <>
      <JobList
        id="my-work-still-open-from-earlier-days"
        title={t('myWork:schedule.earlier')}
        jobs={earlier}
        user={user}
        showDay
        now={now}
      />
      <JobList
        id="my-work-today"
        title={t('myWork:schedule.today')}
        jobs={todays}
        empty={t('myWork:schedule.todayEmpty')}
        user={user}
        showDay={false}
        now={now}
      />
      <JobList
        id="my-work-coming-up"
        title={t('myWork:schedule.upcoming')}
        jobs={upcoming}
        empty={t('myWork:schedule.upcomingEmpty')}
        user={user}
        showDay
        now={now}
      />
    </>
  );
}

/**
 * A technician's home page: their own jobs, today's first, each one tap from the car's history and
 * one confirmed tap from finished. It follows the account's technician link; without one there is
 * nothing to show but how to get it.
 */
export function MyWorkPage() {
  const { t } = useTranslation('myWork');
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <div className="my-work">
      <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
        <Title order={1}>{t('myWork:page.title')}</Title>
        <Text c="dimmed" size="sm">
          {user.name} · {formatDate(new Date().toISOString())}
        </Text>
      </Group>
      {user.technician_id === null ? (
        <Alert role="status" color="orange" variant="light" mt="md">
          {t('myWork:page.notLinked')}
        </Alert>
      ) : (
        <>
          {canAtLeastOwn(user, 'repair_orders.work') && <RepairWork technicianId={user.technician_id} />}
          <Schedule user={user} technicianId={user.technician_id} />
        </>
      )}
      <Text mt="lg">
        <Anchor component={Link} to="/service/appointments" className="my-work-link">
          {t('myWork:page.wholeBoard')}
        </Anchor>
      </Text>
    </div>
  );
}
