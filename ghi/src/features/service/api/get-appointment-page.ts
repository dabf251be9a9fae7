import type { AnswerOf } from '@carcar/common/contract/answer-of';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { serviceKeys } from '../../../lib/query-keys';
import type { Appointment } from '../types';
import { appointmentsRequest } from './get-appointments';

export type AppointmentStatus = Appointment['status'];

export interface AppointmentFilters {
  technician?: number;
  /** A day on the dealership's clock, YYYY-MM-DD. */
  date?: string;
  /** ISO instants: date_time in [from, to). */
  from?: string;
  to?: string;
  q?: string;
  sort?: 'id' | '-id' | 'date_time' | '-date_time';
  limit: number;
  offset?: number;
}

export interface AppointmentPage {
  appointments: Appointment[];
  /** How many match in all (`X-Total-Count`), however many this page holds. */
  total: number;
}

async function fetchPage(filters: AppointmentFilters & { status?: AppointmentStatus }): Promise<AppointmentPage> {
  // The response, not only its body (callRoute's): the total is a header.
  const list = serviceApiRoutes.appointments.list;
  const res = await serviceApi.get<AnswerOf<typeof list>>(pathTo(list), { params: filters });
  const total = Number(res.headers['x-total-count']);
  return { appointments: res.data.appointments, total: Number.isFinite(total) ? total : res.data.appointments.length };
}

const byDateTime = (a: Appointment, b: Appointment) => a.date_time.localeCompare(b.date_time) || a.id - b.id;

/**
 * The API filters by one status at a time; "done" is finished and canceled together. Each status's
 * first offset+limit rows, merged in the same order, hold exactly the page of the union.
 */
async function fetchUnion(statuses: AppointmentStatus[], filters: AppointmentFilters): Promise<AppointmentPage> {
  const { offset = 0, limit } = filters;
  const pages = await Promise.all(
    statuses.map((status) => fetchPage({ ...filters, status, offset: 0, limit: Math.min(500, offset + limit) })),
  );
  const descending = filters.sort === '-date_time';
  const merged = pages
    .flatMap((p) => p.appointments)
    .sort((a, b) => (descending ? byDateTime(b, a) : byDateTime(a, b)));
  return {
    appointments: merged.slice(offset, offset + limit),
    total: pages.reduce((sum, p) => sum + p.total, 0),
  };
}

/**
 * The whole list a board view shows, for "Export CSV": one request per status, as the API filters
 * by one at a time (paging dropped by the export).
 */
export function appointmentExportRequests(statuses: AppointmentStatus[], filters: AppointmentFilters): CsvRequest[] {
  return statuses.length === 0
    ? [appointmentsRequest({ ...filters })]
    : statuses.map((status) => appointmentsRequest({ ...filters, status }));
}

/** A page of the appointments in any of `statuses` (none: every status), and how many match in all. */
export function useAppointmentPage(statuses: AppointmentStatus[], filters: AppointmentFilters) {
  const { offset: _offset, ...list } = filters;
  const listKey = JSON.stringify([statuses, list]);
  return useQuery({
    queryKey: serviceKeys.appointments.page(statuses, filters),
    // Turning a page keeps the rows shown until the next page arrives; another list never shows them.
    placeholderData: (previous, previousQuery) => {
      const [, , , previousStatuses, previousFilters] = (previousQuery?.queryKey ?? []) as [
        unknown,
        unknown,
        unknown,
        AppointmentStatus[],
        AppointmentFilters | undefined,
      ];
      if (!previousFilters) return undefined;
      const { offset: _o, ...previousList } = previousFilters;
      return JSON.stringify([previousStatuses, previousList]) === listKey ? previous : undefined;
    },
    queryFn: () =>
      statuses.length > 1 ? fetchUnion(statuses, filters) : fetchPage({ ...filters, status: statuses[0] }),
  });
}
