import { automobileUpdateBody } from '@carcar/common/contract/inventory';
import type { RepairOrder, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { Sale } from '@carcar/common/contract/sales';
import type { Appointment } from '@carcar/common/contract/service';
import { decodeVin, normalizeVin } from '@carcar/common/contract/vin';
import { Alert, Code, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { StatusTone } from '../../../app/theme';
import { AuditList } from '../../../components/audit-list';
import { DataTable } from '../../../components/data-table';
import { DetailPage, DetailSection, Facts } from '../../../components/detail-page';
import { FormFooter, TextField } from '../../../components/form';
import { repairOrderTone } from '../../../components/repair-order-tone';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { countryText, regionText, vinProblemText } from '../../../components/vin-words';
import { ApiError } from '../../../lib/api-client';
import { nameBook } from '../../../lib/audit-words';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { formatListDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { customerPath, salePath, salespersonPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useAutomobile } from '../api/get-automobile';
import { useCarAppointments } from '../api/get-car-appointments';
import { useCarRepairOrders } from '../api/get-car-repair-orders';
import { useCarSales } from '../api/get-car-sales';
import { useVehicleAudit } from '../api/get-vehicle-audit';
import { useUpdateAutomobile } from '../api/update-automobile';
import type { Automobile } from '../types';

const name = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

/** What the VIN itself says: where the car was made, its model year, whether the check digit holds. */
function VinFacts({ vin, car }: { vin: string; car?: Automobile }) {
  const { t } = useTranslation();
  const decoded = decodeVin(vin);
  const years = decoded.model_years;
  const yearDisagrees = car !== undefined && years.length > 0 && !years.includes(car.year);
  return (
    <DetailSection title={t('inventory:vehicle.vin.title')}>
      {!decoded.valid && (
        <Alert color="yellow" mb="sm">
          <strong>{t('inventory:vehicle.vin.invalid')}</strong> {vinProblemText(t, decoded)}.
        </Alert>
      )}
      <Facts
        items={[
          {
            label: t('inventory:vehicle.vin.madeIn'),
            value: (
              <>
                {regionText(t, decoded.region) ?? t('inventory:vehicle.vin.unknownRegion')}
                {decoded.country && ` (${countryText(t, decoded.country)})`}
              </>
            ),
          },
          { label: t('inventory:vehicle.vin.makerCode'), value: <Code>{decoded.wmi ?? '—'}</Code> },
          {
            label: t('inventory:vehicle.vin.modelYear'),
            value: (
              <>
                {years.length > 0 ? years.join(t('inventory:vehicle.vin.or')) : t('inventory:vehicle.vin.noYear')}
                {/* Said in words and in bold, not by colour alone: the reader decides which year is right. */}
                {yearDisagrees && <strong>{t('inventory:vehicle.vin.yearDisagrees', { year: car.year })}</strong>}
              </>
            ),
          },
          {
            label: t('inventory:vehicle.vin.checkDigit'),
            value: decoded.check_digit_ok
              ? t('inventory:vehicle.vin.checkDigitOk', { digit: vin.charAt(8) })
              : t('inventory:vehicle.vin.checkDigitBad', {
                  digit: vin.charAt(8) || '?',
                  expected: decoded.expected_check_digit ?? '?',
                }),
          },
        ]}
      />
    </DetailSection>
  );
}

function CorrectionForm({ car }: { car: Automobile }) {
  const { t } = useTranslation();
  const update = useUpdateAutomobile(car.vin);
  const { form, onSubmit } = useApiForm({
    schema: automobileUpdateBody,
    defaultValues: { color: car.color, year: String(car.year) },
    save: update.mutateAsync,
    success: t('inventory:vehicle.correct.saved'),
    keepValues: true,
  });
  return (
    <DetailSection title={t('inventory:vehicle.correct.title')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('inventory:vehicle.correct.form')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextField form={form} name="color" label={t('inventory:vehicle.correct.color')} />
          <TextField form={form} name="year" label={t('inventory:vehicle.correct.year')} type="number" />
        </SimpleGrid>
        <FormFooter form={form} submit={t('inventory:vehicle.correct.save')} />
      </form>
    </DetailSection>
  );
}

function SalesOfCar({ sales }: { sales: ReturnType<typeof useCarSales> }) {
  const { t } = useTranslation();
  return (
    <DetailSection title={t('inventory:vehicle.sales.title')}>
      <DataTable<Sale>
        caption={t('inventory:vehicle.sales.caption')}
        rows={sales.data}
        isLoading={sales.isLoading}
        error={sales.error}
        retry={() => sales.refetch()}
        rowKey={(s) => s.id}
        empty={t('inventory:vehicle.sales.empty')}
        columns={[
          {
            key: 'date',
            header: t('inventory:vehicle.sales.sale'),
            cell: (s) => <Link to={salePath(s.id)}>{formatListDateTime(s.sold_at)}</Link>,
          },
          {
            key: 'customer',
            header: t('inventory:vehicle.sales.customer'),
            cell: (s) => <Link to={customerPath(s.customer.id)}>{name(s.customer)}</Link>,
          },
          {
            key: 'salesperson',
            header: t('inventory:vehicle.sales.salesperson'),
            cell: (s) => <Link to={salespersonPath(s.salesperson.id)}>{name(s.salesperson)}</Link>,
          },
          {
            key: 'price',
            header: t('inventory:vehicle.sales.price'),
            numeric: true,
            cell: (s) => formatMoney(s.price),
          },
          {
            key: 'status',
            header: t('inventory:vehicle.sales.status'),
            cell: (s) =>
              s.voided_at ? (
                <span>
                  <StatusBadge tone="danger">{t('inventory:vehicle.sales.voided')}</StatusBadge>{' '}
                  {s.void_reason ?? t('inventory:vehicle.noReason')}
                </span>
              ) : (
                <StatusBadge tone="success">{t('inventory:vehicle.sales.sold')}</StatusBadge>
              ),
          },
        ]}
      />
    </DetailSection>
  );
}

const appointmentStatus = (t: TFunction): Record<Appointment['status'], string> => ({
  created: t('inventory:vehicle.appointmentStatus.created'),
  canceled: t('inventory:vehicle.appointmentStatus.canceled'),
  finished: t('inventory:vehicle.appointmentStatus.finished'),
});

/** The service board's tones (appointment-columns.tsx): booked work is news, a canceled one is done with. */
const appointmentTone: Record<Appointment['status'], StatusTone> = {
  created: 'info',
  finished: 'success',
  canceled: 'neutral',
};

function ServiceOfCar({ appointments }: { appointments: ReturnType<typeof useCarAppointments> }) {
  const { t } = useTranslation();
  return (
    <DetailSection title={t('inventory:vehicle.service.title')}>
      <DataTable<Appointment>
        caption={t('inventory:vehicle.service.caption')}
        rows={appointments.data}
        isLoading={appointments.isLoading}
        error={appointments.error}
        retry={() => appointments.refetch()}
        rowKey={(a) => a.id}
        empty={t('inventory:vehicle.service.empty')}
        columns={[
          {
            key: 'date',
            header: t('inventory:vehicle.service.dateTime'),
            cell: (a) => <Link to={`/service/appointments/${a.id}`}>{formatListDateTime(a.date_time)}</Link>,
          },
          { key: 'reason', header: t('inventory:vehicle.service.reason'), cell: (a) => a.reason },
          { key: 'customer', header: t('inventory:vehicle.service.customer'), cell: (a) => a.customer },
          { key: 'technician', header: t('inventory:vehicle.service.technician'), cell: (a) => name(a.technician) },
          {
            key: 'status',
            header: t('inventory:vehicle.service.status'),
            cell: (a) => (
              <span>
                <StatusBadge tone={appointmentTone[a.status]}>{appointmentStatus(t)[a.status]}</StatusBadge>
                {a.status === 'canceled' && ` ${a.cancel_reason ?? t('inventory:vehicle.noReason')}`}
              </span>
            ),
          },
        ]}
      />
    </DetailSection>
  );
}

const repairOrderStatus = (t: TFunction): Record<RepairOrderStatus, string> => ({
  open: t('inventory:vehicle.repairOrderStatus.open'),
  estimate: t('inventory:vehicle.repairOrderStatus.estimate'),
  in_progress: t('inventory:vehicle.repairOrderStatus.inProgress'),
  ready: t('inventory:vehicle.repairOrderStatus.ready'),
  invoiced: t('inventory:vehicle.repairOrderStatus.invoiced'),
  closed: t('inventory:vehicle.repairOrderStatus.closed'),
  void: t('inventory:vehicle.repairOrderStatus.void'),
});

/** The car's repair orders, and the work the customer declined on them (to offer again next visit). */
function RepairOrdersOfCar({ orders }: { orders: ReturnType<typeof useCarRepairOrders> }) {
  const { t } = useTranslation();
  const declined = (orders.data ?? []).flatMap((o) =>
    o.status === 'void' ? [] : o.lines.filter((l) => l.status === 'declined').map((line) => ({ order: o, line })),
  );
  return (
    <>
      <DetailSection title={t('inventory:vehicle.repairOrders.title')}>
        <DataTable<RepairOrder>
          caption={t('inventory:vehicle.repairOrders.caption')}
          rows={orders.data}
          isLoading={orders.isLoading}
          error={orders.error}
          retry={() => orders.refetch()}
          rowKey={(o) => o.id}
          empty={t('inventory:vehicle.repairOrders.empty')}
          columns={[
            {
              key: 'order',
              header: t('inventory:vehicle.repairOrders.order'),
              cell: (o) => (
                <Link to={`/service/repair-orders/${o.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {t('inventory:vehicle.repairOrders.ro', { id: o.id })}
                </Link>
              ),
            },
            {
              key: 'opened',
              header: t('inventory:vehicle.repairOrders.opened'),
              cell: (o) => formatListDateTime(o.created_at),
            },
            { key: 'customer', header: t('inventory:vehicle.repairOrders.customer'), cell: (o) => o.customer.name },
            {
              key: 'mileage',
              header: t('inventory:vehicle.repairOrders.mileage'),
              numeric: true,
              cell: (o) => t('inventory:vehicle.repairOrders.miles', { miles: formatNumber(o.mileage) }),
            },
            { key: 'concern', header: t('inventory:vehicle.repairOrders.concern'), cell: (o) => o.concern },
            {
              key: 'status',
              header: t('inventory:vehicle.repairOrders.status'),
              cell: (o) => <StatusBadge tone={repairOrderTone[o.status]}>{repairOrderStatus(t)[o.status]}</StatusBadge>,
            },
            {
              key: 'total',
              header: t('inventory:vehicle.repairOrders.total'),
              numeric: true,
              cell: (o) => formatMoney(o.totals.total),
            },
          ]}
        />
      </DetailSection>
      {orders.data && (
        <DetailSection title={t('inventory:vehicle.declined.title')}>
          {declined.length === 0 ? (
            <Empty>{t('inventory:vehicle.declined.empty')}</Empty>
          ) : (
            <DataTable<{ order: RepairOrder; line: RepairOrder['lines'][number] }>
              caption={t('inventory:vehicle.declined.caption')}
              rows={declined}
              isLoading={false}
              error={null}
              rowKey={(d) => d.line.id}
              empty=""
              columns={[
                { key: 'what', header: t('inventory:vehicle.declined.work'), cell: (d) => d.line.description },
                {
                  key: 'amount',
                  header: t('inventory:vehicle.declined.quoted'),
                  numeric: true,
                  cell: (d) => formatMoney(d.line.amount),
                },
                {
                  key: 'when',
                  header: t('inventory:vehicle.declined.declined'),
                  cell: (d) => (d.line.approval ? formatListDateTime(d.line.approval.at) : '—'),
                },
                {
                  key: 'order',
                  header: t('inventory:vehicle.declined.onOrder'),
                  cell: (d) => (
                    <Link to={`/service/repair-orders/${d.order.id}`} style={{ whiteSpace: 'nowrap' }}>
                      {t('inventory:vehicle.repairOrders.ro', { id: d.order.id })}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </DetailSection>
      )}
    </>
  );
}

/** Every audit entry about the car, from all three departments, in words: for managers. */
function Timeline({
  vin,
  sales,
  appointments,
}: {
  vin: string;
  sales: Sale[] | undefined;
  appointments: Appointment[] | undefined;
}) {
  const { t } = useTranslation();
  const trail = useVehicleAudit(vin, true);
  const names = useMemo(
    () =>
      nameBook({
        technicians: (appointments ?? []).map((a) => a.technician),
        salespeople: (sales ?? []).map((s) => s.salesperson),
        customers: (sales ?? []).map((s) => s.customer),
      }),
    [sales, appointments],
  );
  return (
    <DetailSection title={t('inventory:vehicle.timeline.title')}>
      {trail.isLoading ? (
        <Loading />
      ) : trail.error ? (
        <ErrorState error={trail.error} retry={() => trail.refetch()} />
      ) : trail.data?.length ? (
        <>
          <Text size="sm" mb="sm">
            {t('inventory:vehicle.timeline.intro')}
          </Text>
          <AuditList entries={trail.data} names={names} label={t('inventory:vehicle.timeline.label')} />
        </>
      ) : (
        <Empty>{t('inventory:vehicle.timeline.empty')}</Empty>
      )}
    </DetailSection>
  );
}

/**
 * One car, in inventory or not: what its VIN says, what inventory has, its sales, its visits to the
 * workshop and, for managers, the history of every change made to it.
 */
export function VehiclePage() {
  const { t } = useTranslation();
  const vin = normalizeVin(useParams().vin ?? '');
  const car = useAutomobile(vin);
  const mayWrite = useCan('inventory.write');
  const maySeeSales = useCanAtLeastOwn('sales.read');
  const maySeeService = useCan('appointments.read');
  const mayAudit = useCan('audit.read');
  const sales = useCarSales(vin, maySeeSales);
  const appointments = useCarAppointments(vin, maySeeService);
  const maySeeRepairs = useCan('repair_orders.read');
  const repairOrders = useCarRepairOrders(vin, maySeeRepairs);
  if (car.isLoading) return <Loading />;
  const outside = car.error instanceof ApiError && (car.error.status === 404 || car.error.status === 400);
  if (car.error && !outside) return <ErrorState error={car.error} retry={() => car.refetch()} />;
  const data = outside ? undefined : car.data;
  return (
    <DetailPage
      crumbs={[{ label: t('inventory:vehicle.automobiles'), to: '/inventory/automobiles' }, { label: vin }]}
      title={
        data ? (
          `${data.year} ${data.model.manufacturer.name} ${data.model.name}`
        ) : (
          <>
            {t('inventory:vehicle.car')}{' '}
            {/* At the heading's size (Code is drawn small by default), and never broken across lines. */}
            <Code fz="inherit" style={{ whiteSpace: 'nowrap' }}>
              {vin}
            </Code>
          </>
        )
      }
      status={
        data ? (
          data.sold ? (
            <StatusBadge tone="neutral">{t('inventory:vehicle.sold')}</StatusBadge>
          ) : (
            <StatusBadge tone="success">{t('inventory:vehicle.inStock')}</StatusBadge>
          )
        ) : (
          <span data-testid="outside-car">
            <StatusBadge tone="neutral">{t('inventory:vehicle.outside')}</StatusBadge>
          </span>
        )
      }
      subtitle={
        data ? (
          // The line the record journey reads the corrected colour from.
          <span data-testid="car-summary">
            {/* A VIN never breaks across lines: half a VIN on each line reads as two numbers. */}
            {t('inventory:vehicle.vinLabel')} <Code style={{ whiteSpace: 'nowrap' }}>{vin}</Code> · {data.color}
          </span>
        ) : (
          t('inventory:vehicle.outsideHint')
        )
      }
    >
      <VinFacts vin={vin} car={data} />
      {data && mayWrite && <CorrectionForm key={`${data.vin}-${data.color}-${data.year}`} car={data} />}
      {maySeeSales && <SalesOfCar sales={sales} />}
      {maySeeService && <ServiceOfCar appointments={appointments} />}
      {maySeeRepairs && <RepairOrdersOfCar orders={repairOrders} />}
      {mayAudit && <Timeline vin={vin} sales={sales.data} appointments={appointments.data} />}
    </DetailPage>
  );
}
