import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** `GET /api/inspection-template/`: the shop's checklist, the same for every car. */
export function useInspectionTemplate() {
  return useQuery({
    queryKey: serviceKeys.inspectionTemplate,
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.inspectionTemplate.get),
    // A manager changes it rarely; a technician walking round a car need not fetch it again.
    staleTime: 10 * 60_000,
  });
}
