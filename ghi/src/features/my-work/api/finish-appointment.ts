import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { serviceApi } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * `PUT /service/api/appointments/:id/finish/`: every view of the appointments refreshes without a
 * reload. Failures are the caller's to show.
 */
export function useFinishAppointment() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => callRoute(serviceApi, serviceApiRoutes.appointments.finish, { id }),
    onSuccess: (appointment) => {
      toast.success(t('service:actions.finished', { customer: appointment.customer }));
      return queryClient.invalidateQueries({ queryKey: serviceKeys.appointments.all });
    },
  });
}
