import { serviceApiRoutes } from '@carcar/common/contract/routes';
import type { AppointmentSort, AppointmentStatus } from '@carcar/common/contract/service';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export interface ScheduleFilters {
  technician: number;
  /** A day on the dealership's clock, YYYY-MM-DD. */
  date?: string;
  status?: AppointmentStatus;
  sort: AppointmentSort;
  limit: number;
}

/**
 * A technician's appointments (`GET /service/api/appointments/?technician=`), under the appointments'
 * key: booking, finishing or canceling one anywhere refreshes My work.
 */
export function useMySchedule(filters: ScheduleFilters) {
  return useQuery({
    queryKey: serviceKeys.appointments.list(filters),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.appointments.list, { params: filters })).appointments,
  });
}
