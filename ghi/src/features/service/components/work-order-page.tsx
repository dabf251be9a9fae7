import '../service.css';
import { Link, useParams } from 'react-router-dom';
import { Paper, SignatureLines, VinFacts } from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipZone } from '../../../lib/time-zone';
import { useAppointment } from '../api/get-appointment';
import { technicianName } from '../types';

/** The work order of one appointment, to print for the workshop: the car, the work, who does it. */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  if (appointment.isLoading) return <Loading />;
  if (appointment.error || !appointment.data) {
    return appointment.error instanceof ApiError && appointment.error.status === 404 ? (
      <>
        <h1>{t('service:workOrder.notFound')}</h1>
        <p>
          {t('service:workOrder.noSuch', { id })}{' '}
          <Link to="/service/appointments">{t('service:workOrder.backToBoard')}</Link>.
        </p>
      </>
    ) : (
      <ErrorState error={appointment.error} retry={() => appointment.refetch()} />
    );
  }
  const a = appointment.data;
  const statusWords = {
    created: t('service:status.created'),
    finished: t('service:status.finished'),
    canceled: t('service:status.canceled'),
  };
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  return (
    <Paper
      title={t('service:workOrder.title')}
      number={t('service:workOrder.number', { id: a.id })}
      date={formatDateTime(a.date_time)}
      back={{ to: `/service/appointments/${a.id}`, label: t('service:workOrder.back', { id: a.id }) }}
    >
      <div className="paper-parties">
        <section aria-label={t('service:workOrder.customer')}>
          <h2>{t('service:workOrder.customer')}</h2>
          <dl>
            <dt>{t('service:workOrder.name')}</dt>
            <dd>{a.customer}</dd>
            <dt>{t('service:workOrder.vip')}</dt>
            <dd>{a.vip ? t('service:workOrder.vipYes') : t('service:workOrder.vipNo')}</dd>
          </dl>
        </section>
        <section aria-label={t('service:workOrder.technician')}>
          <h2>{t('service:workOrder.technician')}</h2>
          <dl>
            <dt>{t('service:workOrder.name')}</dt>
            <dd>{technicianName(a.technician)}</dd>
            <dt>{t('common:staff.employeeId')}</dt>
            <dd>{a.technician.employee_id}</dd>
          </dl>
        </section>
      </div>
      <section aria-label={t('service:workOrder.vehicle')}>
        <h2>{t('service:workOrder.vehicle')}</h2>
        <dl>
          <VinFacts vin={a.vin} />
        </dl>
      </section>
      <section aria-label={t('service:workOrder.work')}>
        <h2>{t('service:workOrder.work')}</h2>
        <dl>
          <dt>{t('service:workOrder.reason')}</dt>
          <dd>{a.reason}</dd>
          <dt>{t('service:workOrder.when')}</dt>
          <dd>
            {t('service:workOrder.whenValue', {
              start: formatDateTime(a.date_time),
              end: formatTime(ends),
              zone: dealershipZone,
            })}
          </dd>
          <dt>{t('service:workOrder.duration')}</dt>
          <dd>{t('service:workOrder.minutes', { count: a.duration_minutes })}</dd>
          <dt>{t('service:workOrder.status')}</dt>
          <dd>
            {statusWords[a.status]}
            {a.status === 'canceled' && a.cancel_reason ? `: ${a.cancel_reason}` : ''}
          </dd>
        </dl>
        <h2>{t('service:workOrder.workDone')}</h2>
        <p className="paper-notes" aria-hidden="true" />
      </section>
      <SignatureLines signers={[t('service:workOrder.signTechnician'), t('service:workOrder.signCustomer')]} />
    </Paper>
  );
}
