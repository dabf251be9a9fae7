import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Appointment } from '@carcar/common/contract/service';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';

/** The car's service appointments, every status, from the service department. */
export function useCarAppointments(vin: string, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.appointments.byCar(vin),
    enabled,
    queryFn: async () =>
      (
        await serviceApi.get<{ appointments: Appointment[] }>(pathTo(serviceApiRoutes.appointments.list), {
          params: { vin, sort: '-date_time' },
        })
      ).data.appointments,
  });
}
