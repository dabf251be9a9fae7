import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** `PUT /api/technicians/:id/`: retiring (`active: false`) takes them out of the booking picker. */
export function useUpdateTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; active?: boolean }) =>
      callRoute(serviceApi, serviceApiRoutes.technicians.update, { id }, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.technicians.all }),
  });
}
