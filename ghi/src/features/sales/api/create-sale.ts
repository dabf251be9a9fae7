import type { saleCreateBody } from '@carcar/common/contract/sales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import type { Sale, SaleableCar } from '../types';
import { saleableCarsKey } from './get-saleable-cars';
import { salesKey } from './get-sales';

export function useCreateSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof saleCreateBody>) => (await salesApi.post<Sale>('/api/sales/', body)).data,
    onSuccess: (sale) => {
      // The sold car leaves the choices at once, before the list is fetched again.
      queryClient.setQueryData<SaleableCar[]>(saleableCarsKey, (cars) =>
        cars?.filter((car) => car.vin !== sale.automobile.vin),
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: salesKey }),
        queryClient.invalidateQueries({ queryKey: saleableCarsKey }),
      ]);
    },
  });
}
