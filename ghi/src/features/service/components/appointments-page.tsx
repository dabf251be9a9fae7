import '../service.css';
import { Anchor, Button, NativeSelect, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { ListPage, MoreMenu, ViewSwitch } from '../../../components/list-page';
import { useCan } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipToday, dealershipZone } from '../../../lib/time-zone';
import {
  type AppointmentFilters,
  type AppointmentStatus,
  appointmentExportRequests,
  useAppointmentPage,
} from '../api/get-appointment-page';
import { useTechnicians } from '../api/get-technicians';
import { technicianName } from '../types';
import { AppointmentActions } from './appointment-actions';
import { boardColumns } from './appointment-columns';
import { TechnicianDay } from './technician-day';

const PAGE_SIZE = 25;

type View = 'today' | 'overdue' | 'upcoming' | 'done' | 'technicians';

/**
 * The lists of the board. Upcoming is where it opens: the work still to do, soonest first (the page
 * staff have bookmarked showed exactly that); Today, Overdue and Done are one click away, counted.
 */
const views: {
  id: Exclude<View, 'technicians'>;
  statuses: (status: AppointmentStatus | undefined) => AppointmentStatus[];
}[] = [
  { id: 'upcoming', statuses: () => ['created'] },
  { id: 'today', statuses: (s) => (s ? [s] : []) },
  { id: 'overdue', statuses: () => ['created'] },
  {
    id: 'done',
    statuses: (s) => (s === 'finished' || s === 'canceled' ? [s] : ['finished', 'canceled']),
  },
];

/** A list's name on its tab; the day's list is named by its day. */
function viewLabel(t: TFunction, view: Exclude<View, 'technicians'>, dayLabel: string): string {
  switch (view) {
    case 'upcoming':
      return t('service:board.views.upcoming');
    case 'overdue':
      return t('service:board.views.overdue');
    case 'done':
      return t('service:board.views.done');
    default:
      return dayLabel;
  }
}

/** The open list's table caption. */
function captionOf(t: TFunction, view: Exclude<View, 'technicians'>, dayLabel: string, isToday: boolean): string {
  switch (view) {
    case 'upcoming':
      return t('service:board.caption.upcoming');
    case 'overdue':
      return t('service:board.caption.overdue');
    case 'done':
      return t('service:board.caption.done');
    default:
      return isToday ? t('service:board.caption.today') : t('service:board.caption.day', { day: dayLabel });
  }
}

const isView = (value: string | null): value is View =>
  value === 'today' || value === 'overdue' || value === 'upcoming' || value === 'done' || value === 'technicians';
const isStatus = (value: string | null): value is AppointmentStatus =>
  value === 'created' || value === 'finished' || value === 'canceled';

/** The current time, to the minute: "overdue" and "upcoming" move on while the board is open. */
function useMinute(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 60_000) * 60_000), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The filters of one view, as the API takes them. */
function filtersOf(
  view: View,
  base: { q: string; technician?: number; date: string; now: number },
  page: { offset: number; limit: number },
): AppointmentFilters {
  const common = { q: base.q || undefined, technician: base.technician, ...page };
  const now = new Date(base.now).toISOString();
  switch (view) {
    case 'overdue':
      return { ...common, to: now, sort: 'date_time' };
    case 'upcoming':
      return { ...common, from: now, sort: 'date_time' };
    case 'done':
      return { ...common, sort: '-date_time' };
    default:
      return { ...common, date: base.date, sort: 'date_time' };
  }
}

