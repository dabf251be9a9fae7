import { salesRoutes } from '@carcar/common/contract/routes';
import type { customerBody } from '@carcar/common/contract/sales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { Customer } from '../types';

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof customerBody>) => callRoute(salesApi, salesRoutes.customers.create, { body }),
    onSuccess: async (customer) => {
      // In the pickers at once: the form that added the customer selects them next.
      queryClient.setQueryData<Customer[]>(
        salesKeys.customers.list(),
        (customers) => customers && [...customers, customer],
      );
      await queryClient.invalidateQueries({ queryKey: salesKeys.customers.all });
    },
  });
}
