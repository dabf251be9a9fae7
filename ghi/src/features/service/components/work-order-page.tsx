import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import '../service.css';
import type { RepairOrder, RepairOrderLine } from '@carcar/common/contract/repair-orders';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router-dom';
import {
  type Fact,
  Facts,
  LineItems,
  Paper,
  PaperSection,
  SignatureLines,
  stockCarOnPaper,
  Totals,
  usePaperCar,
  vehicleFacts,
} from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError, serviceApi } from '../../../lib/api-client';
import { formatDateTime, formatMoney, formatNumber, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { dealershipZone } from '../../../lib/time-zone';
import { useAppointment } from '../api/get-appointment';
import { technicianName } from '../types';

/**
 * The car's repair orders, newest first: the appointment's own is among them (the list has no
 * filter by appointment). Same key and shape as the car's workshop history, so either fills the other.
 */
function useCarRepairOrders(vin: string | undefined) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.byCar(vin ?? ''),
    enabled: Boolean(vin),
    queryFn: async () =>
      (
        await serviceApi.get<{ repair_orders: RepairOrder[] }>(pathTo(serviceApiRoutes.repairOrders.list), {
          params: { vin },
        })
      ).data.repair_orders,
  });
}

/** A blank on the paper to write in by hand: what the appointment does not know. */
const writeIn = <span className="paper-write-in" />;

/**
 * The work order of one appointment, to print for the workshop: the customer and how to reach
 * them, the car, the work and who does it, and the repair order's line items when there is one.
 * The appointment itself holds neither a phone nor an odometer reading: both come from its repair
 * order (written up with the car at the counter), and are left blank to fill in without one.
 */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const appointment = useAppointment(id);
  const car = usePaperCar(appointment.data?.vin);
  const orders = useCarRepairOrders(appointment.data?.vin);
  if (appointment.isLoading || car.isLoading || orders.isLoading) return <Loading />;
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
  // A voided order is no longer the appointment's work; the newest other one is.
  const mine = orders.data?.filter((o) => o.appointment === a.id) ?? [];
  const order = mine.find((o) => o.status !== 'void') ?? null;
  const statusWords = {
    created: t('service:status.created'),
    finished: t('service:status.finished'),
    canceled: t('service:status.canceled'),
  };
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  const mileage: Fact = order
    ? { label: t('common:paper.mileage'), value: t('common:paper.miles', { miles: formatNumber(order.mileage) }) }
    : { label: t('common:paper.mileage'), value: writeIn };
  return (
    <Paper
      title={t('service:workOrder.title')}
      number={t('service:workOrder.number', { id: a.id })}
      date={formatDateTime(a.date_time)}
      back={{ to: `/service/appointments/${a.id}`, label: t('service:workOrder.back', { id: a.id }) }}
    >
      <PaperSection title={t('service:workOrder.customer')}>
        <Facts
          facts={[
            { label: t('service:workOrder.name'), value: a.customer },
            { label: t('service:workOrder.phone'), value: order?.customer.phone || writeIn },
            {
              label: t('service:workOrder.vip'),
              value: a.vip ? t('service:workOrder.vipYes') : t('service:workOrder.vipNo'),
            },
          ]}
        />
      </PaperSection>
      <PaperSection title={t('service:workOrder.vehicle')}>
        <Facts facts={[...vehicleFacts(t, { vin: a.vin, car: stockCarOnPaper(car.data) }), mileage]} />
      </PaperSection>
      <PaperSection title={t('service:workOrder.work')}>
        <Facts
          facts={[
            { label: t('service:workOrder.reason'), value: a.reason },
            {
              label: t('service:workOrder.when'),
              value: t('service:workOrder.whenValue', {
                start: formatDateTime(a.date_time),
                end: formatTime(ends),
                zone: dealershipZone,
              }),
            },
            {
              label: t('service:workOrder.duration'),
              value: t('service:workOrder.minutes', { count: a.duration_minutes }),
            },
            {
              label: t('service:workOrder.status'),
              value: `${statusWords[a.status]}${a.status === 'canceled' && a.cancel_reason ? `: ${a.cancel_reason}` : ''}`,
            },
            { label: t('service:workOrder.technician'), value: technicianName(a.technician) },
            { label: t('common:staff.employeeId'), value: a.technician.employee_id },
            {
              label: t('service:workOrder.repairOrder'),
              // A failed lookup is not "none yet": the paper says the lines could not be read.
              value: order
                ? t('service:workOrder.repairOrderNumber', { id: order.id })
                : orders.error
                  ? t('service:workOrder.linesUnavailable')
                  : t('service:workOrder.noRepairOrder'),
            },
          ]}
        />
      </PaperSection>
      <PaperSection title={t('service:workOrder.lineItems')}>
        <OrderLines t={t} order={order} failed={Boolean(orders.error)} />
      </PaperSection>
      <PaperSection title={t('service:workOrder.workDone')}>
        <p className="paper-notes" aria-hidden="true" />
      </PaperSection>
      <SignatureLines signers={[t('service:workOrder.signTechnician'), t('service:workOrder.signCustomer')]} />
    </Paper>
  );
}

