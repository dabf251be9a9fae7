import type { InspectionTemplate } from '@carcar/common/contract/inspections';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';

/** `GET /api/inspection-template/`: the shop's checklist, the same for every car. */
export function useInspectionTemplate() {
  return useQuery({
    queryKey: serviceKeys.inspectionTemplate,
    queryFn: async () =>
      (await serviceApi.get<InspectionTemplate>(pathTo(serviceApiRoutes.inspectionTemplate.get))).data,
    // A manager changes it rarely; a technician walking round a car need not fetch it again.
    staleTime: 10 * 60_000,
  });
}
