import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * Repair orders opened per month, from the repair-order report (`YYYY-MM` to `YYYY-MM`); the same
 * query key as the report's, so the two pages share one answer.
 */
export function useRepairOrderMonths(months: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: serviceKeys.reports.repairOrdersByMonth(months),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.reports.repairOrdersByMonth, { params: months })).months,
  });
}
