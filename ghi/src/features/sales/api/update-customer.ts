import { salesRoutes } from '@carcar/common/contract/routes';
import type { customerBody } from '@carcar/common/contract/sales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Corrects a customer's name, address or phone (`PUT /api/customers/:id/`). */
export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<z.output<typeof customerBody>>) =>
      callRoute(salesApi, salesRoutes.customers.update, { id }, { body }),
    onSuccess: (customer) => {
      queryClient.setQueryData(salesKeys.customers.one(id), customer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: salesKeys.customers.all }),
        // Sales carry the customer's name.
        queryClient.invalidateQueries({ queryKey: salesKeys.sales.all }),
      ]);
    },
  });
}
