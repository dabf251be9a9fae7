import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { countOf, getPage } from '../../../lib/paged';
import { serviceKeys } from '../../../lib/query-keys';
import type { RepairOrder, RepairOrderStatus } from '../types';

export interface RepairOrderFilters {
  status?: RepairOrderStatus;
  q?: string;
  vin?: string;
}

/** One page of repair orders, newest first as the API sorts them, and how many match in all. */
export function useRepairOrderPage(filters: RepairOrderFilters & { limit: number; offset: number }) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.page(filters),
    queryFn: () =>
      getPage<RepairOrder>(serviceApi, pathTo(serviceApiRoutes.repairOrders.list), 'repair_orders', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** How many orders have `status` with the same search: the count beside each status filter. */
export function useRepairOrderCount(filters: RepairOrderFilters) {
  return useQuery({
    queryKey: serviceKeys.repairOrders.count(filters),
    queryFn: () => countOf(serviceApi, pathTo(serviceApiRoutes.repairOrders.list), { ...filters }),
  });
}