/** "1.5 h × $120.00" or "2 × $45.00": how a line's amount was reached. */
function figures(line: RepairOrderLine): string {
  if (line.kind === 'labor') return `${formatNumber(line.hours ?? 0)} h × ${formatMoney(line.rate ?? 0)}`;
  return `${formatNumber(line.quantity ?? 1)} × ${formatMoney(line.unit_price ?? 0)}`;
}

function kindWord(t: TFunction, line: RepairOrderLine): string {
  switch (line.kind) {
    case 'labor':
      return t('service:workOrder.kind.labor');
    case 'part':
      return t('service:workOrder.kind.part');
    case 'fee':
      return t('service:workOrder.kind.fee');
  }
}

/**
 * The repair order's approved and done lines with its totals (which count only those); lines still
 * awaiting the customer's word are counted, not listed, as they may not be done.
 */
function OrderLines({ t, order, failed }: { t: TFunction; order: RepairOrder | null; failed: boolean }) {
  if (failed) return <p>{t('service:workOrder.linesUnavailable')}</p>;
  if (!order) return <p>{t('service:workOrder.noLines')}</p>;
  const agreed = order.lines.filter((line) => line.status === 'approved' || line.status === 'done');
  const waiting = order.lines.filter((line) => line.status === 'proposed').length;
  return (
    <>
      {agreed.length === 0 ? (
        <p>{t('service:workOrder.noAgreedLines')}</p>
      ) : (
        <>
          <LineItems
            label={t('service:workOrder.lineItems')}
            columns={[
              { label: t('service:workOrder.item') },
              { label: t('service:workOrder.figures'), numeric: true },
              { label: t('service:workOrder.amount'), numeric: true },
            ]}
            rows={agreed.map((line) => ({
              key: line.id,
              cells: [
                <>
                  {kindWord(t, line)}: {line.description}
                  {line.part_number && (
                    <>
                      {' '}
                      <span className="paper-nowrap">({line.part_number})</span>
                    </>
                  )}
                </>,
                figures(line),
                formatMoney(line.amount),
              ],
            }))}
          />
          <Totals
            label={t('service:workOrder.totals')}
            lines={[
              { label: t('service:workOrder.subtotal'), value: formatMoney(order.totals.subtotal) },
              { label: t('service:workOrder.tax'), value: formatMoney(order.totals.tax) },
              { label: t('service:workOrder.total'), value: formatMoney(order.totals.total), total: true },
            ]}
          />
        </>
      )}
      {waiting > 0 && <p>{t('service:workOrder.awaitingApproval', { count: waiting })}</p>}
    </>
  );
}
