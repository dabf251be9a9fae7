import { serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { serviceApi } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/**
 * `PUT /api/appointments/:id/cancel/` (with the reason it was canceled) or `/finish/`; every list and
 * detail refreshes without a reload. Failures are the caller's to show: in its dialog, or a toast.
 */
export function useUpdateAppointmentStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: number; action: 'cancel' | 'finish'; reason?: string }) =>
      callRoute(serviceApi, serviceApiRoutes.appointments[action], { id }, { body: reason ? { reason } : undefined }),
    onSuccess: (appointment) => {
      toast.success(
        appointment.status === 'canceled'
          ? t('service:actions.canceled', { customer: appointment.customer })
          : t('service:actions.finished', { customer: appointment.customer }),
      );
      return queryClient.invalidateQueries({ queryKey: serviceKeys.appointments.all });
    },
  });
}
