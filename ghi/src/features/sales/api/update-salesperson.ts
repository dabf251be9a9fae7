import type { StaffUpdate } from '@carcar/common/contract/people';
import { salesRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { salesApi } from '../../../lib/api-client';
import { salesKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Changes a salesperson (`PUT /api/salespeople/:id/`): `{ active: false }` retires them. */
export function useUpdateSalesperson(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffUpdate) => callRoute(salesApi, salesRoutes.salespeople.update, { id }, { body }),
    onSuccess: (person) => {
      queryClient.setQueryData(salesKeys.salespeople.one(id), person);
      return queryClient.invalidateQueries({ queryKey: salesKeys.salespeople.all });
    },
  });
}
