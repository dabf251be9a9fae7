import '../../../components/record.css';
import { automobileUpdateBody } from '@carcar/common/contract/inventory';
import type { RepairOrder, RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { Sale } from '@carcar/common/contract/sales';
import type { Appointment } from '@carcar/common/contract/service';
import { decodeVin, normalizeVin } from '@carcar/common/contract/vin';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AuditList } from '../../../components/audit-list';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { nameBook } from '../../../lib/audit-words';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { formatDateTime, formatMoney } from '../../../lib/format';
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
  const decoded = decodeVin(vin);
  const years = decoded.model_years;
  const yearDisagrees = car !== undefined && years.length > 0 && !years.includes(car.year);
  return (
    <section aria-labelledby="vin-heading">
      <h2 id="vin-heading">What the VIN says</h2>
      {!decoded.valid && (
        <p className="fact-warn">
          <strong>This is not a valid VIN:</strong> {decoded.problems.join('; ')}.
        </p>
      )}
      <dl className="facts">
        <dt>Made in</dt>
        <dd>
          {decoded.region ?? 'Unknown region'}
          {decoded.country && ` (${decoded.country})`}
        </dd>
        <dt>Maker code</dt>
        <dd>
          <code>{decoded.wmi ?? '—'}</code>
        </dd>
        <dt>Model year</dt>
        <dd>
          {years.length > 0 ? years.join(' or ') : 'Not given by this VIN'}
          {yearDisagrees && <strong className="fact-warn"> — recorded as {car.year}; check which is right</strong>}
        </dd>
        <dt>Check digit</dt>
        <dd>
          {decoded.check_digit_ok
            ? `${vin.charAt(8)}, correct`
            : `${vin.charAt(8) || '?'}, should be ${decoded.expected_check_digit ?? '?'} (allowed outside North America)`}
        </dd>
      </dl>
    </section>
  );
}

function CorrectionForm({ car }: { car: Automobile }) {
  const update = useUpdateAutomobile(car.vin);
  const { form, onSubmit } = useApiForm({
    schema: automobileUpdateBody,
    defaultValues: { color: car.color, year: String(car.year) },
    save: update.mutateAsync,
    success: 'Car details saved',
    keepValues: true,
  });
  return (
    <section aria-labelledby="correct-heading">
      <h2 id="correct-heading">Correct the details</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Correct the car's details">
        <div className="grid">
          <TextField form={form} name="color" label="Color" />
          <TextField form={form} name="year" label="Year" type="number" />
        </div>
        <FormFooter form={form} submit="Save changes" />
      </form>
    </section>
  );
}

function SalesOfCar({ sales }: { sales: ReturnType<typeof useCarSales> }) {
  return (
    <section aria-labelledby="sales-heading">
      <h2 id="sales-heading">Sales</h2>
      <DataTable<Sale>
        caption="Sales of this car"
        rows={sales.data}
        isLoading={sales.isLoading}
        error={sales.error}
        retry={() => sales.refetch()}
        rowKey={(s) => s.id}
        empty="This car has not been sold."
        columns={[
          {
            key: 'date',
            header: 'Sale',
            cell: (s) => <Link to={salePath(s.id)}>{formatDateTime(s.sold_at)}</Link>,
          },
          {
            key: 'customer',
            header: 'Customer',
            cell: (s) => <Link to={customerPath(s.customer.id)}>{name(s.customer)}</Link>,
          },
          {
            key: 'salesperson',
            header: 'Salesperson',
            cell: (s) => <Link to={salespersonPath(s.salesperson.id)}>{name(s.salesperson)}</Link>,
          },
          { key: 'price', header: 'Price', cell: (s) => formatMoney(s.price) },
          {
            key: 'status',
            header: 'Status',
            cell: (s) =>
              s.voided_at ? (
                <span>
                  <span className="badge canceled">Voided</span> {s.void_reason ?? 'No reason given'}
                </span>
              ) : (
                <span className="badge sold">Sold</span>
              ),
          },
        ]}
      />
    </section>
  );
}

const appointmentStatus: Record<Appointment['status'], string> = {
  created: 'Booked',
  canceled: 'Canceled',
  finished: 'Finished',
};

