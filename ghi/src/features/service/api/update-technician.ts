import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import type { Technician } from '../types';

/** `PUT /api/technicians/:id/`: retiring (`active: false`) takes them out of the booking picker. */
export function useUpdateTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: number; active?: boolean }) =>
      (await serviceApi.put<Technician>(pathTo(serviceApiRoutes.technicians.update, { id }), body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.technicians.all }),
  });
}
