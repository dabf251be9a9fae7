import { salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi, serviceApi } from '../../../lib/api-client';
import { nameBook } from '../../../lib/audit-words';
import { auditKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * Technicians, salespeople and customers by id, for the sentences of the trail ("recorded the sale
 * to Olivia Brown"): one list of each, read once. A list that fails leaves its ids as "#id".
 */
export function usePeopleNames() {
  return useQuery({
    queryKey: auditKeys.peopleNames(),
    staleTime: 60_000,
    queryFn: async () => {
      const [technicians, salespeople, customers] = await Promise.allSettled([
        callRoute(serviceApi, serviceApiRoutes.technicians.list),
        callRoute(salesApi, salesRoutes.salespeople.list),
        callRoute(salesApi, salesRoutes.customers.list),
      ]);
      return nameBook({
        technicians: technicians.status === 'fulfilled' ? technicians.value.technicians : [],
        salespeople: salespeople.status === 'fulfilled' ? salespeople.value.salespeople : [],
        customers: customers.status === 'fulfilled' ? customers.value.customers : [],
      });
    },
  });
}
