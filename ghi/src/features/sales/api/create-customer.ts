import type { customerBody } from '@carcar/common/contract/sales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import type { Customer } from '../types';
import { customersKey } from './get-customers';

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof customerBody>) =>
      (await salesApi.post<Customer>('/api/customers/', body)).data,
    onSuccess: async (customer) => {
      // In the pickers at once: the form that added the customer selects them next.
      queryClient.setQueryData<Customer[]>(customersKey, (customers) => customers && [...customers, customer]);
      await queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}
