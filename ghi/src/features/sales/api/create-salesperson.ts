import type { staffBody as salespersonBody } from '@carcar/common/contract/people';
import { pathTo, salesRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import type { Salesperson } from '../types';

export function useCreateSalesperson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof salespersonBody>) =>
      (await salesApi.post<Salesperson>(pathTo(salesRoutes.salespeople.create), body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesKeys.salespeople.all }),
  });
}
