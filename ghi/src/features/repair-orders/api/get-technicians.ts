import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** The technicians a labor line can be given to (retired ones too, for the names of old lines). */
export function useTechnicians() {
  return useQuery({
    queryKey: serviceKeys.technicians.list({}),
    queryFn: async () => (await callRoute(serviceApi, serviceApiRoutes.technicians.list)).technicians,
  });
}
