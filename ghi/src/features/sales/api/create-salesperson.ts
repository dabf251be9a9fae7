import type { staffBody as salespersonBody } from '@carcar/common/contract/people';
import { salesRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useCreateSalesperson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof salespersonBody>) =>
      callRoute(salesApi, salesRoutes.salespeople.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: salesKeys.salespeople.all }),
  });
}
