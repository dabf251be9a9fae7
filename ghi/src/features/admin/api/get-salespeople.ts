import { salesRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

// Features do not import each other: the sales feature has its own salespeople query. The key is the
// salespeople list's own (lib/query-keys), so a salesperson added or changed anywhere shows here.

/** Salespeople (`GET /sales/api/salespeople/`), to link a salesperson's account to. */
export function useLinkableSalespeople() {
  return useQuery({
    queryKey: salesKeys.salespeople.list({}),
    queryFn: async () => (await callRoute(salesApi, salesRoutes.salespeople.list)).salespeople,
  });
}
