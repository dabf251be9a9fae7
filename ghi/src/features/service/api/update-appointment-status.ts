import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { errorMessage, serviceApi } from '../../../lib/api-client';
import type { Appointment } from '../types';
import { appointmentsKey } from './get-appointments';

/** `PUT /api/appointments/:id/cancel/` or `/finish/`; the lists refresh without a reload. */
export function useUpdateAppointmentStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: number; action: 'cancel' | 'finish' }) =>
      (await serviceApi.put<Appointment>(`/api/appointments/${id}/${action}/`)).data,
    onSuccess: (appointment) => {
      toast.success(`Appointment for ${appointment.customer} ${appointment.status}`);
      return queryClient.invalidateQueries({ queryKey: appointmentsKey });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
}
