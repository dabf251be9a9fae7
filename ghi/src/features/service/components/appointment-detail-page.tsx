import '../service.css';
import { Alert, Anchor, Button } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DetailPage, DetailSection, Facts } from '../../../components/detail-page';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge as Badge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/auth';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipZone } from '../../../lib/time-zone';
import { useAppointment } from '../api/get-appointment';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { StatusBadge, VipBadge } from './appointment-columns';
import { StartRepairOrder } from './start-repair-order';

export function AppointmentDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  // `?start=1` (the board's "Start repair order") opens the repair order form at once.
  const [params] = useSearchParams();
  const [starting, setStarting] = useState(params.get('start') === '1');
  const mayStartOrder = useCan('repair_orders.write');
  const navigate = useNavigate();
  const crumbs = [{ label: t('service:board.title'), to: '/service/appointments' }];
  if (appointment.isLoading) return <Loading />;
  if (appointment.error || !appointment.data) {
    const missing = appointment.error instanceof ApiError && appointment.error.status === 404;
    return (
      <DetailPage crumbs={[...crumbs, { label: t('service:detail.title') }]} title={t('service:detail.title')}>
        {missing ? (
          <p>
            {t('service:detail.noSuch', { id })}{' '}
            <Anchor component={Link} to="/service/appointments">
              {t('service:detail.backToBoard')}
            </Anchor>
            .
          </p>
        ) : (
          <ErrorState error={appointment.error} retry={() => appointment.refetch()} />
        )}
      </DetailPage>
    );
  }
  const a = appointment.data;
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  const overdue = a.status === 'created' && new Date(a.date_time).getTime() < Date.now();
  const when = t('service:detail.whenValue', {
    start: formatDateTime(a.date_time),
    end: formatTime(ends),
    minutes: a.duration_minutes,
    zone: dealershipZone,
  });
  return (
    <DetailPage
      crumbs={[...crumbs, { label: a.customer }]}
      title={`${a.customer}: ${a.reason}`}
      status={<StatusBadge appointment={a} overdue={overdue} />}
      subtitle={when}
      actions={
        <>
          <AppointmentActions appointment={a} confirmFinish compact={false} />
          {mayStartOrder && a.status !== 'canceled' && !starting && (
            <Button variant="default" onClick={() => setStarting(true)}>
              {t('service:startOrder.open')}
            </Button>
          )}
          <Button variant="default" onClick={() => navigate(`/service/appointments/${a.id}/print`)}>
            {t('service:detail.print')}
          </Button>
        </>
      }
    >
      {a.status === 'finished' && (
        <Alert color="teal" variant="light">
          {t('service:detail.finishedBefore')}{' '}
          <Anchor component={Link} to={`/service/history?vin=${encodeURIComponent(a.vin)}`}>
            {t('service:detail.serviceHistory')}
          </Anchor>{' '}
          {t('service:detail.finishedAfter')}
        </Alert>
      )}
      {a.status === 'canceled' && (
        <Alert color="gray" variant="light">
          {a.cancel_reason
            ? t('service:detail.canceledWhy', { reason: a.cancel_reason })
            : t('service:detail.canceledNoReason')}
        </Alert>
      )}
      {mayStartOrder && a.status !== 'canceled' && starting && (
        <StartRepairOrder appointment={a} onCancel={() => setStarting(false)} />
      )}
      <DetailSection title={t('service:detail.title')}>
        <Facts
          items={[
            { label: t('service:detail.when'), value: when },
            {
              label: t('service:detail.car'),
              value: (
                <>
                  <VinLink vin={a.vin} />{' '}
                  {a.vip ? (
                    <>
                      <VipBadge /> {t('service:detail.vipNote')}
                    </>
                  ) : (
                    t('service:detail.notOurs')
                  )}
                </>
              ),
            },
            { label: t('service:detail.customer'), value: a.customer },
            {
              label: t('service:detail.technician'),
              value: (
                <>
                  <Anchor component={Link} to={`/service/technicians/${a.technician.id}`}>
                    {technicianName(a.technician)}
                  </Anchor>{' '}
                  {a.technician.active === false && <Badge tone="neutral">{t('common:staff.retired')}</Badge>}
                </>
              ),
            },
            { label: t('service:detail.reason'), value: a.reason },
            {
              label: t('service:detail.status'),
              value: (
                <>
                  <StatusBadge appointment={a} overdue={overdue} />
                  {overdue && t('service:detail.overdueNote')}
                </>
              ),
            },
          ]}
        />
      </DetailSection>
    </DetailPage>
  );
}
