import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useAppointment(id: number) {
  return useQuery({
    queryKey: serviceKeys.appointments.one(id),
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.appointments.get, { id }),
  });
}
