import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

// Features do not import each other: the service feature has its own technicians query. The key is
// the technicians list's own (lib/query-keys), so a technician added or changed anywhere shows here.

/** Technicians (`GET /service/api/technicians/`), to link a technician's account to. */
export function useLinkableTechnicians() {
  return useQuery({
    queryKey: serviceKeys.technicians.list({}),
    queryFn: async () => (await callRoute(serviceApi, serviceApiRoutes.technicians.list)).technicians,
  });
}
