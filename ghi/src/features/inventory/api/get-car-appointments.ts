import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The car's service appointments, every status, from the service department. */
export function useCarAppointments(vin: string, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.appointments.byCar(vin),
    enabled,
    queryFn: async () =>
      (
        await callRoute(serviceApi, serviceApiRoutes.appointments.list, {
          params: { vin, sort: '-date_time' },
        })
      ).appointments,
  });
}