export function AppointmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const now = useMinute();
  const today = dealershipToday(new Date(now));
  const rawView = params.get('view');
  const view: View = isView(rawView) ? rawView : 'upcoming';
  const q = params.get('q') ?? '';
  const technician = Number(params.get('technician')) || undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : today;
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const page = Math.max(0, Number(params.get('page')) || 0);
  const technicians = useTechnicians();

  /** Changes some of the address's filters; any change but the page starts again at page 1. */
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: !('view' in changes) },
    );

  const base = { q, technician, date, now };
  // Every view is counted (one row asked, X-Total-Count read); the open one is fetched a page at a time.
  const lists = views.map((v) => {
    const open = v.id === view;
    const statuses = v.statuses(v.id === 'today' || v.id === 'done' ? status : undefined);
    return {
      view: v,
      statuses,
      // biome-ignore lint/correctness/useHookAtTopLevel: `views` is a constant list, so the hooks run in the same order every time
      result: useAppointmentPage(
        statuses,
        filtersOf(v.id, base, open ? { offset: page * PAGE_SIZE, limit: PAGE_SIZE } : { offset: 0, limit: 1 }),
      ),
    };
  });
  const isToday = date === today;
  const dayLabel = isToday ? t('service:board.views.today') : formatDate(date);
  const showsStatus = view === 'today' || view === 'done' || view === 'technicians';
  const open = lists.find((l) => l.view.id === view);
  const mayBook = useCan('appointments.book');
  const mayStartOrder = useCan('repair_orders.write');

  const switchViews = [
    ...lists.map(({ view: v, result }) => ({
      value: v.id as View,
      label: viewLabel(t, v.id, dayLabel),
      count: result.data?.total,
    })),
    { value: 'technicians' as View, label: t('service:board.byTechnician', { day: dayLabel }) },
  ];

  return (
    <ListPage
      title={t('service:board.title')}
      actions={
        <>
          {mayBook && (
            <Button component={Link} to="/service/appointments/new">
              {t('service:board.book')}
            </Button>
          )}
          {open && (
            <MoreMenu>
              <ExportCsvMenuItem
                name={`appointments-${view}`}
                request={appointmentExportRequests(open.statuses, filtersOf(view, base, { offset: 0, limit: 1 }))}
              />
            </MoreMenu>
          )}
        </>
      }
      toolbar={
        <>
          {/* The views are the board's lists: a landmark, so a screen reader can jump to them. */}
          <nav aria-label={t('service:board.lists')} className="board-view-switch">
            <ViewSwitch
              label={t('service:board.lists')}
              value={view}
              views={switchViews}
              onChange={(next) => set({ view: next })}
            />
          </nav>
          <NativeSelect
            label={t('service:board.technician')}
            value={technician === undefined ? '' : String(technician)}
            onChange={(event) => set({ technician: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('service:board.allTechnicians') },
              ...(technicians.data ?? []).map((tech) => ({
                value: String(tech.id),
                label: `${technicianName(tech)}${tech.active === false ? t('service:board.retiredSuffix') : ''}`,
              })),
            ]}
          />
          {/* Only the day's views read the day: elsewhere the box would filter nothing. */}
          {(view === 'today' || view === 'technicians') && (
            <TextInput
              type="date"
              label={t('service:board.day')}
              value={date}
              onChange={(event) => set({ date: event.currentTarget.value || undefined })}
            />
          )}
          {showsStatus && (
            <NativeSelect
              label={t('service:board.status')}
              value={status ?? ''}
              onChange={(event) => set({ status: event.currentTarget.value || undefined })}
              data={[
                {
                  value: '',
                  label: view === 'done' ? t('service:board.finishedAndCanceled') : t('service:board.everyStatus'),
                },
                ...(view !== 'done' ? [{ value: 'created', label: t('service:status.created') }] : []),
                { value: 'finished', label: t('service:status.finished') },
                { value: 'canceled', label: t('service:status.canceled') },
              ]}
            />
          )}
        </>
      }
    >
      {view === 'technicians' ? (
        <TechnicianDay
          date={date}
          dayLabel={dayLabel}
          technician={technician}
          status={status}
          q={q}
          technicians={technicians.data}
          now={now}
        />
      ) : (
        open && (
          <DataTable
            caption={captionOf(t, open.view.id, dayLabel, isToday)}
            rows={open.result.data?.appointments}
            isLoading={open.result.isLoading}
            error={open.result.error}
            retry={() => open.result.refetch()}
            rowKey={(a) => a.id}
            empty={emptyText(t, view, dayLabel, isToday)}
            columns={[
              ...boardColumns(t, { timeOnly: view === 'today', now }),
              {
                key: 'actions',
                header: t('service:board.actions'),
                cell: (a) => (
                  <div className="board-actions">
                    <AppointmentActions appointment={a} />
                    {mayStartOrder && a.status === 'created' && (
                      <Anchor
                        component={Link}
                        to={`/service/appointments/${a.id}?start=1`}
                        size="sm"
                        className="start-order-link"
                        aria-label={t('service:board.startOrderFor', { customer: a.customer })}
                      >
                        {t('service:board.startOrder')}
                      </Anchor>
                    )}
                  </div>
                ),
              },
            ]}
            server={{
              total: open.result.data?.total ?? 0,
              count: (n) => t('service:board.count', { count: n }),
              page,
              pageSize: PAGE_SIZE,
              onPage: (p) => set({ page: p > 0 ? String(p) : undefined }),
              query: q,
              onQuery: (value) => set({ q: value || undefined }),
              searchHint: t('service:board.searchHint'),
              isFetching: open.result.isFetching,
            }}
          />
        )
      )}
      <Text size="xs" c="dimmed">
        {t('service:board.times', { zone: dealershipZone })}
      </Text>
    </ListPage>
  );
}

function emptyText(t: TFunction, view: View, dayLabel: string, isToday: boolean): string {
  switch (view) {
    case 'overdue':
      return t('service:board.empty.overdue');
    case 'upcoming':
      return t('service:board.empty.upcoming');
    case 'done':
      return t('service:board.empty.done');
    default:
      return isToday ? t('service:board.empty.today') : t('service:board.empty.day', { day: dayLabel });
  }
}
