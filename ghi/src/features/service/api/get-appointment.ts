import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import type { Appointment } from '../types';

export function useAppointment(id: number) {
  return useQuery({
    queryKey: serviceKeys.appointments.one(id),
    queryFn: async () => (await serviceApi.get<Appointment>(pathTo(serviceApiRoutes.appointments.get, { id }))).data,
  });
}
