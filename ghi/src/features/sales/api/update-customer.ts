import type { customerBody } from '@carcar/common/contract/sales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import type { Customer } from '../types';
import { customerKey } from './get-customer';
import { customersKey } from './get-customers';
import { salesKey } from './get-sales';

/** Corrects a customer's name, address or phone (`PUT /api/customers/:id/`). */
export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Partial<z.output<typeof customerBody>>) =>
      (await salesApi.put<Customer>(`/api/customers/${id}/`, body)).data,
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKey(id), customer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: customersKey }),
        // Sales carry the customer's name.
        queryClient.invalidateQueries({ queryKey: salesKey }),
      ]);
    },
  });
}
