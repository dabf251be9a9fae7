import '../service.css';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipZone } from '../../../lib/time-zone';
import { useAppointment } from '../api/get-appointment';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { StatusBadge } from './appointment-columns';
import { StartRepairOrder } from './start-repair-order';

export function AppointmentDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  // `?start=1` (the board's "Start repair order") opens the repair order form at once.
  const [params] = useSearchParams();
  const mayStartOrder = useCan('repair_orders.write');
  if (appointment.isLoading) return <Loading />;
  if (appointment.error || !appointment.data) {
    const missing = appointment.error instanceof ApiError && appointment.error.status === 404;
    return (
      <>
        <h1>{t('service:detail.title')}</h1>
        {missing ? (
          <p>
            {t('service:detail.noSuch', { id })}{' '}
            <Link to="/service/appointments">{t('service:detail.backToBoard')}</Link>.
          </p>
        ) : (
          <ErrorState error={appointment.error} retry={() => appointment.refetch()} />
        )}
      </>
    );
  }
  const a = appointment.data;
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  const overdue = a.status === 'created' && new Date(a.date_time).getTime() < Date.now();
  return (
    <>
      <p>
        <Link to="/service/appointments">{t('service:detail.board')}</Link>
      </p>
      <h1>
        {a.customer}: {a.reason}
      </h1>
      {a.status === 'finished' && (
        <p className="notice">
          {t('service:detail.finishedBefore')}{' '}
          <Link to={`/service/history?vin=${encodeURIComponent(a.vin)}`}>{t('service:detail.serviceHistory')}</Link>{' '}
          {t('service:detail.finishedAfter')}
        </p>
      )}
      {a.status === 'canceled' && (
        <p className="notice">
          {a.cancel_reason
            ? t('service:detail.canceledWhy', { reason: a.cancel_reason })
            : t('service:detail.canceledNoReason')}
        </p>
      )}
      <dl className="details">
        <dt>{t('service:detail.when')}</dt>
        <dd>
          {t('service:detail.whenValue', {
            start: formatDateTime(a.date_time),
            end: formatTime(ends),
            minutes: a.duration_minutes,
            zone: dealershipZone,
          })}
        </dd>
        <dt>{t('service:detail.car')}</dt>
        <dd>
          <VinLink vin={a.vin} />
          {a.vip ? (
            <>
              {' '}
              <span className="badge vip">{t('service:columns.vip')}</span> {t('service:detail.vipNote')}
            </>
          ) : (
            t('service:detail.notOurs')
          )}
        </dd>
        <dt>{t('service:detail.customer')}</dt>
        <dd>{a.customer}</dd>
        <dt>{t('service:detail.technician')}</dt>
        <dd>
          <Link to={`/service/technicians/${a.technician.id}`}>{technicianName(a.technician)}</Link>
          {a.technician.active === false && <span className="badge">{t('common:staff.retired')}</span>}
        </dd>
        <dt>{t('service:detail.reason')}</dt>
        <dd>{a.reason}</dd>
        <dt>{t('service:detail.status')}</dt>
        <dd>
          <StatusBadge appointment={a} overdue={overdue} />
          {overdue && t('service:detail.overdueNote')}
        </dd>
      </dl>
      {mayStartOrder && a.status !== 'canceled' && (
        <StartRepairOrder appointment={a} open={params.get('start') === '1'} />
      )}
      <AppointmentActions appointment={a} confirmFinish />
      <p>
        <Link to={`/service/appointments/${a.id}/print`} role="button" className="secondary outline">
          {t('service:detail.print')}
        </Link>
      </p>
    </>
  );
}