function ServiceOfCar({ appointments }: { appointments: ReturnType<typeof useCarAppointments> }) {
  return (
    <section aria-labelledby="service-heading">
      <h2 id="service-heading">Service appointments</h2>
      <DataTable<Appointment>
        caption="Service appointments of this car"
        rows={appointments.data}
        isLoading={appointments.isLoading}
        error={appointments.error}
        retry={() => appointments.refetch()}
        rowKey={(a) => a.id}
        empty="No service appointments for this car."
        columns={[
          {
            key: 'date',
            header: 'Date and time',
            cell: (a) => <Link to={`/service/appointments/${a.id}`}>{formatDateTime(a.date_time)}</Link>,
          },
          { key: 'reason', header: 'Reason', cell: (a) => a.reason },
          { key: 'customer', header: 'Customer', cell: (a) => a.customer },
          { key: 'technician', header: 'Technician', cell: (a) => name(a.technician) },
          {
            key: 'status',
            header: 'Status',
            cell: (a) => (
              <span>
                <span className={`badge ${a.status}`}>{appointmentStatus[a.status]}</span>
                {a.status === 'canceled' && ` ${a.cancel_reason ?? 'No reason given'}`}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

const repairOrderStatus: Record<RepairOrderStatus, string> = {
  open: 'Open',
  estimate: 'Estimate sent',
  in_progress: 'In progress',
  ready: 'Ready',
  invoiced: 'Invoiced',
  closed: 'Closed',
  void: 'Void',
};

/** The car's repair orders, and the work the customer declined on them (to offer again next visit). */
function RepairOrdersOfCar({ orders }: { orders: ReturnType<typeof useCarRepairOrders> }) {
  const declined = (orders.data ?? []).flatMap((o) =>
    o.status === 'void' ? [] : o.lines.filter((l) => l.status === 'declined').map((line) => ({ order: o, line })),
  );
  return (
    <>
      <section aria-labelledby="repair-orders-heading">
        <h2 id="repair-orders-heading">Repair orders</h2>
        <DataTable<RepairOrder>
          caption="Repair orders of this car"
          rows={orders.data}
          isLoading={orders.isLoading}
          error={orders.error}
          retry={() => orders.refetch()}
          rowKey={(o) => o.id}
          empty="No repair orders for this car."
          columns={[
            {
              key: 'order',
              header: 'Order',
              cell: (o) => <Link to={`/service/repair-orders/${o.id}`}>RO {o.id}</Link>,
            },
            { key: 'opened', header: 'Opened', cell: (o) => formatDateTime(o.created_at) },
            { key: 'customer', header: 'Customer', cell: (o) => o.customer.name },
            { key: 'mileage', header: 'Mileage', cell: (o) => `${o.mileage.toLocaleString('en-US')} mi` },
            { key: 'concern', header: 'Concern', cell: (o) => o.concern },
            {
              key: 'status',
              header: 'Status',
              cell: (o) => <span className={`badge ro-${o.status}`}>{repairOrderStatus[o.status]}</span>,
            },
            { key: 'total', header: 'Total', cell: (o) => formatMoney(o.totals.total) },
          ]}
        />
      </section>
      {orders.data && (
        <section aria-labelledby="declined-heading">
          <h2 id="declined-heading">Declined work</h2>
          {declined.length === 0 ? (
            <p className="empty">The customer has declined nothing on this car.</p>
          ) : (
            <DataTable<{ order: RepairOrder; line: RepairOrder['lines'][number] }>
              caption="Work declined on this car"
              rows={declined}
              isLoading={false}
              error={null}
              rowKey={(d) => d.line.id}
              empty=""
              columns={[
                { key: 'what', header: 'Work', cell: (d) => d.line.description },
                { key: 'amount', header: 'Quoted', cell: (d) => formatMoney(d.line.amount) },
                {
                  key: 'when',
                  header: 'Declined',
                  cell: (d) => (d.line.approval ? formatDateTime(d.line.approval.at) : '—'),
                },
                {
                  key: 'order',
                  header: 'On order',
                  cell: (d) => <Link to={`/service/repair-orders/${d.order.id}`}>RO {d.order.id}</Link>,
                },
              ]}
            />
          )}
        </section>
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
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">History of changes</h2>
      {trail.isLoading ? (
        <Loading />
      ) : trail.error ? (
        <ErrorState error={trail.error} retry={() => trail.refetch()} />
      ) : trail.data?.length ? (
        <>
          <p>Everything recorded about this car by inventory, service and sales, newest first.</p>
          <AuditList entries={trail.data} names={names} label="History of changes to this car" />
        </>
      ) : (
        <p className="empty">Nothing has been recorded about this car yet.</p>
      )}
    </section>
  );
}

/**
 * One car, in inventory or not: what its VIN says, what inventory has, its sales, its visits to the
 * workshop and, for managers, the history of every change made to it.
 */
export function VehiclePage() {
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
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/inventory/automobiles">Automobiles</Link>
          </li>
          <li aria-current="page">{vin}</li>
        </ul>
      </nav>
      <header className="record-header">
        {data ? (
          <>
            <h1>
              {data.year} {data.model.manufacturer.name} {data.model.name}
            </h1>
            <p>
              VIN <code>{data.vin}</code> · {data.color} ·{' '}
              <span className={data.sold ? 'badge sold' : 'badge'}>{data.sold ? 'Sold' : 'In stock'}</span>
            </p>
          </>
        ) : (
          <>
            <h1>
              Car <code>{vin}</code>
            </h1>
            <p data-testid="outside-car">
              <span className="badge">Not in our inventory</span> A customer’s own car, or one we never stocked: its
              service and any sales are shown below.
            </p>
          </>
        )}
      </header>
      <div className="record-columns">
        <VinFacts vin={vin} car={data} />
        {data && mayWrite && <CorrectionForm key={`${data.vin}-${data.color}-${data.year}`} car={data} />}
      </div>
      {maySeeSales && <SalesOfCar sales={sales} />}
      {maySeeService && <ServiceOfCar appointments={appointments} />}
      {maySeeRepairs && <RepairOrdersOfCar orders={repairOrders} />}
      {mayAudit && <Timeline vin={vin} sales={sales.data} appointments={appointments.data} />}
    </>
  );
}
