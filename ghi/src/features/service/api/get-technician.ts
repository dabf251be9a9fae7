import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import type { Technician } from '../types';

export function useTechnician(id: number) {
  return useQuery({
    queryKey: serviceKeys.technicians.one(id),
    queryFn: async () => (await serviceApi.get<Technician>(pathTo(serviceApiRoutes.technicians.get, { id }))).data,
  });
}
