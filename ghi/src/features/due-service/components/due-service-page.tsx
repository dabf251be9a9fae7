import '../../../components/board.css';
import '../due-service.css';
import type { DueCar, DueKind } from '@carcar/common/contract/service';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../../components/states';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useCarBuyer, useCustomerContact } from '../api/get-customer-contact';
import { useDueCars } from '../api/get-due-cars';

const PAGE_SIZE = 30;

const kinds: (DueKind | undefined)[] = [undefined, 'overdue', 'sold_not_serviced', 'canceled'];

/** A tab's name: why the cars under it are due. */
function kindLabel(t: TFunction, kind: DueKind | undefined): string {
  switch (kind) {
    case 'overdue':
      return t('dueService:kinds.overdue');
    case 'sold_not_serviced':
      return t('dueService:kinds.soldNotServiced');
    case 'canceled':
      return t('dueService:kinds.canceled');
    default:
      return t('dueService:kinds.all');
  }
}

const intervals = [3, 6, 12, 24];

function kindBadge(t: TFunction, kind: DueKind): string {
  switch (kind) {
    case 'overdue':
      return t('dueService:badge.overdue');
    case 'sold_not_serviced':
      return t('dueService:badge.soldNotServiced');
    case 'canceled':
      return t('dueService:badge.canceled');
  }
}

/** Why this car is on the list, in a sentence. */
function why(t: TFunction, car: DueCar, months: number | undefined): string {
  const interval = months ? t('dueService:page.months', { count: months }) : t('dueService:reasons.interval');
  switch (car.kind) {
    case 'overdue':
      return t('dueService:reasons.overdue', {
        when: car.last_service_at ? formatDate(car.last_service_at) : t('dueService:reasons.longAgo'),
        interval,
      });
    case 'sold_not_serviced':
      return car.sold_at
        ? t('dueService:reasons.soldOn', { when: formatDate(car.sold_at) })
        : t('dueService:reasons.soldNever');
    case 'canceled': {
      const appointment = car.canceled_appointment;
      if (!appointment) return t('dueService:reasons.canceledUnknown');
      const facts = { reason: appointment.reason, when: formatDateTime(appointment.date_time) };
      return appointment.cancel_reason
        ? t('dueService:reasons.canceledBecause', { ...facts, because: appointment.cancel_reason })
        : t('dueService:reasons.canceled', facts);
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
  const { t } = useTranslation();
  const mayReadCustomers = useCan('customers.read');
  const buyer = useCarBuyer(vin, mayReadCustomers);
  if (!mayReadCustomers || buyer.error) {
    return <p className="muted">{t('dueService:card.buyerInSales')}</p>;
  }
  if (buyer.isLoading) return <p className="muted">{t('dueService:card.lookingUpBuyer')}</p>;
  if (!buyer.data) return <p className="muted">{t('dueService:card.noLiveSale')}</p>;
  return (
    <p>
      <strong>
        {buyer.data.first_name} {buyer.data.last_name}
      </strong>
      <span className="muted">{t('dueService:card.boughtHere')}</span>
      <Phone number={buyer.data.phone_number} />
    </p>
  );
}

/** The customer's phone from the sales records, where they know the name: one exact match. */
function Contact({ name, vin }: { name: string | null; vin: string }) {
  const { t } = useTranslation();
  const mayReadCustomers = useCan('customers.read');
  const contact = useCustomerContact(name, mayReadCustomers);
  if (!name) return <Buyer vin={vin} />;
  let phone: React.ReactNode = null;
  if (contact.data?.found === 'one') {
    phone = <Phone number={contact.data.customer.phone_number} />;
  } else if (contact.data?.found === 'several') {
    phone = <span className="muted">{t('dueService:card.sameName', { count: contact.data.count })}</span>;
  } else if (contact.isLoading && mayReadCustomers) {
    phone = <span className="muted">{t('dueService:card.lookingUpPhone')}</span>;
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
  const { t } = useTranslation();
  const description = car.car ? `${car.car.year} ${car.car.manufacturer} ${car.car.model}, ${car.car.color}` : null;
  // Booking fills in the buyer's name when service has none (the same query as Buyer's, shared).
  const mayReadCustomers = useCan('customers.read');
  const buyer = useCarBuyer(car.vin, car.customer === null && mayReadCustomers).data;
  const customer = car.customer ?? (buyer ? `${buyer.first_name} ${buyer.last_name}` : null);
  return (
    <li className={`due-car due-${car.kind}`} aria-labelledby={`due-${car.vin}`}>
      <h2 id={`due-${car.vin}`}>
        <VinLink vin={car.vin} label={t('dueService:card.car', { vin: car.vin })} />{' '}
        <span className="badge">{kindBadge(t, car.kind)}</span>
      </h2>
      {description && <p className="muted">{description}</p>}
      <p className="due-why">{why(t, car, months)}</p>
      <Contact name={car.customer} vin={car.vin} />
      <Link
        to={bookingPath(car, customer)}
        role="button"
        className="book"
        aria-label={
          customer
            ? t('dueService:card.bookFor', { vin: car.vin, customer })
            : t('dueService:card.bookVin', { vin: car.vin })
        }
      >
        {t('dueService:card.book')}
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
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = kinds.find((k) => k === kindParam);
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
        <h1>{t('dueService:page.title')}</h1>
        <p className="muted">{due.data ? t('dueService:page.toCall', { count: total }) : ''}</p>
      </div>
      <p>{t('dueService:page.intro')}</p>
      <div className="due-controls">
        <nav aria-label={t('dueService:page.why')} className="board-views">
          <ul>
            {kinds.map((k) => (
              <li key={k ?? 'all'}>
                <Link to={kindHref(k)} aria-current={k === kind ? 'page' : undefined}>
                  {kindLabel(t, k)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <label>
          {t('dueService:page.interval')}
          <select value={months ?? ''} onChange={(event) => change('months', event.target.value)}>
            <option value="">{t('dueService:page.dealershipSetting')}</option>
            {intervals.map((m) => (
              <option key={m} value={m}>
                {t('dueService:page.months', { count: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {due.isLoading ? (
        <Loading label={t('dueService:page.loading')} />
      ) : due.error ? (
        <ErrorState error={due.error} retry={() => due.refetch()} />
      ) : cars.length === 0 ? (
        <p className="empty">{kind ? t('dueService:page.emptyKind') : t('dueService:page.empty')}</p>
      ) : (
        <>
          <ol className="due-list" aria-busy={due.isFetching || undefined}>
            {cars.map((car) => (
              <DueCarCard key={car.vin} car={car} months={months} />
            ))}
          </ol>
          {pages > 1 && (
            <nav className="due-pager" aria-label={t('dueService:page.pages')}>
              <button
                type="button"
                className="secondary outline"
                disabled={page === 0}
                onClick={() => change('page', String(page - 1))}
              >
                {t('dueService:page.previous')}
              </button>
              <span>{t('dueService:page.pageOf', { page: page + 1, pages })}</span>
              <button
                type="button"
                className="secondary outline"
                disabled={page + 1 >= pages}
                onClick={() => change('page', String(page + 1))}
              >
                {t('dueService:page.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
