import type { staffBody as technicianBody } from '@carcar/common/contract/people';
import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

export function useCreateTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof technicianBody>) =>
      callRoute(serviceApi, serviceApiRoutes.technicians.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.technicians.all }),
  });
}
