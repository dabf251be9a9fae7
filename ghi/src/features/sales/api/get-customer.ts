import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useCustomer(id: number) {
  return useQuery({
    queryKey: salesKeys.customers.one(id),
    enabled: Number.isInteger(id) && id > 0,
    queryFn: () => callRoute(salesApi, salesRoutes.customers.get, { id }),
  });
}
