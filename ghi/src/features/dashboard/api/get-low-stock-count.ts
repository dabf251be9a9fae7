import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { countOf } from '../../../lib/paged';
import { serviceKeys } from '../../../lib/query-keys';

/** Parts at or under their reorder point: the total of `GET /api/parts/?low=true`, from X-Total-Count. */
export function useLowStockCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: serviceKeys.parts.lowCount(''),
    queryFn: () => countOf(serviceApi, pathTo(serviceApiRoutes.parts.list), { low: true }),
  });
}
