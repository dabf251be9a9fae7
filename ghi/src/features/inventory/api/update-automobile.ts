import type { automobileUpdateBody } from '@carcar/common/contract/inventory';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryApi } from '../../../lib/api-client';
import type { Automobile } from '../types';
import { automobileKey } from './get-automobile';
import { automobilesKey } from './get-automobiles';

/** Corrects a car's color or year (`PUT /api/automobiles/:vin/`). */
export function useUpdateAutomobile(vin: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof automobileUpdateBody>) =>
      (await inventoryApi.put<Automobile>(`/api/automobiles/${encodeURIComponent(vin)}/`, body)).data,
    onSuccess: (car) => {
      queryClient.setQueryData(automobileKey(vin), car);
      return queryClient.invalidateQueries({ queryKey: automobilesKey });
    },
  });
}
