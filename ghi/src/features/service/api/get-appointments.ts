import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The appointments matching `filters`, for "Export CSV". */
export function appointmentsRequest(filters: Record<string, string | number | undefined>): CsvRequest {
  return { api: serviceApi, url: pathTo(serviceApiRoutes.appointments.list), params: filters };
}

/** Appointments matching the filters (`status`, `vin`): newest first, as the API sorts them. */
export function useAppointments(filters: { status?: string; vin?: string }, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.appointments.list(filters),
    enabled,
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.appointments.list, { params: filters })).appointments,
  });
}
