import type { staffBody as technicianBody } from '@carcar/common/contract/people';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import type { Technician } from '../types';

export function useCreateTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof technicianBody>) =>
      (await serviceApi.post<Technician>(pathTo(serviceApiRoutes.technicians.create), body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.technicians.all }),
  });
}
