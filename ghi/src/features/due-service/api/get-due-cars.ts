import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { DueCar, DueKind } from '@carcar/common/contract/service';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { getPage } from '../../../lib/paged';
import { serviceKeys } from '../../../lib/query-keys';

export interface DueFilters {
  kind?: DueKind;
  /** Months since the last service; the dealership's setting (SERVICE_DUE_MONTHS) when absent. */
  months?: number;
  limit: number;
  offset: number;
}

/**
 * `GET /service/api/service-due/`. Kept under the appointments' key: booking or finishing an
 * appointment anywhere refreshes the list, and the car booked leaves it.
 */
export function useDueCars(filters: DueFilters) {
  return useQuery({
    queryKey: serviceKeys.appointments.due(filters),
    placeholderData: keepPreviousData,
    queryFn: () => getPage<DueCar>(serviceApi, pathTo(serviceApiRoutes.serviceDue.list), 'cars', { ...filters }),
  });
}
