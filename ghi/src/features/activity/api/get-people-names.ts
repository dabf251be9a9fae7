import { pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { salesApi, serviceApi } from '../../../lib/api-client';
import { nameBook } from '../../../lib/audit-words';
import { auditKeys } from '../../../lib/query-keys';

type Person = { id: number; first_name: string; last_name: string };

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
        serviceApi.get<{ technicians: Person[] }>(pathTo(serviceApiRoutes.technicians.list)),
        salesApi.get<{ salespeople: Person[] }>(pathTo(salesRoutes.salespeople.list)),
        salesApi.get<{ customers: Person[] }>(pathTo(salesRoutes.customers.list)),
      ]);
      return nameBook({
        technicians: technicians.status === 'fulfilled' ? technicians.value.data.technicians : [],
        salespeople: salespeople.status === 'fulfilled' ? salespeople.value.data.salespeople : [],
        customers: customers.status === 'fulfilled' ? customers.value.data.customers : [],
      });
    },
  });
}
