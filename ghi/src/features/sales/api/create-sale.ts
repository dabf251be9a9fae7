import { salesRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { SaleableCar } from '../types';

export function useCreateSale() {
  const queryClient = useQueryClient();
  return useMutation({
    // The body as the deal screen builds it (money as typed); the API validates and answers 400 by field.
    mutationFn: (body: Record<string, unknown>) => callRoute(salesApi, salesRoutes.sales.create, { body }),
    onSuccess: (sale) => {
      // The sold car leaves the choices at once, before the list is fetched again.
      queryClient.setQueryData<SaleableCar[]>(salesKeys.automobiles.unsold(), (cars) =>
        cars?.filter((car) => car.vin !== sale.automobile.vin),
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: salesKeys.sales.all }),
        queryClient.invalidateQueries({ queryKey: salesKeys.automobiles.all }),
      ]);
    },
  });
}
