import { salesRoutes } from '@carcar/common/contract/routes';
import type { Customer } from '@carcar/common/contract/sales';
import { useQuery } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export type CustomerContact =
  | { found: 'one'; customer: Customer }
  | { found: 'several'; count: number }
  | { found: 'none' };

const fullName = (c: Customer) => `${c.first_name} ${c.last_name}`.trim().toLowerCase();

/**
 * The sales records' customer of this name, for the phone number. An appointment keeps only the
 * name as typed at booking, so only an exact match of the whole name (ignoring case) counts; two
 * customers of one name are left for the advisor to tell apart.
 */
export function useCustomerContact(name: string | null, enabled: boolean) {
  return useQuery({
    queryKey: salesKeys.customers.byName(name),
    enabled: enabled && name !== null && name.trim() !== '',
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<CustomerContact> => {
      const wanted = (name ?? '').trim().toLowerCase();
      const found = (
        await callRoute(salesApi, salesRoutes.customers.list, { params: { q: name?.trim(), limit: 20 } })
      ).customers.filter((c) => fullName(c) === wanted);
      if (found.length === 1 && found[0]) return { found: 'one', customer: found[0] };
      return found.length > 1 ? { found: 'several', count: found.length } : { found: 'none' };
    },
  });
}

/**
 * The buyer of a sold car, from its live sale: `GET /sales/api/customers/?vin=`. Service keeps no
 * buyer (it reads no sales), so a car sold here and never booked since has no name on the call
 * list; the advisor, who reads customers but not sales, asks sales by the car. Null: no live sale.
 */
export function useCarBuyer(vin: string, enabled: boolean) {
  return useQuery({
    queryKey: salesKeys.customers.buyerOf(vin),
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Customer | null> =>
      (await callRoute(salesApi, salesRoutes.customers.list, { params: { vin } })).customers[0] ?? null,
  });
}
