import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** One sale, voided or not: a voided sale's page still says what it was and why it was voided. */
export function useSale(id: number) {
  return useQuery({
    queryKey: salesKeys.sales.one(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: () => callRoute(salesApi, salesRoutes.sales.get, { id }, { params: { include_voided: true } }),
  });
}
