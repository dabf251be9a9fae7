import type { modelCreateBody } from '@carcar/common/contract/inventory';
import { inventoryRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useCreateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof modelCreateBody>) =>
      callRoute(inventoryApi, inventoryRoutes.models.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.models.all }),
  });
}
