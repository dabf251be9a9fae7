import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useTechnician(id: number) {
  return useQuery({
    queryKey: serviceKeys.technicians.one(id),
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.technicians.get, { id }),
  });
}
