import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { countOf } from '../../../lib/paged';

/** Parts at or under their reorder point: the total of `GET /api/parts/?low=true`, from X-Total-Count. */
export function useLowStockCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['service', 'parts', 'low-count', ''],
    queryFn: () => countOf(serviceApi, '/api/parts/', { low: true }),
  });
}
