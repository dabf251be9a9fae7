import '../../service/service.css';
import '../due-service.css';
import type { DueCar, DueKind } from '@carcar/common/contract/service';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { formatDay, formatWhen } from '../../service/time-zone';
import { useCarBuyer, useCustomerContact } from '../api/get-customer-contact';
import { useDueCars } from '../api/get-due-cars';

const PAGE_SIZE = 30;

const kinds: { kind: DueKind | undefined; label: string }[] = [
  { kind: undefined, label: 'All' },
  { kind: 'overdue', label: 'Service overdue' },
  { kind: 'sold_not_serviced', label: 'Sold, not serviced' },
  { kind: 'canceled', label: 'Canceled, not rebooked' },
];

const intervals = [3, 6, 12, 24];

const kindBadge: Record<DueKind, string> = {
  overdue: 'Service overdue',
  sold_not_serviced: 'Sold, not serviced',
  canceled: 'Canceled',
};

/** Why this car is on the list, in a sentence. */
function why(car: DueCar, months: number | undefined): string {
  const interval = months ? `${months} months` : 'the service interval';
  switch (car.kind) {
    case 'overdue':
      return `Last serviced ${car.last_service_at ? formatDay(car.last_service_at) : 'long ago'}: more than ${interval} ago.`;
    case 'sold_not_serviced':
      return car.sold_at
        ? `Sold here ${formatDay(car.sold_at)} and not serviced since.`
        : 'Sold here and never serviced.';
    case 'canceled': {
      const appointment = car.canceled_appointment;
      if (!appointment) return 'An appointment was canceled and nothing booked since.';
      const because = appointment.cancel_reason ? ` (“${appointment.cancel_reason}”)` : '';
      return `${appointment.reason} on ${formatWhen(appointment.date_time)} was canceled${because}; nothing booked since.`;
    }
  }
}

/** A phone number to call with one tap. */
function Phone({ number }: { number: string }) {
  return (
    <>
      {' · '}
      <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>
    </>
  );
}

/** A car without a customer in service's records (sold here, not booked since): its buyer, from sales. */
function Buyer({ vin }: { vin: string }) {
  const mayReadCustomers = useCan('customers.read');
  const buyer = useCarBuyer(vin, mayReadCustomers);
  if (!mayReadCustomers || buyer.error) {
    return <p className="muted">Customer not known to service: the sale’s records have the buyer.</p>;
  }
  if (buyer.isLoading) return <p className="muted">Looking up the buyer…</p>;
  if (!buyer.data) return <p className="muted">Customer not known: the sales records have no live sale of this car.</p>;
  return (
    <p>
      <strong>
        {buyer.data.first_name} {buyer.data.last_name}
      </strong>
      <span className="muted"> (bought it here)</span>
      <Phone number={buyer.data.phone_number} />
    </p>
  );
}

/** The customer's phone from the sales records, where they know the name: one exact match. */
function Contact({ name, vin }: { name: string | null; vin: string }) {
  const mayReadCustomers = useCan('customers.read');
  const contact = useCustomerContact(name, mayReadCustomers);
  if (!name) return <Buyer vin={vin} />;
  let phone: React.ReactNode = null;
  if (contact.data?.found === 'one') {
    phone = <Phone number={contact.data.customer.phone_number} />;
  } else if (contact.data?.found === 'several') {
    phone = <span className="muted"> · {contact.data.count} customers of this name</span>;
  } else if (contact.isLoading && mayReadCustomers) {
    phone = <span className="muted"> · looking up the phone…</span>;
  }
  return (
    <p>
      <strong>{name}</strong>
      {phone}
    </p>
  );
}

function bookingPath(car: DueCar, customer: string | null): string {
  const params = new URLSearchParams({ vin: car.vin });
  if (customer) params.set('customer', customer);
  if (car.canceled_appointment) params.set('reason', car.canceled_appointment.reason);
  return `/service/appointments/new?${params}`;
}

