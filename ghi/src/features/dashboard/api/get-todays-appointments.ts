import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';

export interface DashboardAppointment {
  id: number;
  date_time: string;
  customer: string;
  reason: string;
  status: string;
  vip: boolean;
  technician: { first_name: string; last_name: string };
}

export function useTodaysAppointments(date: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: serviceKeys.appointments.day(date),
    queryFn: async () =>
      (
        await serviceApi.get<{ appointments: DashboardAppointment[] }>(pathTo(serviceApiRoutes.appointments.list), {
          params: { date },
        })
      ).data.appointments,
  });
}
