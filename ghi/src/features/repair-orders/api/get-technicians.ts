import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Technician } from '@carcar/common/contract/service';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';

/** The technicians a labor line can be given to (retired ones too, for the names of old lines). */
export function useTechnicians() {
  return useQuery({
    queryKey: serviceKeys.technicians.list({}),
    queryFn: async () =>
      (await serviceApi.get<{ technicians: Technician[] }>(pathTo(serviceApiRoutes.technicians.list))).data.technicians,
  });
}