function DueCarCard({ car, months }: { car: DueCar; months: number | undefined }) {
  const description = car.car ? `${car.car.year} ${car.car.manufacturer} ${car.car.model}, ${car.car.color}` : null;
  // Booking fills in the buyer's name when service has none (the same query as Buyer's, shared).
  const mayReadCustomers = useCan('customers.read');
  const buyer = useCarBuyer(car.vin, car.customer === null && mayReadCustomers).data;
  const customer = car.customer ?? (buyer ? `${buyer.first_name} ${buyer.last_name}` : null);
  return (
    <li className={`due-car due-${car.kind}`} aria-labelledby={`due-${car.vin}`}>
      <h2 id={`due-${car.vin}`}>
        <VinLink vin={car.vin} label={`Car ${car.vin}`} /> <span className="badge">{kindBadge[car.kind]}</span>
      </h2>
      {description && <p className="muted">{description}</p>}
      <p className="due-why">{why(car, months)}</p>
      <Contact name={car.customer} vin={car.vin} />
      <Link
        to={bookingPath(car, customer)}
        role="button"
        className="book"
        aria-label={`Book ${car.vin}${customer ? ` for ${customer}` : ''}`}
      >
        Book
      </Link>
    </li>
  );
}

/**
 * The advisor's call list: cars whose service is overdue, cars sold here and not serviced since,
 * and canceled appointments nobody rebooked. The filters live in the address, so a view can be
 * shared and Back returns to it.
 */
export function DueServicePage() {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = kinds.find((k) => k.kind === kindParam)?.kind;
  const monthsParam = Number(params.get('months'));
  const months = intervals.includes(monthsParam) ? monthsParam : undefined;
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const due = useDueCars({ kind, months, limit: PAGE_SIZE, offset: page * PAGE_SIZE });

  const change = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const kindHref = (k: DueKind | undefined) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (k) next.set('kind', k);
    else next.delete('kind');
    const query = next.toString();
    return query ? `?${query}` : '?';
  };

  const total = due.data?.total ?? 0;
  const cars = due.data?.items ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <div className="page-heading">
        <h1>Due for service</h1>
        <p className="muted">{due.data ? `${total} ${total === 1 ? 'car' : 'cars'} to call about` : ''}</p>
      </div>
      <p>
        Cars whose last service here is older than the interval, cars sold here and not serviced since, and canceled
        appointments nobody rebooked. A car with an appointment booked is not listed.
      </p>
      <div className="due-controls">
        <nav aria-label="Why the car is due" className="board-views">
          <ul>
            {kinds.map((k) => (
              <li key={k.label}>
                <Link to={kindHref(k.kind)} aria-current={k.kind === kind ? 'page' : undefined}>
                  {k.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <label>
          Service interval
          <select value={months ?? ''} onChange={(event) => change('months', event.target.value)}>
            <option value="">The dealership’s setting</option>
            {intervals.map((m) => (
              <option key={m} value={m}>
                {m} months
              </option>
            ))}
          </select>
        </label>
      </div>
      {due.isLoading ? (
        <Loading label="Finding cars due for service…" />
      ) : due.error ? (
        <ErrorState error={due.error} retry={() => due.refetch()} />
      ) : cars.length === 0 ? (
        <p className="empty">No car is due for service{kind ? ' for this reason' : ''}. </p>
      ) : (
        <>
          <ol className="due-list" aria-busy={due.isFetching || undefined}>
            {cars.map((car) => (
              <DueCarCard key={car.vin} car={car} months={months} />
            ))}
          </ol>
          {pages > 1 && (
            <nav className="due-pager" aria-label="Pages">
              <button
                type="button"
                className="secondary outline"
                disabled={page === 0}
                onClick={() => change('page', String(page - 1))}
              >
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button
                type="button"
                className="secondary outline"
                disabled={page + 1 >= pages}
                onClick={() => change('page', String(page + 1))}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
