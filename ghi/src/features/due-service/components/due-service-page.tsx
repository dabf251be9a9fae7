import './due-list.css';
import type { DueCar, DueKind } from '@carcar/common/contract/service';
import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { StatusTone } from '../../../app/theme';
import { ListPage, ViewLink } from '../../../components/list-page';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
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

/** What each reason asks of the advisor: an overdue car is the most pressing call. */
const kindTones: Record<DueKind, StatusTone> = { overdue: 'warning', sold_not_serviced: 'info', canceled: 'neutral' };

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
      {/* One line: a phone number split in two is misread. */}
      <Anchor href={`tel:${number.replace(/[^\d+]/g, '')}`} className="due-phone">
        {number}
      </Anchor>
    </>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A car without a customer in service's records (sold here, not booked since): its buyer, from sales. */
function Buyer({ vin }: { vin: string }) {
  const { t } = useTranslation();
  const mayReadCustomers = useCan('customers.read');
  const buyer = useCarBuyer(vin, mayReadCustomers);
  if (!mayReadCustomers || buyer.error) {
    return <Dimmed>{t('dueService:card.buyerInSales')}</Dimmed>;
  }
  if (buyer.isLoading) return <Dimmed>{t('dueService:card.lookingUpBuyer')}</Dimmed>;
  if (!buyer.data) return <Dimmed>{t('dueService:card.noLiveSale')}</Dimmed>;
  return (
    <Text size="sm">
      <strong>
        {buyer.data.first_name} {buyer.data.last_name}
      </strong>
      <Text span size="sm" c="dimmed">
        {t('dueService:card.boughtHere')}
      </Text>
      <Phone number={buyer.data.phone_number} />
    </Text>
  );
}

/** The customer's phone from the sales records, where they know the name: one exact match. */
function Contact({ name, vin }: { name: string | null; vin: string }) {
  const { t } = useTranslation();
  const mayReadCustomers = useCan('customers.read');
  const contact = useCustomerContact(name, mayReadCustomers);
  if (!name) return <Buyer vin={vin} />;
  let phone: ReactNode = null;
  if (contact.data?.found === 'one') {
    phone = <Phone number={contact.data.customer.phone_number} />;
  } else if (contact.data?.found === 'several') {
    phone = (
      <Text span size="sm" c="dimmed">
        {t('dueService:card.sameName', { count: contact.data.count })}
      </Text>
    );
  } else if (contact.isLoading && mayReadCustomers) {
    phone = (
      <Text span size="sm" c="dimmed">
        {t('dueService:card.lookingUpPhone')}
      </Text>
    );
  }
  return (
    <Text size="sm">
      <strong>{name}</strong>
      {phone}
    </Text>
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
    // One row of the call list: the car, why it is due, who to call, and Book, side by side on a
    // desktop; stacked on a phone. A list item named by its car, so each row is found by its VIN.
    <li className={`due-car due-${car.kind}`} aria-labelledby={`due-${car.vin}`}>
      <div className="due-car-id">
        <h2 id={`due-${car.vin}`}>
          <VinLink vin={car.vin} label={t('dueService:card.car', { vin: car.vin })} />{' '}
          <StatusBadge tone={kindTones[car.kind]}>{kindBadge(t, car.kind)}</StatusBadge>
        </h2>
        {description && <Dimmed>{description}</Dimmed>}
      </div>
      <Text size="sm" fw={600} className="due-why">
        {why(t, car, months)}
      </Text>
      <div className="due-contact">
        <Contact name={car.customer} vin={car.vin} />
      </div>
      <Button
        component={Link}
        to={bookingPath(car, customer)}
        // A button to the advisor (it starts the booking); the address keeps it a link to open elsewhere.
        role="button"
        variant="light"
        className="book"
        aria-label={
          customer
            ? t('dueService:card.bookFor', { vin: car.vin, customer })
            : t('dueService:card.bookVin', { vin: car.vin })
        }
      >
        {t('dueService:card.book')}
      </Button>
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
    <ListPage
      title={t('dueService:page.title')}
      count={due.data ? t('dueService:page.toCall', { count: total, formatted: formatNumber(total) }) : undefined}
      toolbar={
        <>
          <nav aria-label={t('dueService:page.why')}>
            <Group gap={6} wrap="wrap">
              {kinds.map((k) => (
                // Used on the phone between calls: a tap target of 44 px.
                <ViewLink key={k ?? 'all'} to={kindHref(k)} current={k === kind} tapHeight={44}>
                  {kindLabel(t, k)}
                </ViewLink>
              ))}
            </Group>
          </nav>
          <NativeSelect
            label={t('dueService:page.interval')}
            value={months === undefined ? '' : String(months)}
            onChange={(event) => change('months', event.currentTarget.value)}
            data={[
              { value: '', label: t('dueService:page.dealershipSetting') },
              ...intervals.map((m) => ({ value: String(m), label: t('dueService:page.months', { count: m }) })),
            ]}
          />
        </>
      }
    >
      <Text size="sm" c="dimmed">
        {t('dueService:page.intro')}
      </Text>
      {due.isLoading ? (
        <Loading label={t('dueService:page.loading')} />
      ) : due.error ? (
        <ErrorState error={due.error} retry={() => due.refetch()} />
      ) : cars.length === 0 ? (
        <Empty>{kind ? t('dueService:page.emptyKind') : t('dueService:page.empty')}</Empty>
      ) : (
        <>
          <ol className="due-list" aria-busy={due.isFetching || undefined}>
            {cars.map((car) => (
              <DueCarCard key={car.vin} car={car} months={months} />
            ))}
          </ol>
          {pages > 1 && (
            <Group component="nav" aria-label={t('dueService:page.pages')} gap="sm">
              <Button
                variant="default"
                size="xs"
                disabled={page === 0}
                onClick={() => change('page', String(page - 1))}
              >
                {t('dueService:page.previous')}
              </Button>
              <Text size="sm" className="list-table-numeric">
                {t('dueService:page.pageOf', { page: page + 1, pages })}
              </Text>
              <Button
                variant="default"
                size="xs"
                disabled={page + 1 >= pages}
                onClick={() => change('page', String(page + 1))}
              >
                {t('dueService:page.next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </ListPage>
  );
}
