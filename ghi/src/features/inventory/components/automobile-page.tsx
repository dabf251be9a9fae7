import '../../../components/record.css';
import { automobileUpdateBody } from '@carcar/common/contract/inventory';
import type { Sale } from '@carcar/common/contract/sales';
import type { Appointment } from '@carcar/common/contract/service';
import { decodeVin } from '@carcar/common/contract/vin';
import { Link, useParams } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { customerPath, salePath, salespersonPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useAutomobile } from '../api/get-automobile';
import { useCarAppointments } from '../api/get-car-appointments';
import { useCarSales } from '../api/get-car-sales';
import { useUpdateAutomobile } from '../api/update-automobile';
import type { Automobile } from '../types';

const name = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

/** What the VIN itself says: where the car was made, its model year, whether the check digit holds. */
function VinFacts({ car }: { car: Automobile }) {
  const decoded = decodeVin(car.vin);
  const years = decoded.model_years;
  const yearDisagrees = years.length > 0 && !years.includes(car.year);
  return (
    <section aria-labelledby="vin-heading">
      <h2 id="vin-heading">What the VIN says</h2>
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
            ? `${car.vin.charAt(8)}, correct`
            : `${car.vin.charAt(8)}, should be ${decoded.expected_check_digit ?? '?'} (allowed outside North America)`}
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

function SalesOfCar({ vin }: { vin: string }) {
  const sales = useCarSales(vin);
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

function ServiceOfCar({ vin }: { vin: string }) {
  const appointments = useCarAppointments(vin);
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
          { key: 'date', header: 'Date and time', cell: (a) => formatDateTime(a.date_time) },
          { key: 'reason', header: 'Reason', cell: (a) => a.reason },
          { key: 'customer', header: 'Customer', cell: (a) => a.customer },
          { key: 'technician', header: 'Technician', cell: (a) => name(a.technician) },
          {
            key: 'status',
            header: 'Status',
            cell: (a) => <span className={`badge ${a.status}`}>{appointmentStatus[a.status]}</span>,
          },
        ]}
      />
    </section>
  );
}

/** One car: what it is, what its VIN says, its corrections, its deals and its visits to the workshop. */
export function AutomobilePage() {
  const vin = useParams().vin ?? '';
  const car = useAutomobile(vin);
  const mayWrite = useCan('inventory.write');
  const maySeeSales = useCanAtLeastOwn('sales.read');
  const maySeeService = useCan('appointments.read');
  if (car.isLoading) return <Loading />;
  if (car.error instanceof ApiError && car.error.status === 404) {
    return (
      <>
        <h1>Car not found</h1>
        <p>
          No car with VIN <code>{vin}</code> is in inventory. <Link to="/inventory/automobiles">Back to the stock</Link>
          .
        </p>
      </>
    );
  }
  if (car.error || !car.data) return <ErrorState error={car.error} retry={() => car.refetch()} />;
  const data = car.data;
  return (
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/inventory/automobiles">Automobiles</Link>
          </li>
          <li aria-current="page">{data.vin}</li>
        </ul>
      </nav>
      <header className="record-header">
        <h1>
          {data.year} {data.model.manufacturer.name} {data.model.name}
        </h1>
        <p>
          VIN <code>{data.vin}</code> · {data.color} ·{' '}
          <span className={data.sold ? 'badge sold' : 'badge'}>{data.sold ? 'Sold' : 'In stock'}</span>
        </p>
      </header>
      <div className="record-columns">
        <VinFacts car={data} />
        {mayWrite && <CorrectionForm key={`${data.vin}-${data.color}-${data.year}`} car={data} />}
      </div>
      {maySeeSales && <SalesOfCar vin={data.vin} />}
      {maySeeService && <ServiceOfCar vin={data.vin} />}
    </>
  );
}
