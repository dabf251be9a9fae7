import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

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
    // What the dashboard reads of an appointment: the row's answer is checked to hold it.
    queryFn: async (): Promise<DashboardAppointment[]> =>
      (await callRoute(serviceApi, serviceApiRoutes.appointments.list, { params: { date } })).appointments,
  });
}
